/**
 * The plot a reader draws their own data on (widgets/shared/DataPanel.tsx): the points as dots in
 * a box that shows at least the figure's usual view and grows to take in every point. Pure: the
 * options, the box, and the conversions between the drawing's pixels and the data.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from './render';

export type Pair = readonly [number, number];
export interface PadBox {
  readonly x: Pair;
  readonly y: Pair;
}

/** The pad's drawing: about a phone's width, scaled to its box. */
export const PAD_FRAME = { width: 340, height: 230, marginLeft: 44, marginRight: 14, marginTop: 24, marginBottom: 40 } as const;

function span([lo, hi]: Pair, values: readonly number[]): [number, number] {
  let a = lo;
  let b = hi;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < a) a = v;
    if (v > b) b = v;
  }
  if (a === lo && b === hi) return [lo, hi];
  // Points outside the usual view: a margin of 5% of the new span around them.
  const m = (b - a) * 0.05 || 1;
  return [a < lo ? a - m : lo, b > hi ? b + m : hi];
}

/** The box the pad shows: the usual view, grown to take in every point. */
export function padBox(points: readonly Pair[], view: PadBox): PadBox {
  return { x: span(view.x, points.map((p) => p[0])), y: span(view.y, points.map((p) => p[1])) };
}

export function padPlot(points: readonly Pair[], box: PadBox): PlotOptions {
  const shown = points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  return {
    ...PAD_FRAME,
    style: { fontSize: '13px' },
    x: { domain: [...box.x], label: 'x', ticks: 5 },
    y: { domain: [...box.y], label: 'y', grid: true, ticks: 5 },
    marks: [
      Plot.frame({ strokeOpacity: 0.3 }),
      Plot.dot(shown, { x: (p: Pair) => p[0], y: (p: Pair) => p[1], r: 4, fill: 'var(--accent, currentColor)', fillOpacity: 0.7, stroke: 'currentColor', strokeWidth: 0.6 }),
    ],
  };
}

/** Data coordinates of a point in the drawing's own pixel units. */
export function padToData(px: number, py: number, box: PadBox): [number, number] {
  const f = PAD_FRAME;
  const w = f.width - f.marginLeft - f.marginRight;
  const h = f.height - f.marginTop - f.marginBottom;
  return [box.x[0] + ((px - f.marginLeft) / w) * (box.x[1] - box.x[0]), box.y[1] - ((py - f.marginTop) / h) * (box.y[1] - box.y[0])];
}

/** The drawing's pixel position of a data point (the inverse of padToData). */
export function dataToPad(p: Pair, box: PadBox): [number, number] {
  const f = PAD_FRAME;
  const w = f.width - f.marginLeft - f.marginRight;
  const h = f.height - f.marginTop - f.marginBottom;
  return [f.marginLeft + ((p[0] - box.x[0]) / (box.x[1] - box.x[0])) * w, f.marginTop + ((box.y[1] - p[1]) / (box.y[1] - box.y[0])) * h];
}

/** A drawn coordinate rounded to about a thousandth of the box's span (2 decimals for a box 10 wide). */
export function roundToBox(v: number, [lo, hi]: Pair): number {
  const step = 10 ** (Math.floor(Math.log10(hi - lo)) - 3);
  const digits = Math.max(0, -Math.round(Math.log10(step)));
  return Number((Math.round(v / step) * step).toFixed(digits));
}
