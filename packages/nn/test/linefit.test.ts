import { describe, expect, it } from 'vitest';
import { leastAbsoluteLine, leastSquaresLine, lineLoss, type Line, type Point } from '../src/linefit';
import { createRng } from '../src/rng';

function randomPoints(seed: number, n: number): Point[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const x = rng.uniform(-5, 5);
    return [x, 0.7 - 1.3 * x + rng.normal(0, 2)] as Point;
  });
}

describe('leastSquaresLine', () => {
  it('solves the normal equations [n Σx; Σx Σx²][a; b] = [Σy; Σxy]', () => {
    for (const seed of [1, 2, 3]) {
      const pts = randomPoints(seed, 30);
      let sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (const [x, y] of pts) {
        sx += x; sy += y; sxx += x * x; sxy += x * y;
      }
      const n = pts.length;
      const det = n * sxx - sx * sx;
      const line = leastSquaresLine(pts)!;
      expect(line.intercept).toBeCloseTo((sxx * sy - sx * sxy) / det, 10);
      expect(line.slope).toBeCloseTo((n * sxy - sx * sy) / det, 10);
    }
  });

  it('is null when the line is not unique', () => {
    expect(leastSquaresLine([])).toBeNull();
    expect(leastSquaresLine([[1, 1]])).toBeNull();
    expect(leastSquaresLine([[1, 1], [1, 2]])).toBeNull();
  });
});

describe('leastAbsoluteLine', () => {
  it('passes through two of the points and no small perturbation does better', () => {
    for (const seed of [4, 5]) {
      const pts = randomPoints(seed, 20);
      const line = leastAbsoluteLine(pts)!;
      const through = pts.filter(([x, y]) => Math.abs(y - line.intercept - line.slope * x) < 1e-9);
      expect(through.length).toBeGreaterThanOrEqual(2);
      const best = lineLoss('absolute', line, pts);
      for (const [da, db] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3], [1e-3, -1e-3], [-1e-3, 1e-3], [0.5, 0.1]]) {
        const other: Line = { intercept: line.intercept + da, slope: line.slope + db };
        expect(lineLoss('absolute', other, pts)).toBeGreaterThanOrEqual(best - 1e-12);
      }
    }
  });

  it('ignores a far outlier that pulls the least-squares line', () => {
    const pts: Point[] = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 40]];
    expect(leastAbsoluteLine(pts)).toEqual({ slope: 1, intercept: 0 });
    expect(leastSquaresLine(pts)!.slope).toBeGreaterThan(5);
  });

  it('is null when no two points have different x', () => {
    expect(leastAbsoluteLine([[1, 1], [1, 2]])).toBeNull();
  });
});

describe('lineLoss', () => {
  it('sums absolute or squared residuals', () => {
    const pts: Point[] = [[0, 1], [1, 0], [2, 5]];
    const line = { intercept: 1, slope: 1 };
    expect(lineLoss('absolute', line, pts)).toBe(0 + 2 + 2);
    expect(lineLoss('squared', line, pts)).toBe(0 + 4 + 4);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => lineLoss('cubic' as 'absolute', { intercept: 0, slope: 1 }, [])).toThrow(`kind must be one of 'absolute', 'squared' (got "cubic")`);
    expect(() => lineLoss('absolute', { intercept: NaN, slope: 1 }, [])).toThrow('line must be');
    expect(() => leastSquaresLine([[0, 1], [1, NaN]])).toThrow('points[1] must be a pair [x, y] of finite numbers');
    expect(() => leastAbsoluteLine(null as unknown as Point[])).toThrow('points must be an array of [x, y] pairs (got null)');
  });
});
