import { describe, expect, it } from 'vitest';
import { createRng } from '../src/rng';

const draws = (rng: ReturnType<typeof createRng>, n: number): number[] =>
  Array.from({ length: n }, (_, i) => (i % 3 === 2 ? rng.normal() : rng.next()));

describe('createRng', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    expect(draws(createRng(42), 100)).toEqual(draws(createRng(42), 100));
    expect(draws(createRng(42), 10)).not.toEqual(draws(createRng(43), 10));
    expect(draws(createRng(42, 1), 10)).not.toEqual(draws(createRng(42, 0), 10));
    expect(draws(createRng(-5), 10)).not.toEqual(draws(createRng(5), 10));
    expect(draws(createRng(2 ** 40), 10)).not.toEqual(draws(createRng(0), 10));
  });

  it('resumes bit-exactly from a saved state, including a cached normal deviate', () => {
    const rng = createRng(7);
    rng.next();
    rng.normal(); // leaves the pair's second deviate in the state
    const saved = JSON.parse(JSON.stringify(rng.state()));
    expect(saved.spare).not.toBeNull();
    const rest = draws(rng, 50);
    expect(draws(createRng(saved), 50)).toEqual(rest);
  });

  it('draws uniforms in [lo, hi) and integers in 0 … n−1', () => {
    const rng = createRng(1);
    for (let i = 0; i < 2000; i++) {
      const u = rng.uniform(-2, 3);
      expect(u).toBeGreaterThanOrEqual(-2);
      expect(u).toBeLessThan(3);
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
  });

  it('has roughly the right moments', () => {
    const rng = createRng(3);
    const n = 20000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    for (let i = 0; i < n; i++) {
      su += rng.next();
      const z = rng.normal(1, 2);
      sn += z;
      sn2 += z * z;
    }
    const m = sn / n;
    expect(su / n).toBeCloseTo(0.5, 1);
    expect(m).toBeCloseTo(1, 1);
    expect(Math.sqrt(sn2 / n - m * m)).toBeCloseTo(2, 1);
  });

  it('rejects a bad seed or state, naming it', () => {
    expect(() => createRng(1.5)).toThrow(/seed must be a safe integer/);
    expect(() => createRng(NaN)).toThrow(/seed/);
    expect(() => createRng({ algorithm: 'sfc32', words: [1, 2, 3] as never, spare: null })).toThrow(/state\.words/);
  });
});
