import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';
import { logTickFormat, logTicks } from './log-axis';

export interface GradientPoint {
  /** Activation key, e.g. "sigmoid". */
  series: string;
  /** 1-based layer number, 1 = next to the input. */
  layer: number;
  /** Size of the backpropagated error at that layer (> 0 to be drawn on the log scale). */
  value: number;
}

export interface GradientPlotOptions {
  depth: number;
  colors: Readonly<Record<string, string>>;
  /** The 0.25ⁿ bound, one point per layer (drawn dashed). */
  bound?: readonly { layer: number; value: number }[];
  /** Phone-sized layout: narrower, taller, shorter labels. */
  compact?: boolean;
}

const drawable = (v: number) => Number.isFinite(v) && v > 0;

/**
 * Layer numbers to label on the x-axis of a stack of `depth` layers: whole, distinct numbers,
 * at most about `maxTicks` of them. Every layer while they fit; otherwise layer 1 and the
 * multiples of 2, 5, 10 …, plus the top layer when it is not next to the last multiple.
 */
export function layerTicks(depth: number, maxTicks: number): number[] {
  const n = Math.max(2, Math.floor(depth));
  const limit = Math.max(2, Math.floor(maxTicks));
  for (const step of [1, 2, 5, 10, 20, 50, 100]) {
    const ticks = [1];
    for (let l = step; l <= n; l += step) if (l > 1) ticks.push(l);
    if (ticks.length > limit) continue;
    if (n - ticks[ticks.length - 1] >= step / 2) ticks.push(n);
    return ticks;
  }
  return [1, n];
}

/**
 * Size of the backpropagated error per layer on a log scale, one line per activation.
 * Values that are 0 or not finite cannot sit on a log axis and are left out (the widget says so).
 */
export function gradientPlot(points: readonly GradientPoint[], options: GradientPlotOptions): PlotOptions {
  const data = points.filter((p) => drawable(p.value));
  const bound = (options.bound ?? []).filter((p) => drawable(p.value));
  const all = [...data.map((d) => d.value), ...bound.map((b) => b.value)];
  const lo = all.length ? Math.min(...all) : 1e-3;
  const hi = all.length ? Math.max(...all) : 1;
  const yDomain: [number, number] = [lo / 2, hi * 2];
  const yTicks = logTicks(yDomain[0], yDomain[1], options.compact ? 7 : 8);
  const marks: Plot.Markish[] = [];
  if (bound.length) {
    marks.push(Plot.line(bound, { x: 'layer', y: 'value', stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '5,4', strokeWidth: 1.5 }));
  }
  marks.push(
    Plot.line(data, { x: 'layer', y: 'value', z: 'series', stroke: (d: GradientPoint) => options.colors[d.series] ?? 'currentColor', strokeWidth: 2 }),
    Plot.dot(data, { x: 'layer', y: 'value', fill: (d: GradientPoint) => options.colors[d.series] ?? 'currentColor', r: 3 }),
  );
  return {
    width: options.compact ? 320 : 620,
    height: options.compact ? 280 : 300,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 38,
    style: { background: 'transparent', fontSize: '12px' },
    x: {
      domain: [1, Math.max(2, options.depth)],
      label: options.compact ? 'layer (1 = input side)' : 'layer (1 = next to the input; the error flows right to left)',
      ticks: layerTicks(options.depth, options.compact ? 7 : 10),
      tickFormat: (l: number) => String(l),
    },
    y: {
      type: 'log',
      domain: yDomain,
      label: options.compact ? '‖δ‖' : '‖δ‖ (size of the backpropagated error)',
      grid: true,
      ticks: yTicks,
      tickFormat: logTickFormat(yTicks),
    },
    color: { type: 'identity' },
    marks,
  };
}
