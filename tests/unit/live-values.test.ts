import { describe, expect, it } from 'vitest';
import { softmax, softmaxJacobian } from '@neural-notes/nn';
import softmaxFigure from '../../src/figures/activations/Softmax.figure';
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
