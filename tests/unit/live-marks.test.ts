import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { drawPlot, LIVE, redrawLive, renderPlot, type PlotOptions } from '../../src/plots/render';
import { softmaxPlot, type SoftmaxBar } from '../../src/plots/activations/softmax';
import { createRng } from '@neural-notes/nn';

/** The drawing `previous` was drawn as, brought to `next` by a live redraw (or null if it declined). */
function redrawn(previous: PlotOptions, next: PlotOptions): string | null {
  const full = drawPlot(previous);
  const root = full.ownerDocument.createElement('div');
  root.append(full);
  return redrawLive(root, full, previous, next) ? root.innerHTML : null;
}

const bars = (ps: number[], labels = ps.map((_, i) => String(i + 1))): SoftmaxBar[] =>
  ps.map((p, i) => ({ label: labels[i], p, text: p.toFixed(3) }));

describe('live marks: redrawing only the marks that follow the reader', () => {
  it('gives the softmax chart exactly as a full drawing does, for random probabilities, in both sizes', () => {
    const random = createRng(7);
    const rng = () => random.next();
    for (const compact of [false, true]) {
      for (let trial = 0; trial < 40; trial++) {
        const k = 2 + Math.floor(rng() * 9);
        const draw = () => {
          const raw = Array.from({ length: k }, () => (rng() < 0.15 ? 0 : rng() ** 3));
          const sum = raw.reduce((a, b) => a + b, 0) || 1;
          return raw.map((v) => v / sum);
        };
        const a = softmaxPlot(bars(draw()), { compact });
        const b = softmaxPlot(bars(draw()), { compact });
        expect(redrawn(a, b)).toBe(renderPlot(b));
      }
    }
  });

  it('handles the edges: a bar at 0 or 1, and a probability that is not a number', () => {
    const a = softmaxPlot(bars([0.2, 0.3, 0.5]));
    for (const ps of [[0, 0, 1], [1, 0, 0], [NaN, 0.5, 0.5]]) {
      const b = softmaxPlot(bars(ps).map((bar) => ({ ...bar, text: Number.isFinite(bar.p) ? bar.text : '—' })));
      expect(redrawn(a, b)).toBe(renderPlot(b));
    }
  });

  it('draws the live marks with their class, in the build-time drawing too', () => {
    const html = renderPlot(softmaxPlot(bars([0.2, 0.3, 0.5])));
    expect(html.match(new RegExp(`<g[^>]* class="${LIVE}"`, 'g'))).toHaveLength(2);
  });

  it('declines when the frame differs: other classes, another size', () => {
    const a = softmaxPlot(bars([0.2, 0.8]));
    expect(redrawn(a, softmaxPlot(bars([0.2, 0.3, 0.5])))).toBeNull();
    expect(redrawn(a, softmaxPlot(bars([0.2, 0.8], ['a', 'b'])))).toBeNull();
    expect(redrawn(a, softmaxPlot(bars([0.2, 0.8]), { compact: true }))).toBeNull();
  });

  it('declines, changing nothing, when a builder names the same frame but the scales moved', () => {
    const chart = (max: number): PlotOptions => ({
      width: 300,
      height: 200,
      margin: 30,
      y: { domain: [0, max] },
      live: { frame: 'same key, wrongly' },
      marks: [Plot.dot([1, 2, 3], { x: (d) => d, y: (d) => d, className: LIVE })],
    });
    const full = drawPlot(chart(3));
    const root = full.ownerDocument.createElement('div');
    root.append(full);
    const before = root.innerHTML;
    expect(redrawLive(root, full, chart(3), chart(6))).toBe(false);
    expect(root.innerHTML).toBe(before);
    expect(redrawLive(root, full, chart(3), { ...chart(3), marks: [Plot.dot([1, 2, 3], { x: (d) => d, y: (d) => d })] })).toBe(false);
    const { margin, ...unset } = chart(3);
    expect(margin).toBe(30);
    expect(redrawLive(root, full, chart(3), unset)).toBe(false); // margins left to Plot
    expect(redrawLive(root, full, chart(3), chart(3))).toBe(true);
    expect(root.innerHTML).toBe(renderPlot(chart(3)));
  });

  it('declines for options without live marks', () => {
    const plain: PlotOptions = { marks: [Plot.dot([1, 2], { x: (d) => d, y: (d) => d })] };
    expect(redrawn(plain, plain)).toBeNull();
  });
});
