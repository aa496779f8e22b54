/**
 * Straight-line fits for the outlier figure, one per data loss from `@neural-notes/nn`:
 * - squared loss Σ(y − a − bx)²: the least-squares line (closed form);
 * - absolute loss Σ|y − a − bx|: some optimal line passes through two of the points, so the
 *   best line through every pair is exact (fine for the few dozen points of the figure).
 */
import { createRng, sumAbsolute, sumSquared } from '@neural-notes/nn';

export type Point = [number, number];

export interface Line {
  intercept: number;
  slope: number;
}

export const TRUE_LINE: Line = { intercept: 1, slope: 2 };

/** The clean points: 14 evenly spaced x in [0.5, 9.5], y on the true line plus U[−1, 1) noise (seed 7). */
export function basePoints(): Point[] {
  const rng = createRng(7);
  return Array.from({ length: 14 }, (_, i) => {
    const x = 0.5 + (i * 9) / 13;
    return [x, TRUE_LINE.intercept + TRUE_LINE.slope * x + rng.uniform(-1, 1)];
  });
}

const predict = (line: Line, pts: readonly Point[]) => pts.map(([x]) => line.intercept + line.slope * x);
const targets = (pts: readonly Point[]) => pts.map(([, y]) => y);

export function totalLoss(kind: 'absolute' | 'squared', line: Line, pts: readonly Point[]): number {
  return (kind === 'absolute' ? sumAbsolute : sumSquared).value(predict(line, pts), targets(pts));
}

export function fitSquared(pts: readonly Point[]): Line | null {
  const n = pts.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (const [x, y] of pts) {
    mx += x / n;
    my += y / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of pts) {
    sxx += (x - mx) * (x - mx);
    sxy += (x - mx) * (y - my);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export function fitAbsolute(pts: readonly Point[]): Line | null {
  let best: Line | null = null;
  let bestLoss = Infinity;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const dx = pts[j][0] - pts[i][0];
      if (dx === 0) continue;
      const slope = (pts[j][1] - pts[i][1]) / dx;
      const line = { slope, intercept: pts[i][1] - slope * pts[i][0] };
      const l = totalLoss('absolute', line, pts);
      if (l < bestLoss - 1e-12) {
        bestLoss = l;
        best = line;
      }
    }
  }
  return best;
}
