import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';

/** Frame of the curve plots; exported so a widget can map a pointer position to x. */
export const CURVE_FRAME = { width: 320, height: 220, marginLeft: 44, marginRight: 14, marginTop: 14, marginBottom: 34 } as const;

export interface CurveSeries {
  key: string;
  color: string;
  /** Points to join; `seg` separates pieces that must not be joined (a jump at 0). */
  points: readonly { x: number; y: number; seg: number }[];
}

export interface CurvePlotOptions {
  xDomain: readonly [number, number];
  /** Axis label of y, e.g. "f(x)" or "f′(x)". */
  yLabel: string;
  /** Cursor: a vertical rule at x and a dot per series at its value there. */
  cursor?: { x: number; points: readonly { y: number; color: string }[] } | null;
  /**
   * Extra thin lines on the negative side, e.g. RReLU training-mode slopes: y = k·x for x from
   * xDomain[0] to 0, or (flat) the constant y = k there, as in f'.
   */
  rays?: readonly { slope: number; color: string; flat?: boolean }[];
}

const finite = (v: number) => Number.isFinite(v);

/** f or f' of one or more activation functions over an x-range, with an optional cursor. */
export function curvePlot(series: readonly CurveSeries[], options: CurvePlotOptions): PlotOptions {
  const [x0, x1] = options.xDomain;
  const rayYs = (options.rays ?? []).filter((r) => finite(r.slope) && x0 < 0).map((r) => (r.flat ? r.slope : r.slope * x0));
  const ys = [...series.flatMap((s) => s.points.map((p) => p.y)), ...rayYs].filter(finite);
  let lo = Math.min(0, ...ys);
  let hi = Math.max(ys.length ? Math.max(...ys) : 1, lo + 1e-9);
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * 0.06;
  lo -= pad;
  hi += pad;
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.35 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.35 }),
  ];
  const rays = (options.rays ?? []).filter((r) => finite(r.slope) && x0 < 0);
  for (const r of rays) {
    const xEnd = Math.min(0, x1);
    marks.push(
      Plot.line(
        [
          { x: x0, y: r.flat ? r.slope : r.slope * x0 },
          { x: xEnd, y: r.flat ? r.slope : r.slope * xEnd },
        ],
        { x: 'x', y: 'y', stroke: r.color, strokeOpacity: 0.45, strokeWidth: 1 },
      ),
    );
  }
  for (const s of series) {
    const pts = s.points.filter((p) => finite(p.x) && finite(p.y));
    marks.push(Plot.line(pts, { x: 'x', y: 'y', z: 'seg', stroke: s.color, strokeWidth: 2.25 }));
  }
  const c = options.cursor;
  if (c && finite(c.x)) {
    marks.push(Plot.ruleX([c.x], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '3,3' }));
    const dots = c.points.filter((p) => finite(p.y) && p.y >= lo && p.y <= hi).map((p) => ({ x: c.x, y: p.y, color: p.color }));
    marks.push(Plot.dot(dots, { x: 'x', y: 'y', fill: (d: { color: string }) => d.color, stroke: 'var(--card)', r: 4.5 }));
  }
  return {
    ...CURVE_FRAME,
    style: { background: 'transparent', fontSize: '12px' },
    x: { domain: [x0, x1], label: 'x', labelAnchor: 'right', ticks: 5 },
    y: { domain: [lo, hi], label: options.yLabel, labelAnchor: 'top', grid: true, ticks: 5 },
    color: { type: 'identity' },
    marks,
  };
}
