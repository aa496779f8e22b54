import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmax, softmaxJacobian } from '../src/softmax';
import { close } from './fd';

const round = (xs: number[], digits: number): number[] => xs.map((x) => Number(x.toFixed(digits)));

describe('softmax', () => {
  it('reproduces the worked cases to the digits shown', () => {
    expect(round(softmax([3, 0.7, 0.5]), 3)).toEqual([0.846, 0.085, 0.069]);
    expect(round(softmax([1.2, 1, 1.5]), 3)).toEqual([0.316, 0.258, 0.426]);
    const ten = softmax([1.5, ...Array(9).fill(1.2)]);
    expect(round([ten[0]], 2)).toEqual([0.13]);
    expect(round(ten.slice(1), 3)).toEqual(Array(9).fill(0.097));
  });

  it('is stable for huge logits', () => {
    const s = softmax([1000, 1000, -1000]);
    expect(s).toEqual([0.5, 0.5, 0]);
    expect(softmax([1e4, -1e4])).toEqual([1, 0]);
    expect(softmax([-1e4, -1e4 + Math.log(3)]).map((x) => Number(x.toFixed(12)))).toEqual([0.25, 0.75]);
    expect(softmax([1e308, -1e308]).every(Number.isFinite)).toBe(true);
  });

  it('sums to 1, stays finite and keeps the order of the logits (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 }), (z) => {
        const s = softmax(z);
        expect(s.every((p) => Number.isFinite(p) && p >= 0 && p <= 1)).toBe(true);
        expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        for (let i = 0; i < z.length; i++) {
          for (let j = 0; j < z.length; j++) if (z[i] < z[j]) expect(s[i]).toBeLessThanOrEqual(s[j]);
        }
      }),
    );
  });

  it('Jacobian s_j(δ_jk − s_k)/T matches central finite differences', () => {
    for (const T of [1, 0.5, 3]) {
      const z = [0.3, -1.2, 2, 0.7];
      const J = softmaxJacobian(z, T);
      const h = 1e-6;
      for (let k = 0; k < z.length; k++) {
        const up = softmax(z.map((v, i) => (i === k ? v + h : v)), T);
        const down = softmax(z.map((v, i) => (i === k ? v - h : v)), T);
        for (let j = 0; j < z.length; j++) expect(close(J[j][k], (up[j] - down[j]) / (2 * h), 1e-7)).toBe(true);
      }
    }
  });

  it('rejects bad input, naming it', () => {
    expect(() => softmax([])).toThrow(/logits must be a non-empty array/);
    expect(() => softmax([1, NaN])).toThrow(/logits\[1\] must be a finite number \(got NaN\)/);
    expect(() => softmax([1, 2], 0)).toThrow(/temperature must be a finite number > 0 \(got 0\)/);
  });
});
