import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';
import { layerTicks } from './gradients';
import { logTickFormat, logTicks } from './log-axis';

export interface ChainPoint {
  /** Layer k, 1 = next to the input. */
  layer: number;
  /** |δ⁽ᵏ⁾|. */
  value: number;
}

/** The chain plot's frames, wide and narrow (the layer over it uses the same). */
export const CHAIN_FRAMES = {
  wide: { width: 620, height: 240, marginLeft: 56, marginRight: 16, marginTop: 20, marginBottom: 38 },
  narrow: { width: 320, height: 220, marginLeft: 56, marginRight: 16, marginTop: 20, marginBottom: 38 },
} as const;
export type ChainFrame = (typeof CHAIN_FRAMES)[keyof typeof CHAIN_FRAMES];

/** The scales' domains: layers 1 … L, and |δ| around every drawable value (log). */
export interface ChainDomains {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

const drawable = (v: number) => Number.isFinite(v) && v > 0;

export function chainDomains(depth: number, all: readonly ChainPoint[]): ChainDomains {
  const values = all.filter((p) => drawable(p.value)).map((p) => p.value);
  const lo = values.length ? Math.min(...values) : 1e-3;
  const hi = values.length ? Math.max(...values) : 1;
  return { x: [1, Math.max(2, depth)], y: [lo / 2, hi * 2] };
}

/**
 * The chain's axes, with every layer's |δ| as a faint dot: the path the error will take. The layers
 * the reader has reached are drawn over it, in a layer of their own (chainLayout), so that a step
 * redraws neither the axes nor the dots. Zeros (a ReLU unit that passes nothing back) cannot sit on
 * a log axis and are left out (the widget says so).
 */
export function chainPlot(depth: number, all: readonly ChainPoint[], compact = false): PlotOptions {
  const domains = chainDomains(depth, all);
  const yTicks = logTicks(domains.y[0], domains.y[1], compact ? 6 : 7);
  return {
    ...(compact ? CHAIN_FRAMES.narrow : CHAIN_FRAMES.wide),
    style: { background: 'transparent', fontSize: '12px' },
    x: {
      domain: [...domains.x],
      label: compact ? 'layer k' : 'layer k (1 = next to the input; the error flows right to left)',
      ticks: layerTicks(depth, compact ? 7 : 10),
      tickFormat: (l: number) => String(l),
    },
    y: { type: 'log', domain: [...domains.y], label: '|δ⁽ᵏ⁾|', grid: true, ticks: yTicks, tickFormat: logTickFormat(yTicks) },
    marks: [Plot.dot(all.filter((p) => drawable(p.value)), { x: 'layer', y: 'value', fill: 'currentColor', fillOpacity: 0.22, r: 3 })],
  };
}

/**
 * The layers reached, in the plot's own pixels (the same scales as Plot's: linear x, log y): a
 * line through |δ| at layers `reached` … L, a dot at each, and a ring at the layer reached.
 */
export function chainLayout(
  frame: ChainFrame,
  domains: ChainDomains,
  all: readonly ChainPoint[],
  reached: number,
): { points: { cx: number; cy: number }[]; ring: { cx: number; cy: number } | null } {
  const { width, height, marginLeft, marginRight, marginTop, marginBottom } = frame;
  const [x0, x1] = domains.x;
  const [lo, hi] = domains.y.map(Math.log);
  const px = (x: number) => marginLeft + ((x - x0) / (x1 - x0)) * (width - marginLeft - marginRight);
  const py = (v: number) => height - marginBottom - ((Math.log(v) - lo) / (hi - lo)) * (height - marginTop - marginBottom);
  const points = all.filter((p) => p.layer >= reached && drawable(p.value)).map((p) => ({ layer: p.layer, cx: px(p.layer), cy: py(p.value) }));
  const at = points.find((p) => p.layer === reached);
  return { points: points.map(({ cx, cy }) => ({ cx, cy })), ring: at ? { cx: at.cx, cy: at.cy } : null };
}
