/**
 * Pure plot builder for a small drawing of a dense network (the SGD-step figure): one column of
 * units per layer, one line per weight, coloured by its sign as in the weight heatmaps (red
 * negative, blue positive) and as strong as it is large. The followed weight is drawn over the
 * rest, with the weights whose numbers its step uses: those into the unit it comes from (the forward
 * pass that makes a) and those out of the unit it feeds (the backward pass that makes δ).
 * `nearestWeight` finds the weight under a pointer, in the drawing's own pixels.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';
import { FONT_SIZE } from './frame';

/** The weights' colours: the heatmaps' red and blue, a little lighter, so that thin lines read on a light and a dark page. */
export const NEGATIVE_LINE = '#e03131';
export const POSITIVE_LINE = '#1c7ed6';

/** A weight: W^(layer)[row, col], 1-based. */
export interface WeightKey {
  readonly layer: number;
  readonly row: number;
  readonly col: number;
}

export interface NetworkData {
  /** Units per layer, input first, e.g. [1, 10, 10, 10, 1]. */
  readonly sizes: readonly number[];
  /** weights[l − 1]: matrix W^(l), row-major (fanIn, fanOut). */
  readonly weights: readonly (readonly number[])[];
  readonly followed: WeightKey;
  /** |w| at which a line is fully opaque (and widest). */
  readonly maxAbs: number;
}

export interface NetworkFrame {
  readonly width: number;
  readonly height: number;
  readonly marginX: number;
  readonly marginTop: number;
  readonly marginBottom: number;
}

/** One drawing, the same on a desktop (two side by side) and on a phone (one under the other): about 320px. */
export const NETWORK_FRAME: NetworkFrame = { width: 320, height: 236, marginX: 24, marginTop: 10, marginBottom: 26 };

/** Where unit k (0-based, top first) of layer l sits: x = l, y centred on 0, one unit apart. */
export function unitPosition(sizes: readonly number[], l: number, k: number): { x: number; y: number } {
  return { x: l, y: (sizes[l] - 1) / 2 - k };
}

export interface Edge extends WeightKey {
  readonly w: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The followed weight, one whose number its step uses, or another. */
  readonly role: 'followed' | 'involved' | 'other';
}

/** Every weight as a line from its unit to the next layer's. */
export function networkEdges(d: NetworkData): Edge[] {
  const { sizes, weights, followed } = d;
  const edges: Edge[] = [];
  for (let layer = 1; layer < sizes.length; layer++) {
    const fanOut = sizes[layer];
    for (let row = 1; row <= sizes[layer - 1]; row++) {
      for (let col = 1; col <= fanOut; col++) {
        const a = unitPosition(sizes, layer - 1, row - 1);
        const b = unitPosition(sizes, layer, col - 1);
        const isFollowed = layer === followed.layer && row === followed.row && col === followed.col;
        // into the unit the followed weight comes from, or out of the unit it feeds
        const involved = (layer === followed.layer - 1 && col === followed.row) || (layer === followed.layer + 1 && row === followed.col);
        edges.push({ layer, row, col, w: weights[layer - 1]?.[(row - 1) * fanOut + (col - 1)] ?? NaN, x1: a.x, y1: a.y, x2: b.x, y2: b.y, role: isFollowed ? 'followed' : involved ? 'involved' : 'other' });
      }
    }
  }
  return edges;
}

/**
 * How strongly a weight's line is drawn: a level from 0 (w = 0) to STRENGTH_LEVELS (|w| ≥ maxAbs). A
 * step moves most weights by thousandths, which no eye sees; drawing levels rather than exact values
 * means that a step redraws the network only when some weight's level changes, and that the lines of
 * one level and sign are one path.
 */
export const STRENGTH_LEVELS = 8;
export function strengthLevel(w: number, maxAbs: number): number {
  return Math.min(STRENGTH_LEVELS, Math.round((Math.abs(w) / maxAbs) * STRENGTH_LEVELS));
}

/** The layers' names under their columns. */
export function layerNames(sizes: readonly number[]): string[] {
  return sizes.map((_, l) => (l === 0 ? 'x' : l === sizes.length - 1 ? 'ŷ' : `layer ${l}`));
}

const ROLES: readonly Edge['role'][] = ['other', 'involved'];

/** A line of the drawing: one end of a weight's line, or the gap that ends it (x, y NaN); its group is its role, sign and level. */
export interface EdgePoint {
  readonly x: number;
  readonly y: number;
  readonly group: string;
  readonly color: string;
  readonly opacity: number;
  readonly width: number;
}

/** Every weight but the followed one as points of lines, grouped by role, sign and level (drawn in that order, so stronger lines lie on top). */
export function edgePoints(d: NetworkData): EdgePoint[] {
  const maxAbs = Number.isFinite(d.maxAbs) && d.maxAbs > 0 ? d.maxAbs : 1;
  const groups = new Map<string, EdgePoint[]>();
  for (const e of networkEdges(d)) {
    if (e.role === 'followed' || !Number.isFinite(e.w)) continue;
    const level = strengthLevel(e.w, maxAbs);
    // a weight too small to show its sign (level 0) is drawn in the text's colour, whatever its sign
    const sign = level === 0 ? '0' : e.w < 0 ? '-' : '+';
    const rank = ROLES.indexOf(e.role) * (STRENGTH_LEVELS + 1) + level;
    const group = `${String(rank).padStart(2, '0')}${sign}`;
    const strength = level / STRENGTH_LEVELS;
    const style = {
      group,
      color: sign === '0' ? 'currentColor' : sign === '-' ? NEGATIVE_LINE : POSITIVE_LINE,
      opacity: (e.role === 'other' ? 0.45 : 1) * (0.08 + 0.92 * strength),
      width: (e.role === 'other' ? 0.6 : 1.2) + 2.4 * strength,
    };
    const points = groups.get(group) ?? [];
    points.push({ x: e.x1, y: e.y1, ...style }, { x: e.x2, y: e.y2, ...style }, { x: NaN, y: NaN, ...style });
    groups.set(group, points);
  }
  return [...groups.keys()].sort().flatMap((g) => groups.get(g)!);
}

export function networkPlot(d: NetworkData, frame: NetworkFrame = NETWORK_FRAME): PlotOptions {
  const { sizes, followed } = d;
  const half = (Math.max(...sizes) - 1) / 2;
  const units = sizes.flatMap((n, l) =>
    Array.from({ length: n }, (_, k) => {
      const endpoint = (l === followed.layer - 1 && k === followed.row - 1) || (l === followed.layer && k === followed.col - 1);
      return { ...unitPosition(sizes, l, k), endpoint };
    }),
  );
  const chosen = networkEdges(d).filter((e) => e.role === 'followed');
  return {
    width: frame.width,
    height: frame.height,
    marginLeft: frame.marginX,
    marginRight: frame.marginX,
    marginTop: frame.marginTop,
    marginBottom: frame.marginBottom,
    style: { fontSize: FONT_SIZE },
    x: { domain: [0, sizes.length - 1], axis: null },
    y: { domain: [-half, half], axis: null },
    opacity: { type: 'identity' },
    marks: [
      Plot.line(edgePoints(d), { x: 'x', y: 'y', z: 'group', stroke: 'color', strokeOpacity: 'opacity', strokeWidth: 'width' }),
      // the followed weight: a halo in the card's colour, then a line in the text's colour (visible even at w = 0)
      Plot.link(chosen, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'var(--card)', strokeWidth: 7 }),
      Plot.link(chosen, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'currentColor', strokeWidth: 2.5 }),
      Plot.dot(units.filter((u) => !u.endpoint), { x: 'x', y: 'y', r: 3, fill: 'var(--card)', stroke: 'currentColor', strokeWidth: 1 }),
      Plot.dot(units.filter((u) => u.endpoint), { x: 'x', y: 'y', r: 5, fill: 'currentColor', stroke: 'var(--card)', strokeWidth: 1.5 }),
      Plot.text(layerNames(sizes).map((text, l) => ({ text, x: l })), { x: 'x', y: () => -half, text: 'text', dy: 9, fill: 'currentColor', lineAnchor: 'top' }),
    ],
  };
}

/** What the drawing depends on, as a key: a step that changes no weight's level or sign draws the same picture. */
export function drawingKey(d: NetworkData): string {
  const maxAbs = Number.isFinite(d.maxAbs) && d.maxAbs > 0 ? d.maxAbs : 1;
  const levels = d.weights.map((W) => W.map((w) => (w < 0 ? -1 : 1) * strengthLevel(w, maxAbs) + 0).join(',')).join(';');
  return `${d.followed.layer},${d.followed.row},${d.followed.col}|${levels}`;
}

/** Pixels of the drawing (its own units) of a point in the layout's coordinates. */
export function toPixels(sizes: readonly number[], x: number, y: number, frame: NetworkFrame = NETWORK_FRAME): { px: number; py: number } {
  const half = (Math.max(...sizes) - 1) / 2;
  const innerW = frame.width - 2 * frame.marginX;
  const innerH = frame.height - frame.marginTop - frame.marginBottom;
  return { px: frame.marginX + (x / (sizes.length - 1)) * innerW, py: frame.marginTop + ((half - y) / (2 * half)) * innerH };
}

/** The weight whose line passes nearest a point of the drawing (its own pixels), if one is within `reach` pixels. */
export function nearestWeight(sizes: readonly number[], px: number, py: number, reach = 12, frame: NetworkFrame = NETWORK_FRAME): WeightKey | null {
  let best: WeightKey | null = null;
  let bestDistance = reach;
  for (let layer = 1; layer < sizes.length; layer++) {
    for (let row = 1; row <= sizes[layer - 1]; row++) {
      for (let col = 1; col <= sizes[layer]; col++) {
        const a = unitPosition(sizes, layer - 1, row - 1);
        const b = unitPosition(sizes, layer, col - 1);
        const p = toPixels(sizes, a.x, a.y, frame);
        const q = toPixels(sizes, b.x, b.y, frame);
        const dx = q.px - p.px;
        const dy = q.py - p.py;
        const t = Math.max(0, Math.min(1, ((px - p.px) * dx + (py - p.py) * dy) / (dx * dx + dy * dy)));
        const distance = Math.hypot(px - (p.px + t * dx), py - (p.py + t * dy));
        if (distance < bestDistance) {
          bestDistance = distance;
          best = { layer, row, col };
        }
      }
    }
  }
  return best;
}
