import { describe, expect, it } from 'vitest';
import { elasticNet, l1, l2, none, regularizer } from '../src/regularizers';
import { centralDiff, close } from './fd';

const ws = [0.5, -1.25, 2, -0.03, 0.7];

describe('regularizers', () => {
  for (const R of [none(), l1(0.3), l2(0.3), elasticNet(0.3, 0.4)]) {
    it(`${R.name}: gradient matches central finite differences (away from w = 0)`, () => {
      const g = R.addGrad(ws, new Float64Array(ws.length));
      for (let i = 0; i < ws.length; i++) {
        const f = (v: number): number => R.value(ws.map((w, k) => (k === i ? v : w)));
        expect(close(g[i], centralDiff(f, ws[i]))).toBe(true);
        expect(R.pointDer(ws[i]) === g[i]).toBe(true);
      }
    });
  }

  it('follow the TensorFlow conventions and the documented mix', () => {
    expect(l1(0.3).value([1, -2])).toBeCloseTo(0.9, 15); // λΣ|w|
    expect(l2(0.3).value([1, -2])).toBeCloseTo(0.75, 15); // λΣw²/2
    expect(none().value([1, -2])).toBe(0);
    expect(elasticNet(0.3, 1).value(ws)).toBe(l1(0.3).value(ws));
    expect(elasticNet(0.3, 0).value(ws)).toBe(l2(0.3).value(ws));
    const e = elasticNet(0.5, 0.25);
    expect(e.l1).toBe(0.125);
    expect(e.l2).toBe(0.375);
    expect(l1(0.3).pointDer(0)).toBe(0); // subgradient at 0
    expect(l1(0.3).pointDer(-1e-300)).toBe(-0.3);
  });

  it('round-trip through their specs', () => {
    for (const R of [none(), l1(0.3), l2(0.1), elasticNet(0.2, 0.7)]) {
      const back = regularizer(JSON.parse(JSON.stringify(R.spec)));
      expect([back.name, back.l1, back.l2]).toEqual([R.name, R.l1, R.l2]);
    }
    expect(regularizer('l2', 0.3).l2).toBe(0.3);
  });

  it('reject bad λ and mix, naming them', () => {
    expect(() => l1(-1)).toThrow('lambda must be a finite number ≥ 0 (got -1)');
    expect(() => l2(Infinity)).toThrow('lambda must be a finite number ≥ 0 (got Infinity)');
    expect(() => elasticNet(0.3, 2)).toThrow('mix must be a number in [0, 1] (got 2)');
    expect(() => regularizer('l3' as never, 1)).toThrow(/regularizer must be one of 'none', 'l1', 'l2', 'elastic'/);
  });
});
