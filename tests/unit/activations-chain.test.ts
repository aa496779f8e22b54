import { describe, expect, it } from 'vitest';
import { gradientNorms } from '@neural-notes/nn';
import chainFigure from '../../src/figures/activations/BackpropChain.figure';
import { resolveSettings } from '../../src/figures/figure';
import { chainNetwork, reachedLayer, traceChain, unrolled, type ChainInput } from '../../src/models/activations/chain';
import { DEEP_ACTIVATIONS } from '../../src/models/activations/deep';
import { CHAIN_FRAMES, chainDomains, chainLayout, chainPlot } from '../../src/plots/activations/chain';
import { renderPlot } from '../../src/plots/render';

const base: ChainInput = { activation: 'sigmoid', depth: 6, init: 'glorotUniform', seed: 1, x: 1, y: 0 };

/** E = ½(ŷ − y)² of the chain with layer k's bias moved by h (∂E/∂b⁽ᵏ⁾ = δ⁽ᵏ⁾). */
function errorWithBias(input: ChainInput, k: number, h: number): number {
  const net = chainNetwork(input);
  net.layers[k - 1].biases[0] += h;
  const out = net.forward([input.x])[0];
  return 0.5 * (out - input.y) ** 2;
}

describe('backpropagation through a chain of single units', () => {
  for (const activation of DEEP_ACTIVATIONS) {
    it(`${activation}: the core's δ at every layer is the unrolled product (ŷ − y) ∏w ∏f′, and ∂E/∂b by finite differences`, () => {
      // a seed whose chain has no unit on a kink (z = 0), where E has no derivative to compare with
      const input = Array.from({ length: 3000 }, (_, seed) => ({ ...base, activation, depth: 8, x: 0.7, y: -0.4, seed })).find((c) => traceChain(c).layers.every((layer) => Math.abs(layer.z) > 1e-3))!;
      expect(input).toBeDefined();
      const trace = traceChain(input);
      expect(trace.layers).toHaveLength(8);
      let checked = 0;
      for (let l = 1; l <= 8; l++) {
        const u = unrolled(trace, l);
        const delta = trace.layers[l - 1].delta;
        expect(u.delta).toBeCloseTo(delta, 14);
        if (delta !== 0) expect(Math.abs(u.delta / delta - 1)).toBeLessThan(1e-12);
        // the recursion the reader follows: δ⁽ˡ⁾ = w⁽ˡ⁺¹⁾ δ⁽ˡ⁺¹⁾ f′(z⁽ˡ⁾)
        if (l < 8) expect(trace.layers[l].w * trace.layers[l].delta * trace.layers[l - 1].slope).toBeCloseTo(delta, 14);
        const h = 1e-6;
        const numeric = (errorWithBias(input, l, h) - errorWithBias(input, l, -h)) / (2 * h);
        expect(Math.abs(numeric - delta)).toBeLessThan(1e-7 * Math.max(1, Math.abs(delta)) + 1e-10);
        checked++;
      }
      expect(unrolled(trace, 8).delta).toBeCloseTo(trace.error * trace.layers[7].slope, 15);
      expect(checked).toBe(8);
    });
  }

  it('the numbers are the ones the vanishing-gradient figure’s machinery computes (the core’s gradientNorms; its squared error has no ½)', () => {
    const trace = traceChain(base);
    const norms = gradientNorms(chainNetwork(base), [[base.x]], [[base.y]], 'sumSquared');
    norms.forEach((g, l) => expect(g.delta).toBeCloseTo(2 * Math.abs(trace.layers[l].delta), 14));
  });

  it('with the sigmoid every slope is at most ¼, so ∏f′ over n layers is at most 0.25ⁿ', () => {
    const trace = traceChain({ ...base, depth: 12 });
    for (let l = 1; l <= 12; l++) expect(unrolled(trace, l).slopes).toBeLessThanOrEqual(0.25 ** (12 - l + 1));
  });

  it('the same seed gives the same chain; another seed other weights', () => {
    expect(traceChain(base)).toEqual(traceChain(base));
    expect(traceChain({ ...base, seed: 2 }).layers[0].w).not.toBe(traceChain(base).layers[0].w);
  });

  it('lends the formulas the layer reached, its factors and the running product', () => {
    const s = resolveSettings(chainFigure, { step: 2 });
    const v = chainFigure.live!.compute(s);
    const trace = traceChain(s);
    expect([v.L, v.l, v.next]).toEqual([6, 4, 5]);
    expect(v.w).toBe(trace.layers[4].w);
    expect(v.dnext).toBe(trace.layers[4].delta);
    expect(v.slope).toBe(trace.layers[3].slope);
    expect(v.delta).toBe(trace.layers[3].delta);
    expect(v.product).toBeCloseTo(v.delta, 15);
    expect(v.deltaL).toBe(trace.layers[5].delta);
    // steps beyond layer 1 stay at layer 1
    expect(chainFigure.live!.compute(resolveSettings(chainFigure, { depth: 3, step: 9 })).l).toBe(1);
    expect(reachedLayer(3, 9)).toBe(1);
  });

  it('a ReLU chain with a unit below zero passes back exactly 0, which the log plot leaves out', () => {
    // find a seed whose ReLU chain has a dead unit
    const input = Array.from({ length: 50 }, (_, seed) => ({ ...base, activation: 'relu' as const, seed, y: 0.5 })).find((c) => traceChain(c).layers.some((l) => l.z < 0))!;
    expect(input).toBeDefined();
    const trace = traceChain(input);
    const dead = trace.layers.filter((l) => l.z < 0).pop()!.k;
    for (let k = 1; k <= dead; k++) expect(trace.layers[k - 1].delta).toBe(0);
    const all = trace.layers.map((l) => ({ layer: l.k, value: Math.abs(l.delta) }));
    const layout = chainLayout(CHAIN_FRAMES.wide, chainDomains(input.depth, all), all, 1);
    expect(layout.points).toHaveLength(input.depth - dead);
    expect(renderPlot(chainPlot(input.depth, all))).not.toMatch(/NaN|Infinity/);
  });
});

describe('the chain plot and the layer drawn over it', () => {
  it('put the layers reached exactly on Plot’s own dots (same frame, same log scale), wide and narrow', () => {
    const input = { ...base, depth: 9 };
    const all = traceChain(input).layers.map((l) => ({ layer: l.k, value: Math.abs(l.delta) }));
    for (const [side, compact] of [['wide', false], ['narrow', true]] as const) {
      const svg = renderPlot(chainPlot(9, all, compact));
      const dots = [...svg.matchAll(/<circle\s([^>]*)>/g)].map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], Number(a[2])])));
      expect(dots).toHaveLength(9);
      const layout = chainLayout(CHAIN_FRAMES[side], chainDomains(9, all), all, 4);
      expect(layout.points).toHaveLength(6); // layers 4 … 9
      layout.points.forEach((p, i) => {
        const d = dots[i + 3];
        expect(Math.abs(p.cx - d.cx)).toBeLessThanOrEqual(0.05);
        expect(Math.abs(p.cy - d.cy)).toBeLessThanOrEqual(0.05);
      });
      expect(layout.ring).toEqual(layout.points[0]);
    }
  });
});
