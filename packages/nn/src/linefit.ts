/**
 * Straight lines fitted to points (x, y), one per data loss of losses.ts:
 * - squared loss Σ(y − a − bx)²: the least-squares line, in closed form;
 * - absolute loss Σ|y − a − bx|: some optimal line passes through two of the points
 *   (with different x), so trying the line through every pair is exact. That is
 *   O(n³), fine for the few dozen points of a figure.
 */
import { fail } from './check';
import { sumAbsolute, sumSquared } from './losses';

/** A point (x, y). */
export type Point = readonly [number, number];

/** The line y = intercept + slope·x. */
export interface Line {
  intercept: number;
  slope: number;
}

function checkPoints(name: string, points: readonly Point[]): void {
  if (!Array.isArray(points)) fail(name, 'an array of [x, y] pairs', points);
  points.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      fail(`${name}[${i}]`, 'a pair [x, y] of finite numbers', p);
    }
  });
}

function checkLine(line: Line): void {
  if (line == null || !Number.isFinite(line.intercept) || !Number.isFinite(line.slope)) {
    fail('line', 'an object { intercept, slope } of finite numbers', line);
  }
}

/** Σ|y − ŷ| ('absolute') or Σ(y − ŷ)² ('squared') of `line` over `points`, with ŷ = intercept + slope·x. */
export function lineLoss(kind: 'absolute' | 'squared', line: Line, points: readonly Point[]): number {
  if (kind !== 'absolute' && kind !== 'squared') fail('kind', "one of 'absolute', 'squared'", kind);
  checkLine(line);
  checkPoints('points', points);
  return total(kind, line, points);
}

function total(kind: 'absolute' | 'squared', line: Line, points: readonly Point[]): number {
  const predictions = points.map(([x]) => line.intercept + line.slope * x);
  const targets = points.map(([, y]) => y);
  return (kind === 'absolute' ? sumAbsolute : sumSquared).value(predictions, targets);
}

/**
 * The least-squares line: slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², through (x̄, ȳ).
 * Null when it is not unique (fewer than two points, or all x equal).
 */
export function leastSquaresLine(points: readonly Point[]): Line | null {
  checkPoints('points', points);
  const n = points.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (const [x, y] of points) {
    mx += x / n;
    my += y / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) * (x - mx);
    sxy += (x - mx) * (y - my);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * A least-absolute-deviations line: of the lines through two points with different x,
 * the first (in pair order i < j) whose total absolute error is lowest by more than 1e−12.
 * Null when no two points have different x.
 */
export function leastAbsoluteLine(points: readonly Point[]): Line | null {
  checkPoints('points', points);
  let best: Line | null = null;
  let bestLoss = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j][0] - points[i][0];
      if (dx === 0) continue;
      const slope = (points[j][1] - points[i][1]) / dx;
      const line = { slope, intercept: points[i][1] - slope * points[i][0] };
      const l = total('absolute', line, points);
      if (l < bestLoss - 1e-12) {
        bestLoss = l;
        best = line;
      }
    }
  }
  return best;
}
