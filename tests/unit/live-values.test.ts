import { describe, expect, it } from 'vitest';
import { regularizer, softmax, softmaxJacobian } from '@neural-notes/nn';
import softmaxFigure from '../../src/figures/activations/Softmax.figure';
import explorer from '../../src/figures/activations/ActivationExplorer.figure';
import chainFigure from '../../src/figures/activations/BackpropChain.figure';
import geometryFigure from '../../src/figures/regularization/PenaltyGeometry.figure';
import { resolveSettings } from '../../src/figures/figure';

/** The numbers figures lend to live formulas are the core's numbers. */
describe('Softmax lends the selected class’s numbers', () => {
  const values = (props: Record<string, unknown>) => softmaxFigure.live!.compute(resolveSettings(softmaxFigure, props));

  it('the source’s first case, class 1: e³/(e³ + e^0.7 + e^0.5) = 0.846', () => {
    const v = values({});
    expect(v.j).toBe(1);
    expect(v.zj).toBe(3);
    expect(v.expj).toBe(Math.exp(3));
    expect(v.sum).toBeCloseTo(Math.exp(3) + Math.exp(0.7) + Math.exp(0.5), 12);
    expect(v.expj / v.sum).toBeCloseTo(v.pj, 15);
    expect(v.pj.toFixed(3)).toBe('0.846');
    expect(v.m).toBe(3);
    expect(v.shiftj).toBe(1);
    expect(v.shiftj / v.shiftsum).toBeCloseTo(v.pj, 15);
  });

  it('every Jacobian entry is the core’s, at any temperature', () => {
    const logits = [1.2, 1, 1.5, -0.3];
    for (const t of [0.5, 1, 2.5]) {
      const jac = softmaxJacobian(logits, t);
      const p = softmax(logits, t);
      for (let j = 1; j <= 4; j++)
        for (let k = 1; k <= 4; k++) {
          const v = values({ logits, temperature: t, j, k });
          expect(v.jac).toBe(jac[j - 1][k - 1]);
          expect([v.pj, v.pk, v.kron]).toEqual([p[j - 1], p[k - 1], j === k ? 1 : 0]);
        }
    }
  });

  it('huge logits: the formula as written overflows (∞), the shifted one gives the answer', () => {
    const v = values({ logits: [1000, 999, 998], j: 2 });
    expect(v.expj).toBe(Infinity);
    expect(v.sum).toBe(Infinity);
    expect(v.shiftj).toBeCloseTo(Math.exp(-1), 15);
    expect(v.shiftj / v.shiftsum).toBeCloseTo(v.pj, 15);
    expect(v.pj).toBeCloseTo(softmax([1000, 999, 998])[1], 15);
  });

  it('a class beyond the last follows the last (after a class is removed)', () => {
    const v = values({ logits: [1, 2], j: 5, k: 9 });
    expect([v.j, v.k, v.zj, v.kron]).toEqual([2, 2, 2, 1]);
  });
});

/**
 * The article writes each function in a form its numbers can be put into (max(0, x) + slope·min(0, x),
 * …); the numbers the explorer lends must make each written form true, wherever the reader puts the
 * cursor and whatever the parameters within their ranges.
 */
describe('the explorer’s numbers satisfy the formulas the article writes with them', () => {
  const xs = [-50, -5, -1.5, -0.01, 0, 0.01, 0.7, 3, 50];
  const params = [
    {},
    { slope: 0, a: -0.5, alpha: 0, lower: 0.5, upper: 0.5 },
    { slope: 1, a: 1, alpha: 3, lower: 50, upper: 50 },
    { slope: 0.18, a: 0.6, alpha: 2, lower: 0.5, upper: 1 },
  ];
  for (const p of params)
    it(`with ${JSON.stringify(p)}`, () => {
      for (const x of xs) {
        const v = explorer.live!.compute(resolveSettings(explorer, { ...p, xMin: -50, xMax: 50 }), { x });
        const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
        close(1 / (1 + v.emx), v['f.sigmoid']);
        close(v['f.sigmoid'] * (1 - v['f.sigmoid']), v['d.sigmoid']);
        close(v.pos, v['f.relu']);
        close(v.pos + v.slope * v.neg, v['f.leakyRelu']);
        close(v.pos + v.a * v.neg, v['f.prelu']);
        close(v.pos + v.evalSlope * v.neg, v['f.rrelu']);
        close(v.pos + v.alpha * (v.eneg - 1), v['f.elu']);
        expect(v.neg).toBe(Math.min(0, x));
      }
    });
});

describe('the chain’s numbers satisfy the formulas the article writes with them', () => {
  for (const step of [1, 3, 5])
    it(`${step} step(s) back`, () => {
      const v = chainFigure.live!.compute(resolveSettings(chainFigure, { step, activation: 'tanh', x: -0.8, y: 0.5 }));
      expect(v.wl * v.aprev + v.b).toBeCloseTo(v.z, 15);
      expect(Math.tanh(v.z)).toBeCloseTo(v.a, 15);
      expect(v.w * v.dnext * v.slope).toBeCloseTo(v.delta, 15);
      expect(v.err * v.prodW * v.prodF).toBeCloseTo(v.delta, 15);
      expect(v.delta * v.aprev).toBeCloseTo(v.gradW, 15);
      expect(v.err * v.slopeL).toBeCloseTo(v.deltaL, 15);
      expect(v.yhat - v.y).toBe(v.err);
    });
});

describe('PenaltyGeometry lends the probe’s three penalties', () => {
  const values = (props: Record<string, unknown>) => geometryFigure.live!.compute(resolveSettings(geometryFigure, props));

  it('at the defaults: λ = 1, w = (1, 1): R₁ = 2, R₂ = 1, R_en = 1.5 (m = 0.5)', () => {
    const v = values({});
    expect([v.lambda, v.w1, v.w2, v.m, v.mc, v.abs, v.sq]).toEqual([1, 1, 1, 0.5, 0.5, 2, 2]);
    expect([v.r1, v.r2, v.ren]).toEqual([2, 1, 1.5]);
  });

  it('each is the core’s penalty at the probe, and the substitution the formulas show gives it', () => {
    for (const [lambda, mix, w1, w2] of [[0.35, 0.2, -1.27, 0.4], [2.5, 0.9, 2.5, -1.5], [0, 0.5, 0.3, 0.3]]) {
      const v = values({ lambda, mix, w1, w2 });
      const p: [number, number] = [w1, w2];
      expect(v.r1).toBe(regularizer('l1', lambda).value(p));
      expect(v.r2).toBe(regularizer('l2', lambda).value(p));
      expect(v.ren).toBe(regularizer('elastic', lambda, mix).value(p));
      expect(v.r1).toBeCloseTo(v.lambda * v.abs, 12);
      expect(v.r2).toBeCloseTo((v.lambda / 2) * v.sq, 12);
      expect(v.ren).toBeCloseTo(v.lambda * (v.m * v.abs + v.mc * 0.5 * v.sq), 12);
    }
  });
});
