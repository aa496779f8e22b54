import * as Plot from '@observablehq/plot';
import { formatProbability } from '../../lib/format';
import { live, setTrimmed, trimmed, type PlotOptions } from '../render';

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

const MARGIN = { top: 22, right: 20, bottom: 36, left: 44 };

/**
 * Softmax probabilities as a bar chart on a fixed 0–1 scale, each bar labelled with its value.
 * The bars and their labels are live marks: while the classes stay the same, a new temperature or
 * logit redraws only them (see `redrawLive`), and without Plot: the bars keep their places across
 * and only their heights and labels change, which the builder sets itself on the fixed y scale.
 */
export function softmaxPlot(bars: readonly SoftmaxBar[], { compact = false } = {}): PlotOptions {
  const data = bars.filter((b) => Number.isFinite(b.p)).map((b) => ({ ...b, p: Math.min(1, Math.max(0, b.p)) }));
  const [width, height] = compact ? [320, 220] : [600, 240];
  // the chart's y scale, made as Plot makes it, once for both patches (the first drawing does not need it)
  let scale: ReturnType<typeof Plot.scale> | undefined;
  const y = (p: number) => (scale ??= Plot.scale({ y: { domain: [0, 1], range: [height - MARGIN.bottom, MARGIN.top] } })).apply(p) as number;
  return {
    width,
    height,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    style: { background: 'transparent', fontSize: '12px' },
    x: { domain: bars.map((b) => b.label), label: 'class', padding: 0.2 },
    y: { domain: [0, 1], label: 'probability', grid: true, ticks: 5 },
    live: {
      frame: `softmax ${compact ? 'compact' : 'wide'} ${bars.map((b) => b.label).join(' ')}`,
      patch: { [live('bars')]: (group) => reheight(group, data, y), [live('labels')]: (group) => relabel(group, data, y) },
    },
    marks: [
      Plot.barY(data, { x: 'label', y: 'p', fill: 'var(--accent)', fillOpacity: 0.85, className: live('bars') }),
      Plot.text(data, { x: 'label', y: 'p', text: 'text', dy: -8, fill: 'currentColor', fontSize: data.length > (compact ? 5 : 8) ? 9 : 12, className: live('labels') }),
      Plot.ruleY([0], { stroke: 'currentColor' }),
    ],
  };
}

/**
 * The bars' group brought to new probabilities: one rect per bar, in order, across where they were
 * (the classes are the frame's), from y(0) up to y(p) as Plot's stacked bar puts it. False, with
 * nothing changed, unless the group holds exactly one rect per bar.
 */
function reheight(group: Element, data: readonly { p: number }[], y: (p: number) => number): boolean {
  const rects = [...group.children];
  if (rects.length !== data.length || rects.some((r) => r.tagName.toLowerCase() !== 'rect')) return false;
  const y0 = y(0);
  data.forEach((d, i) => {
    const yp = y(d.p);
    setTrimmed(rects[i], 'y', Math.min(y0, yp), 'pixels');
    setTrimmed(rects[i], 'height', Math.max(0, Math.abs(yp - y0)), 'pixels');
  });
  return true;
}

/**
 * The labels' group brought to new probabilities: each text moved up or down to y(p), across where
 * it was, and rewritten. False, with nothing changed, unless the group holds one plain text per bar.
 */
function relabel(group: Element, data: readonly { p: number; text: string }[], y: (p: number) => number): boolean {
  const texts = [...group.children];
  const across = texts.map((t) => /^translate\(([^,]+),[^)]+\)$/.exec(t.getAttribute('transform') ?? '')?.[1]);
  const plain = (t: Element) => t.tagName.toLowerCase() === 'text' && t.childNodes.length === 1 && t.firstChild!.nodeType === 3;
  if (texts.length !== data.length || across.some((x) => x === undefined) || !texts.every(plain)) return false;
  data.forEach((d, i) => {
    const transform = `translate(${across[i]},${trimmed(y(d.p), 'pixels')})`;
    if (texts[i].getAttribute('transform') !== transform) texts[i].setAttribute('transform', transform);
    if (texts[i].firstChild!.nodeValue !== d.text) texts[i].firstChild!.nodeValue = d.text;
  });
  return true;
}
