import { describe, expect, it } from 'vitest';
import { glorotUniform, heNormal, heUniform, initializer, zeros } from '../src/init';
import { createRng } from '../src/rng';

describe('initializers', () => {
  it('glorotUniform stays within √(6/(fanIn + fanOut)) and fills the range', () => {
    const w = glorotUniform.fill(new Float64Array(4000), 10, 20, createRng(1));
    const limit = Math.sqrt(6 / 30);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...w)).toBeGreaterThan(0.95 * limit);
    expect(Math.min(...w)).toBeLessThan(-0.95 * limit);
  });

  it('He initialisers have variance 2/fanIn', () => {
    for (const init of [heNormal, heUniform]) {
      const w = init.fill(new Float64Array(20000), 8, 3, createRng(2));
      const variance = w.reduce((s, x) => s + x * x, 0) / w.length;
      expect(variance).toBeCloseTo(2 / 8, 1);
    }
  });

  it('zeros draws nothing; random ones need an rng', () => {
    expect(Array.from(zeros.fill(new Float64Array(3).fill(5), 1, 3))).toEqual([0, 0, 0]);
    expect(() => glorotUniform.fill(new Float64Array(3), 1, 3)).toThrow(/rng is required/);
    expect(() => initializer('orthogonal' as never)).toThrow(/init must be one of 'glorotUniform'/);
  });
});
