import { describe, expect, it } from 'vitest';
import { loss, LOSS_NAMES, meanAbsolute, meanSquared, sumAbsolute, sumSquared } from '../src/losses';
import { centralDiff, close } from './fd';

describe('losses', () => {
  for (const L of [sumAbsolute, meanAbsolute, sumSquared, meanSquared]) {
    it(`${L.name}: pointDer and grad match central finite differences`, () => {
      for (const [p, y] of [[0.3, 1], [2, -1], [-4, -3.5], [5, 4.9]]) {
        expect(close(L.pointDer(p, y), centralDiff((q) => L.point(q, y), p))).toBe(true);
      }
      const pred = [0.5, -1, 3];
      const target = [1, -2, 3.5];
      const g = L.grad(pred, target);
      for (let i = 0; i < pred.length; i++) {
        const f = (v: number): number => L.value(pred.map((q, k) => (k === i ? v : q)), target);
        expect(close(g[i], centralDiff(f, pred[i]))).toBe(true);
      }
    });
  }

  it('have the documented definitions', () => {
    expect(sumAbsolute.value([1, 2], [0, 4])).toBe(3);
    expect(meanAbsolute.value([1, 2], [0, 4])).toBe(1.5);
    expect(sumSquared.value([1, 2], [0, 4])).toBe(5); // Σ(p − y)², no ½
    expect(meanSquared.value([1, 2], [0, 4])).toBe(2.5);
    expect(sumAbsolute.pointDer(2, 2)).toBe(0); // subgradient sign(0) = 0
    expect(sumSquared.pointDer(3, 1)).toBe(4);
  });

  it('are looked up by name; an unknown name lists the allowed ones', () => {
    for (const n of LOSS_NAMES) expect(loss(n).name).toBe(n);
    expect(() => loss('huber' as never)).toThrow(/loss must be one of 'sumAbsolute', 'meanAbsolute', 'sumSquared', 'meanSquared' \(got "huber"\)/);
    expect(() => sumAbsolute.value([1, 2], [1])).toThrow(/target must have length 2/);
  });
});
