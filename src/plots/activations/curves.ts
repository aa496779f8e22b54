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
  /**
   * Extra thin lines on the negative side, e.g. RReLU training-mode slopes: y = k·x for x from
   * xDomain[0] to 0, or (flat) the constant y = k there, as in f'.
   */
  rays?: readonly { slope: number; color: string; flat?: boolean }[];
}

/** The domains of a curve plot: x as given, y around every finite value (and 0), padded by 6%. */
export interface CurveDomains {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

const finite = (v: number) => Number.isFinite(v);

/** Rays that can be drawn: finite slopes, and only when the x-range has a negative side. */
function drawnRays(options: CurvePlotOptions) {
  return (options.rays ?? []).filter((r) => finite(r.slope) && options.xDomain[0] < 0);
}

export function curveDomains(series: readonly CurveSeries[], options: CurvePlotOptions): CurveDomains {
  const [x0] = options.xDomain;
  const rayYs = drawnRays(options).map((r) => (r.flat ? r.slope : r.slope * x0));
  const ys = [...series.flatMap((s) => s.points.map((p) => p.y)), ...rayYs].filter(finite);
  let lo = Math.min(0, ...ys);
  let hi = Math.max(ys.length ? Math.max(...ys) : 1, lo + 1e-9);
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * 0.06;
  return { x: options.xDomain, y: [lo - pad, hi + pad] };
}

/**
 * f or f' of one or more activation functions over an x-range (the cursor is drawn apart:
 * `cursorLayout`). `domains`: curveDomains(series, options), if the caller has it already.
 */
export function curvePlot(series: readonly CurveSeries[], options: CurvePlotOptions, domains = curveDomains(series, options)): PlotOptions {
  const { x: [x0, x1], y: [lo, hi] } = domains;
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.35 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.35 }),
  ];
  for (const r of drawnRays(options)) {
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
  return {
    ...CURVE_FRAME,
    style: { background: 'transparent', fontSize: '12px' },
    x: { domain: [x0, x1], label: 'x', labelAnchor: 'right', ticks: 5 },
    y: { domain: [lo, hi], label: options.yLabel, labelAnchor: 'top', grid: true, ticks: 5 },
    color: { type: 'identity' },
    marks,
  };
}

/**
 * The cursor of a curve plot in the plot's own coordinates (CURVE_FRAME, the same linear scales
 * as Plot's): a vertical rule at x over the whole frame and a dot per value there. Drawn in a
 * layer over the plot, so that moving it redraws neither the curves nor the axes. Non-finite
 * values, and values outside the y-domain, get no dot; a non-finite x gives no cursor.
 */
export function cursorLayout(
  domains: CurveDomains,
  cursor: { x: number; points: readonly { y: number; color: string }[] },
): { x: number; top: number; bottom: number; dots: { cx: number; cy: number; color: string }[] } | null {
  const { width, height, marginLeft, marginRight, marginTop, marginBottom } = CURVE_FRAME;
  const [x0, x1] = domains.x;
  const [lo, hi] = domains.y;
  if (!finite(cursor.x) || cursor.x < x0 || cursor.x > x1) return null;
  const px = marginLeft + ((cursor.x - x0) / (x1 - x0)) * (width - marginLeft - marginRight);
  const py = (y: number) => height - marginBottom - ((y - lo) / (hi - lo)) * (height - marginTop - marginBottom);
  return {
    x: px,
    top: marginTop,
    bottom: height - marginBottom,
    dots: cursor.points.filter((p) => finite(p.y) && p.y >= lo && p.y <= hi).map((p) => ({ cx: px, cy: py(p.y), color: p.color })),
  };
}
