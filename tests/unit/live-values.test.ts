import { describe, expect, it } from 'vitest';
import { regularizer, softmax, softmaxJacobian } from '@neural-notes/nn';
import softmaxFigure from '../../src/figures/activations/Softmax.figure';
import explorer from '../../src/figures/activations/ActivationExplorer.figure';
import chainFigure from '../../src/figures/activations/BackpropChain.figure';
import geometryFigure from '../../src/figures/regularization/PenaltyGeometry.figure';
import { resolveSettings } from '../../src/figures/figure';
import preluFigure from '../../src/figures/activations/PreluSlopes.figure';
import { runPrelu, type PreluInput, type PreluResult } from '../../src/models/activations/prelu';
import { formatCode, formatLive } from '../../src/lib/live-formula-format';

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

/**
 * The PReLU-slopes figure lends the last step of its training run: the formulas for ∂E/∂aᵢ and the
 * momentum update must hold with its numbers, and end exactly where training left each slope.
 */
describe('PreluSlopes lends the last step of training, for the unit the reader picks', () => {
  const run = (input: Partial<PreluInput> = {}) => runPrelu({ lr: 0.01, momentum: 0.9, seed: 1, epochs: 60, ...input });
  const values = (r: PreluResult, unit: string) => preluFigure.live!.compute(resolveSettings(preluFigure, { unit }), undefined, r);

  it('every unit’s step ends bit for bit at the slope training left, by the formulas’ own arithmetic', () => {
    for (const input of [{}, { momentum: 0 }, { seed: 7, lr: 0.003, momentum: 0.5, epochs: 20 }]) {
      const r = run(input);
      expect(r.status).toBe('ok');
      const final = r.slopes[r.slopes.length - 1];
      const before = r.slopes[r.slopes.length - 2];
      expect(r.last!.step).toBe(r.input.epochs * 64);
      expect(r.last!.epoch).toBe(r.input.epochs);
      r.last!.units.forEach((u, k) => {
        expect(u.next).toBe(final[k]); // a − Δa is where training left the slope
        expect(u.neg).toBe(Math.min(0, u.z));
        expect(u.grad).toBe(u.z < 0 ? u.outGrad * u.z : 0); // a unit whose input was positive gets no gradient
        expect(u.move).toBe(r.input.momentum * u.movePrev + r.input.lr * u.grad);
        expect(Math.abs(u.a - before[k])).toBeLessThan(0.05); // the slope before the step, within one epoch of training
      });
    }
  });

  it('the default run: unit 1.3, input below zero, ∂E/∂a = 0.1028 × (−0.5005) = −0.05143 and a: 0.4435893 → 0.4460708', () => {
    const r = run();
    const v = values(r, '1.3');
    expect([v.l, v.j, v.step, v.mu, v.eps]).toEqual([1, 3, 3840, 0.9, 0.01]);
    const shown = (name: string, x: number) => formatLive(x, formatCode(preluFigure.live!.values[name]));
    expect([shown('outgrad', v.outgrad), shown('neg', v.neg), shown('grad', v.grad)]).toEqual(['0.1028', '−0.5005', '−0.05143']);
    expect([shown('moveprev', v.moveprev), shown('move', v.move), shown('a', v.a), shown('next', v.next)]).toEqual(['−0.002186', '−0.002481', '0.4435893', '0.4460708']);
    expect(v.next).toBe(r.slopes[60][2]);
  });

  it('another unit gives that unit’s numbers; a run that diverged or has not finished lends none', () => {
    const r = run();
    const v = values(r, '2.3');
    const u = r.last!.units[r.units.indexOf('2.3')];
    expect([v.l, v.j, v.z, v.grad, v.next]).toEqual([2, 3, u.z, u.grad, u.next]);
    const diverged = run({ lr: 0.1, momentum: 0.99 });
    expect(diverged.status).toBe('diverged');
    expect(diverged.last).toBeNull();
    const none = Object.fromEntries(Object.keys(preluFigure.live!.values).map((name) => [name, NaN]));
    expect(values(diverged, '1.3')).toEqual(none); // shown as dashes, replacing the last run's numbers
    expect(preluFigure.live!.compute(resolveSettings(preluFigure, {}))).toEqual(none);
  });
});
