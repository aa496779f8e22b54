/**
 * Pure builders for a small drawing of a dense network (the SGD-step figure): one column of units per
 * layer, one line per weight, coloured by its sign as in the weight heatmaps (red negative, blue
 * positive) and as strong as it is large. The followed weight is drawn over the rest, with the
 * weights whose numbers its step uses: those into the unit it comes from (the forward pass that
 * makes a) and those out of the unit it feeds (the backward pass that makes δ).
 *
 * Plot draws what never changes (`networkPlot`: the frame and the layers' names, once); the lines
 * and units, which change with every step, are a layer over it (`networkDrawing`: paths and circles
 * in the same pixels), so that a step redraws a few paths and no Plot. `nearestWeight` finds the
 * weight under a pointer, in those pixels.
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
 * means that the lines of one level and sign are one path, a few dozen in all, and that a step
 * changes only the paths of the levels some weight leaves or enters.
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

/** A path of the drawing: every line of one role, sign and level (its `d` in the drawing's pixels). */
export interface DrawnLines {
  /** Role, sign and level, e.g. "03-": weaker groups sort first and are drawn first, under stronger ones. */
  readonly group: string;
  readonly d: string;
  readonly color: string;
  readonly opacity: number;
  readonly width: number;
}

/** A unit of the drawing, in its pixels; `endpoint`: one of the followed weight's two units. */
export interface DrawnUnit {
  readonly cx: number;
  readonly cy: number;
  readonly endpoint: boolean;
}

/** What the layer over the plot draws, in the drawing's pixels (see `networkDrawing`). */
export interface NetworkDrawing {
  /** Every weight but the followed one, one path per role, sign and level, in drawing order. */
  readonly lines: DrawnLines[];
  /** The followed weight's line (drawn thick, in the text's colour, over a halo in the card's). */
  readonly followed: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | null;
  /** Every unit, the followed weight's two last (drawn over the others). */
  readonly units: DrawnUnit[];
}

/** A pixel coordinate written with two decimals at most (paths stay short; no one sees 0.01 px). */
const px = (v: number) => String(Math.round(v * 100) / 100);

/** The lines and units of the network for its weights, in the frame's pixels: the layer over `networkPlot`. */
export function networkDrawing(d: NetworkData, frame: NetworkFrame = NETWORK_FRAME): NetworkDrawing {
  const { sizes, followed } = d;
  const maxAbs = Number.isFinite(d.maxAbs) && d.maxAbs > 0 ? d.maxAbs : 1;
  const at = (x: number, y: number) => toPixels(sizes, x, y, frame);
  const groups = new Map<string, { style: Omit<DrawnLines, 'd'>; d: string[] }>();
  let chosen: NetworkDrawing['followed'] = null;
  for (const e of networkEdges(d)) {
    const a = at(e.x1, e.y1);
    const b = at(e.x2, e.y2);
    if (e.role === 'followed') {
      chosen = { x1: a.px, y1: a.py, x2: b.px, y2: b.py };
      continue;
    }
    if (!Number.isFinite(e.w)) continue;
    const level = strengthLevel(e.w, maxAbs);
    // a weight too small to show its sign (level 0) is drawn in the text's colour, whatever its sign
    const sign = level === 0 ? '0' : e.w < 0 ? '-' : '+';
    const rank = ROLES.indexOf(e.role) * (STRENGTH_LEVELS + 1) + level;
    const group = `${String(rank).padStart(2, '0')}${sign}`;
    let g = groups.get(group);
    if (!g) {
      const strength = level / STRENGTH_LEVELS;
      g = {
        style: {
          group,
          color: sign === '0' ? 'currentColor' : sign === '-' ? NEGATIVE_LINE : POSITIVE_LINE,
          opacity: (e.role === 'other' ? 0.45 : 1) * (0.08 + 0.92 * strength),
          width: (e.role === 'other' ? 0.6 : 1.2) + 2.4 * strength,
        },
        d: [],
      };
      groups.set(group, g);
    }
    g.d.push(`M${px(a.px)},${px(a.py)}L${px(b.px)},${px(b.py)}`);
  }
  const lines = [...groups.keys()].sort().map((k) => ({ ...groups.get(k)!.style, d: groups.get(k)!.d.join('') }));
  const units = sizes.flatMap((n, l) =>
    Array.from({ length: n }, (_, k) => {
      const u = at(unitPosition(sizes, l, k).x, unitPosition(sizes, l, k).y);
      const endpoint = (l === followed.layer - 1 && k === followed.row - 1) || (l === followed.layer && k === followed.col - 1);
      return { cx: u.px, cy: u.py, endpoint };
    }),
  );
  return { lines, followed: chosen, units: [...units.filter((u) => !u.endpoint), ...units.filter((u) => u.endpoint)] };
}

/** The drawing's frame, the same at every step: the layers' names under their columns (the network is `networkDrawing`'s layer over it). */
export function networkPlot(sizes: readonly number[], frame: NetworkFrame = NETWORK_FRAME): PlotOptions {
  const half = (Math.max(...sizes) - 1) / 2;
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
    marks: [Plot.text(layerNames(sizes).map((text, l) => ({ text, x: l })), { x: 'x', y: () => -half, text: 'text', dy: 9, fill: 'currentColor', lineAnchor: 'top' })],
  };
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
