import * as Plot from '@observablehq/plot';
import { formatProbability } from '../../lib/format';
import { live, type PlotOptions } from '../render';

export interface SoftmaxBar {
  /** Class label, e.g. "1". */
  label: string;
  p: number;
  /** Text drawn above the bar, e.g. "0.846". */
  text: string;
}

/** One bar per class, labelled with its probability as the figure's readout writes it. */
export function softmaxBars(probs: readonly number[], labels: readonly string[]): SoftmaxBar[] {
  return probs.map((p, i) => ({ label: labels[i], p, text: formatProbability(p) }));
}

/**
 * Softmax probabilities as a bar chart on a fixed 0–1 scale, each bar labelled with its value.
 * The bars and their labels are live marks: while the classes stay the same, a new temperature or
 * logit redraws only them (see `redrawLive`).
 */
export function softmaxPlot(bars: readonly SoftmaxBar[], { compact = false } = {}): PlotOptions {
  const data = bars.filter((b) => Number.isFinite(b.p)).map((b) => ({ ...b, p: Math.min(1, Math.max(0, b.p)) }));
  return {
    width: compact ? 320 : 600,
    height: compact ? 220 : 240,
    marginTop: 22,
    marginRight: 20,
    marginBottom: 36,
    marginLeft: 44,
    style: { background: 'transparent', fontSize: '12px' },
    x: { domain: bars.map((b) => b.label), label: 'class', padding: 0.2 },
    y: { domain: [0, 1], label: 'probability', grid: true, ticks: 5 },
    live: { frame: `softmax ${compact ? 'compact' : 'wide'} ${bars.map((b) => b.label).join(' ')}` },
    marks: [
      Plot.barY(data, { x: 'label', y: 'p', fill: 'var(--accent)', fillOpacity: 0.85, className: live('bars') }),
      Plot.text(data, { x: 'label', y: 'p', text: 'text', dy: -8, fill: 'currentColor', fontSize: data.length > (compact ? 5 : 8) ? 9 : 12, className: live('labels') }),
      Plot.ruleY([0], { stroke: 'currentColor' }),
    ],
  };
}
