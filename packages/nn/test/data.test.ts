import { describe, expect, it } from 'vitest';
import { lineData, sineData, splitIndices } from '../src/data';
import { createRng } from '../src/rng';

describe('lineData', () => {
  it('follows the source: 50 points on y = 2x from 0.5 to 9.5, 10 outliers with one shared offset, noise U[0, 2)', () => {
    const d = lineData(createRng(1));
    expect(d.x).toHaveLength(50);
    expect(d.x[0]).toBe(0.5);
    expect(d.x[49]).toBe(9.5);
    expect(d.outliers).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    expect(d.outlierOffset).toBeGreaterThanOrEqual(0);
    expect(d.outlierOffset).toBeLessThan(10);
    d.x.forEach((x, i) => {
      const noise = d.y[i] - 2 * x - (d.outliers.includes(i) ? d.outlierOffset : 0);
      expect(noise).toBeGreaterThanOrEqual(-1e-12);
      expect(noise).toBeLessThan(2);
    });
  });

  it('takes every knob as a parameter and a fixed offset draws nothing for it', () => {
    const d = lineData(createRng(2), { n: 11, xMin: 0, xMax: 10, slope: -1, intercept: 3, outlierCount: 2, outlierOffset: 5, noise: 0 });
    expect(d.x).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d.outliers).toEqual([0, 5]);
    expect(d.y).toEqual(d.x.map((x, i) => -x + 3 + (i === 0 || i === 5 ? 5 : 0)));
  });

  it('is reproducible from the seed', () => {
    expect(lineData(createRng(9))).toEqual(lineData(createRng(9)));
    expect(lineData(createRng(9))).not.toEqual(lineData(createRng(10)));
  });

  it('splits 80/20 into disjoint, seeded halves', () => {
    const s = splitIndices(50, createRng(3));
    expect(s.train).toHaveLength(40);
    expect(s.test).toHaveLength(10);
    expect([...s.train, ...s.test].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(splitIndices(50, createRng(3))).toEqual(s);
  });

  it('rejects bad knobs, naming them', () => {
    expect(() => lineData(createRng(1), { n: 1 })).toThrow('n must be an integer ≥ 2 (got 1)');
    expect(() => lineData(createRng(1), { noise: -1 })).toThrow('noise must be a finite number ≥ 0 (got -1)');
    expect(() => lineData(createRng(1), { outlierCount: 60 })).toThrow(/outlierCount must be an integer in \[0, n\]/);
    expect(() => lineData(createRng(1), { xMax: 0 })).toThrow(/xMax must be a number > xMin/);
    expect(() => splitIndices(10, createRng(1), 1.5)).toThrow(/trainFraction must be a number in \[0, 1\]/);
  });
});

describe('sineData', () => {
  it('draws x ~ U[−1, 1) in order from the Rng, with targets sin(3x)', () => {
    const d = sineData(createRng(5, 1), { n: 10 });
    const rng = createRng(5, 1);
    expect(d.inputs).toHaveLength(10);
    d.inputs.forEach(([x], i) => {
      expect(x).toBe(rng.uniform(-1, 1));
      expect(d.targets[i]).toEqual([Math.sin(3 * x)]);
    });
    expect(sineData(createRng(5, 1)).inputs).toHaveLength(64);
  });

  it('takes its range and frequency as options and checks them', () => {
    const d = sineData(createRng(1), { n: 50, frequency: 1, xMin: 2, xMax: 3 });
    for (const [x] of d.inputs) expect(x >= 2 && x < 3).toBe(true);
    expect(d.targets[0][0]).toBe(Math.sin(d.inputs[0][0]));
    expect(() => sineData(createRng(1), { n: 0 })).toThrow('n must be an integer ≥ 1 (got 0)');
    expect(() => sineData(createRng(1), { xMin: 1, xMax: 1 })).toThrow('xMax must be a number > xMin (1) (got 1)');
  });
});
