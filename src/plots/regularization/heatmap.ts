/**
 * Pure plot builder for the weight heatmaps: every layer's weight matrix side by side, rows =
 * inputs (fan-in), columns = outputs (fan-out), on a diverging scale with zero neutral. Hidden
 * units that a penalty switched off are outlined: their column in the matrix feeding them and
 * their row in the matrix they feed.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';

export interface HeatCell {
  layer: number;
  i: number;
  j: number;
  w: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export interface HeatLayout {
  /** Left edge of each matrix in cell units. */
  offsets: number[];
  width: number;
  height: number;
}

const GAP = 1.6;

export function heatLayout(sizes: readonly number[]): HeatLayout {
  const offsets: number[] = [];
  let x = 0;
  for (let l = 0; l < sizes.length - 1; l++) {
    offsets.push(x);
    x += sizes[l + 1] + GAP;
  }
  return { offsets, width: x - GAP, height: Math.max(...sizes.slice(0, -1)) };
}

/** One rect per weight; non-finite weights are left out. */
export function heatCells(sizes: readonly number[], weights: readonly (readonly number[])[]): HeatCell[] {
  const { offsets } = heatLayout(sizes);
  const cells: HeatCell[] = [];
  for (let l = 0; l < sizes.length - 1; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    for (let i = 0; i < fanIn; i++) {
      for (let j = 0; j < fanOut; j++) {
        const w = weights[l]?.[i * fanOut + j];
        if (!Number.isFinite(w)) continue;
        cells.push({ layer: l, i, j, w, x1: offsets[l] + j, x2: offsets[l] + j + 1, y1: i, y2: i + 1 });
      }
    }
  }
  return cells;
}

/** Outline boxes for switched-off hidden units: removed[h] lists units of hidden layer h + 1. */
export function deadOutlines(sizes: readonly number[], removed: readonly (readonly number[])[]): { x1: number; x2: number; y1: number; y2: number }[] {
  const { offsets } = heatLayout(sizes);
  const boxes: { x1: number; x2: number; y1: number; y2: number }[] = [];
  removed.forEach((units, h) => {
    const into = h; // matrix feeding hidden layer h + 1
    const out = h + 1; // matrix it feeds
    for (const j of units) {
      boxes.push({ x1: offsets[into] + j, x2: offsets[into] + j + 1, y1: 0, y2: sizes[h] });
      boxes.push({ x1: offsets[out], x2: offsets[out] + sizes[h + 2], y1: j, y2: j + 1 });
    }
  });
  return boxes;
}

/** The colour key drawn with marks (a continuous legend would need a canvas at build time). */
export function colorKey(maxAbs: number, top: number, steps = 40, length = 12): { cells: { x1: number; x2: number; y1: number; y2: number; w: number }[]; labels: { x: number; y: number; text: string }[] } {
  const cells = Array.from({ length: steps }, (_, k) => ({
    x1: (k * length) / steps,
    x2: ((k + 1) * length) / steps,
    y1: top,
    y2: top + 0.8,
    w: -maxAbs + ((k + 0.5) * 2 * maxAbs) / steps,
  }));
  const y = top + 0.4;
  const fmt = (v: number) => (v === 0 ? '0' : v.toFixed(1).replace('-', '−'));
  return {
    cells,
    labels: [{ x: length + 0.4, y, text: `weight, from ${fmt(-maxAbs)} (red) through 0 (white) to ${fmt(maxAbs)} (blue)` }],
  };
}

export interface HeatmapOptions {
  /** Colour scale runs from −maxAbs to +maxAbs. */
  maxAbs: number;
  width?: number;
  title?: string;
}

export function heatmapPlot(
  sizes: readonly number[],
  weights: readonly (readonly number[])[],
  removed: readonly (readonly number[])[],
  { maxAbs, width = 640 }: HeatmapOptions,
): PlotOptions {
  const layout = heatLayout(sizes);
  const cells = heatCells(sizes, weights);
  const m = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 1;
  const inner = width - 20;
  const rows = layout.height + 2.4; // matrices, then the colour key underneath
  const height = Math.round((inner * rows) / layout.width) + 30;
  const key = colorKey(m, layout.height + 1.2);
  const labels = layout.offsets.map((x, l) => ({ x: x + sizes[l + 1] / 2, y: -0.4, text: `W${l + 1} (${sizes[l]},${sizes[l + 1]})` }));
  return {
    width,
    height,
    marginLeft: 10,
    marginRight: 10,
    marginTop: 20,
    marginBottom: 10,
    x: { domain: [0, layout.width], axis: null },
    y: { domain: [0, rows], reverse: true, axis: null },
    color: { type: 'diverging', scheme: 'rdbu', domain: [-m, m], pivot: 0 },
    marks: [
      Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'w', inset: 0.5 }),
      Plot.rect(deadOutlines(sizes, removed), { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', stroke: 'var(--fg)', strokeWidth: 1.5, strokeDasharray: '3,2', fill: 'none' }),
      Plot.text(labels, { x: 'x', y: 'y', text: 'text', fill: 'currentColor', fontSize: 12, lineAnchor: 'bottom' }),
      Plot.rect(key.cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'w' }),
      Plot.text(key.labels, { x: 'x', y: 'y', text: 'text', fill: 'currentColor', fontSize: 11, textAnchor: 'start' }),
    ],
  };
}
