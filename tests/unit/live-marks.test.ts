import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { drawPlot, live, LIVE, redrawLive, renderPlot, scaleSignature, type PlotOptions } from '../../src/plots/render';
import { softmaxPlot, type SoftmaxBar } from '../../src/plots/activations/softmax';
import { heatmapPlot } from '../../src/plots/regularization/heatmap';
import { createRng } from '@neural-notes/nn';
import { curvesPlot, fitPlot } from '../../src/plots/regularization/experiment';
import experimentFigure, { experimentSettings } from '../../src/figures/regularization/Experiment.figure';
import { resolveSettings } from '../../src/figures/figure';
import { runSettings } from '../../src/models/regularization/experiment';

/** The drawing `previous` was drawn as, brought to `next` by a live redraw (or null if it declined). */
function redrawn(previous: PlotOptions, next: PlotOptions): string | null {
  const full = drawPlot(previous);
  const scales = scaleSignature(full);
  const root = full.ownerDocument.createElement('div');
  root.append(full);
  return redrawLive(root, scales, previous, next) ? root.innerHTML : null;
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

  it('gives the weight heatmaps exactly as a full drawing does, for random weights and switched-off units, in both sizes', () => {
    const random = createRng(11);
    const sizes = [2, 10, 10, 1];
    const weights = () => sizes.slice(1).map((n, l) => Array.from({ length: sizes[l] * n }, () => (random.next() < 0.1 ? 0 : random.uniform(-1.6, 1.6))));
    const off = () => [0, 1].map(() => Array.from({ length: 10 }, (_, j) => j).filter(() => random.next() < 0.3));
    for (const compact of [false, true]) {
      for (let trial = 0; trial < 10; trial++) {
        const a = heatmapPlot(sizes, weights(), off(), { maxAbs: 1.6, compact });
        const b = heatmapPlot(sizes, weights(), off(), { maxAbs: 1.6, compact });
        expect(redrawn(a, b)).toBe(renderPlot(b));
      }
    }
    // a weight that is not a number leaves its cell out: the marks no longer pair up element by element
    const gap = weights();
    gap[1][3] = NaN;
    const b = heatmapPlot(sizes, gap, [[], []], { maxAbs: 1.6 });
    expect(redrawn(heatmapPlot(sizes, weights(), [[], []], { maxAbs: 1.6 }), b)).toBe(renderPlot(b));
    // the last outline goes: its group is removed; the first one comes: the figure is drawn whole
    const none = heatmapPlot(sizes, weights(), [[], []], { maxAbs: 1.6 });
    const some = heatmapPlot(sizes, weights(), [[2], []], { maxAbs: 1.6 });
    expect(redrawn(some, none)).toBe(renderPlot(none));
    expect(redrawn(none, some)).toBeNull();
    // the same units off, other weights (an epoch step): the outlines' group stays the very same
    // element, drawn again by nothing, and the drawing is still the full one
    const off1 = [[2, 7], [4]];
    const before = heatmapPlot(sizes, weights(), off1, { maxAbs: 1.6 });
    const full = drawPlot(before);
    const scales = scaleSignature(full);
    const root = full.ownerDocument.createElement('div');
    root.append(full);
    const outlines = root.querySelector(`.${LIVE}-outlines`);
    const after = heatmapPlot(sizes, weights(), off1.map((units) => [...units]), { maxAbs: 1.6 });
    expect(redrawLive(root, scales, before, after)).toBe(true);
    expect(root.querySelector(`.${LIVE}-outlines`)).toBe(outlines);
    expect(root.innerHTML).toBe(renderPlot(after));
    // a mark whose key is unchanged is left alone: a builder that gave a wrong key would show stale outlines
    const lying = { ...heatmapPlot(sizes, weights(), [[3], []], { maxAbs: 1.6 }) };
    lying.live = { ...lying.live!, data: after.live!.data };
    expect(redrawLive(root, scales, after, lying)).toBe(true);
    expect(root.innerHTML).not.toBe(renderPlot(lying));
    // another colour range is another frame (the key's labels change)
    expect(redrawn(heatmapPlot(sizes, weights(), [[], []], { maxAbs: 1.6 }), heatmapPlot(sizes, weights(), [[], []], { maxAbs: 2 }))).toBeNull();
  });

  it('places the outlines of switched-off units itself, exactly where Plot puts them, keeping their group', () => {
    const random = createRng(23);
    let patched = 0;
    for (const sizes of [[2, 10, 10, 1], [3, 7, 5, 4, 2], [1, 13, 9, 6, 3, 1]]) {
      const weights = sizes.slice(1).map((n, l) => Array.from({ length: sizes[l] * n }, () => random.uniform(-1, 1)));
      const off = () => sizes.slice(1, -1).map((n) => Array.from({ length: n }, (_, j) => j).filter(() => random.next() < 0.35));
      for (const compact of [false, true]) {
        for (let trial = 0; trial < 40; trial++) {
          const [a, b] = [heatmapPlot(sizes, weights, off(), { maxAbs: 1, compact }), heatmapPlot(sizes, weights, off(), { maxAbs: 1, compact })];
          const full = drawPlot(a);
          const root = full.ownerDocument.createElement('div');
          root.append(full);
          const group = root.querySelector(`g.${LIVE}-outlines`);
          const drawn = redrawLive(root, scaleSignature(full), a, b);
          const expected = renderPlot(b);
          if (!group || !expected.includes(`${LIVE}-outlines`)) continue; // no outline before or after: not the patch's to place
          expect(drawn).toBe(true);
          expect(root.innerHTML).toBe(expected);
          expect(root.querySelector(`g.${LIVE}-outlines`), 'the same group, its rects placed anew').toBe(group);
          patched++;
        }
      }
    }
    expect(patched).toBeGreaterThan(200);
  });

  it('gives the experiment’s fitted lines and training curves exactly as a full drawing does, for reruns with another λ, in both sizes', () => {
    const settings = { ...experimentSettings(resolveSettings(experimentFigure, {})), runs: 2 };
    const [a, b, c] = [0.01, 0.03, 0.3].map((lambda) => runSettings({ ...settings, lambda }));
    // Plot numbers the clip path of a clipped mark as it draws: a redraw keeps the drawing's own
    const clips = (html: string | null) => html?.replace(/plot-clip-\d+/g, 'plot-clip');
    let live = 0;
    for (const compact of [false, true]) {
      for (const [x, y] of [[a, b], [b, c], [c, a]]) {
        // the data are the same, so only the lines are drawn again
        const [fx, fy] = [fitPlot(x.data, x.runs, settings.methods, { compact }), fitPlot(y.data, y.runs, settings.methods, { compact })];
        expect(fx.live?.frame).toBe(fy.live?.frame);
        expect(clips(redrawn(fx, fy))).toBe(clips(renderPlot(fy)));
        for (const term of ['data loss', 'penalty'] as const) {
          const [cx, cy] = [curvesPlot(x.runs, settings.methods, 100, term, { compact }), curvesPlot(y.runs, settings.methods, 100, term, { compact })];
          const again = redrawn(cx, cy);
          // curves reaching to another nice top are another frame
          expect(again === null).toBe(cx.live?.frame !== cy.live?.frame);
          if (again !== null) {
            live++;
            expect(again).toBe(renderPlot(cy));
          }
        }
      }
    }
    expect(live).toBeGreaterThan(0);
    // a point moves (within the same axes): the whole figure is drawn again, dots and all
    const moved = { ...a.data, y: a.data.y.map((y, i) => (i === 3 ? y + 0.5 : y)) };
    expect(fitPlot(moved, a.runs, settings.methods).y).toEqual(fitPlot(a.data, a.runs, settings.methods).y);
    expect(redrawn(fitPlot(a.data, a.runs, settings.methods), fitPlot(moved, a.runs, settings.methods))).toBeNull();
    // other data (another seed): likewise
    const other = runSettings({ ...settings, seed: settings.seed + 1 });
    expect(redrawn(fitPlot(a.data, a.runs, settings.methods), fitPlot(other.data, other.runs, settings.methods))).toBeNull();
  });

  it('finds the training curves’ y domain as Plot finds it from the rows (from zero, made nice)', () => {
    const settings = { ...experimentSettings(resolveSettings(experimentFigure, {})), runs: 2 };
    const random = createRng(5);
    for (let trial = 0; trial < 12; trial++) {
      const out = runSettings({ ...settings, lambda: 10 ** random.uniform(-3, -0.5), seed: trial + 1, methods: trial % 4 === 0 ? ['none'] : settings.methods });
      for (const term of ['data loss', 'penalty'] as const) {
        const options = curvesPlot(out.runs, settings.methods, 100, term);
        const fromRows = { ...options, y: { label: options.y?.label, grid: true, nice: true, zero: true } };
        expect(renderPlot(options)).toBe(renderPlot(fromRows));
      }
    }
    // no rows: Plot is left to find it
    expect(curvesPlot([], settings.methods, 100, 'penalty').y).toMatchObject({ nice: true, zero: true });
  });

  it('moves the softmax bars and labels itself, without Plot, exactly where Plot puts them', () => {
    const random = createRng(31);
    let patched = 0;
    for (const compact of [false, true]) {
      for (let trial = 0; trial < 300; trial++) {
        const k = 2 + Math.floor(random.next() * 9);
        // probabilities as the figure gets them, and round ones (0, 1, 1/k) where a tenth of a pixel could round either way
        const draw = () => {
          const raw = Array.from({ length: k }, () => (random.next() < 0.1 ? 0 : random.next() < 0.1 ? 1 : random.next() ** 3));
          const sum = raw.reduce((a, b) => a + b, 0) || 1;
          return raw.map((v) => v / sum);
        };
        const [a, b] = [softmaxPlot(bars(draw()), { compact }), softmaxPlot(bars(draw()), { compact })];
        const full = drawPlot(a);
        const root = full.ownerDocument.createElement('div');
        root.append(full);
        // the patches alone, without Plot, give the full drawing of the new probabilities
        for (const name of [live('bars'), live('labels')]) {
          const group = root.querySelector(`g[class="${name}"]`);
          expect(group && b.live?.patch?.[name]?.(group), name).toBe(true);
        }
        expect(root.innerHTML).toBe(renderPlot(b));
        patched++;
      }
    }
    expect(patched).toBe(600);
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
    expect(html.match(new RegExp(`<g[^>]* class="${LIVE} ${LIVE}-(bars|labels)"`, 'g'))).toHaveLength(2);
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
      marks: [Plot.dot([1, 2, 3], { x: (d) => d, y: (d) => d, className: live('dots') })],
    });
    const full = drawPlot(chart(3));
    const scales = scaleSignature(full);
    const root = full.ownerDocument.createElement('div');
    root.append(full);
    const before = root.innerHTML;
    expect(redrawLive(root, scales, chart(3), chart(6))).toBe(false);
    expect(root.innerHTML).toBe(before);
    expect(redrawLive(root, scales, chart(3), { ...chart(3), marks: [Plot.dot([1, 2, 3], { x: (d) => d, y: (d) => d })] })).toBe(false);
    const twice = { ...chart(3), marks: [...chart(3).marks!, Plot.dot([2], { x: (d) => d, y: (d) => d, className: live('dots') })] };
    expect(redrawLive(root, scales, chart(3), twice)).toBe(false); // two marks of one name cannot be paired
    const { margin, ...unset } = chart(3);
    expect(margin).toBe(30);
    expect(redrawLive(root, scales, chart(3), unset)).toBe(false); // margins left to Plot
    expect(redrawLive(root, scales, chart(3), chart(3))).toBe(true);
    expect(root.innerHTML).toBe(renderPlot(chart(3)));
  });

  it('declines for options without live marks', () => {
    const plain: PlotOptions = { marks: [Plot.dot([1, 2], { x: (d) => d, y: (d) => d })] };
    expect(redrawn(plain, plain)).toBeNull();
  });
});
