import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';

export interface SoftmaxBar {
  /** Class label, e.g. "1". */
  label: string;
  p: number;
  /** Text drawn above the bar, e.g. "0.846". */
  text: string;
}

/** Softmax probabilities as a bar chart on a fixed 0–1 scale, each bar labelled with its value. */
export function softmaxPlot(bars: readonly SoftmaxBar[], { compact = false } = {}): PlotOptions {
  const data = bars.filter((b) => Number.isFinite(b.p)).map((b) => ({ ...b, p: Math.min(1, Math.max(0, b.p)) }));
  return {
    width: compact ? 320 : 600,
    height: compact ? 220 : 240,
    marginTop: 22,
    marginLeft: 44,
    marginBottom: 36,
    style: { background: 'transparent', fontSize: '12px' },
    x: { domain: bars.map((b) => b.label), label: 'class', padding: 0.2 },
    y: { domain: [0, 1], label: 'probability', grid: true, ticks: 5 },
    marks: [
      Plot.barY(data, { x: 'label', y: 'p', fill: 'var(--accent)', fillOpacity: 0.85 }),
      Plot.text(data, { x: 'label', y: 'p', text: 'text', dy: -8, fill: 'currentColor', fontSize: data.length > (compact ? 5 : 8) ? 9 : 12 }),
      Plot.ruleY([0], { stroke: 'currentColor' }),
    ],
  };
}
