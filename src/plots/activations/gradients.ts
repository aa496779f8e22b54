import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';

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
 * Size of the backpropagated error per layer on a log scale, one line per activation.
 * Values that are 0 or not finite cannot sit on a log axis and are left out (the widget says so).
 */
export function gradientPlot(points: readonly GradientPoint[], options: GradientPlotOptions): PlotOptions {
  const data = points.filter((p) => drawable(p.value));
  const bound = (options.bound ?? []).filter((p) => drawable(p.value));
  const all = [...data.map((d) => d.value), ...bound.map((b) => b.value)];
  const lo = all.length ? Math.min(...all) : 1e-3;
  const hi = all.length ? Math.max(...all) : 1;
  const marks: Plot.Markish[] = [];
  if (bound.length) {
    marks.push(Plot.line(bound, { x: 'layer', y: 'value', stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '5,4', strokeWidth: 1.5 }));
  }
  marks.push(
    Plot.line(data, { x: 'layer', y: 'value', z: 'series', stroke: (d: GradientPoint) => options.colors[d.series] ?? 'currentColor', strokeWidth: 2 }),
    Plot.dot(data, { x: 'layer', y: 'value', fill: (d: GradientPoint) => options.colors[d.series] ?? 'currentColor', r: 3 }),
  );
  return {
    width: options.compact ? 340 : 620,
    height: options.compact ? 280 : 300,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 38,
    style: { background: 'transparent', fontSize: '12px' },
    x: { domain: [1, Math.max(2, options.depth)], label: options.compact ? 'layer (1 = input side)' : 'layer (1 = next to the input; the error flows right to left)', ticks: Math.min(options.depth, options.compact ? 6 : 10), tickFormat: 'd' },
    y: { type: 'log', domain: [lo / 2, hi * 2], label: options.compact ? '‖δ‖' : '‖δ‖ (size of the backpropagated error)', grid: true },
    color: { type: 'identity' },
    marks,
  };
}
