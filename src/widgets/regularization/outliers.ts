/**
 * Data of the outlier figure: the clean points around a known line. The two fitted lines
 * (least squares and least absolute deviations) come from `@neural-notes/nn` (linefit.ts).
 */
import { createRng, type Line } from '@neural-notes/nn';

export type { Line } from '@neural-notes/nn';
export type Point = [number, number];

export const TRUE_LINE: Line = { intercept: 1, slope: 2 };

/** The clean points: 14 evenly spaced x in [0.5, 9.5], y on the true line plus U[−1, 1) noise (seed 7). */
export function basePoints(): Point[] {
  const rng = createRng(7);
  return Array.from({ length: 14 }, (_, i) => {
    const x = 0.5 + (i * 9) / 13;
    return [x, TRUE_LINE.intercept + TRUE_LINE.slope * x + rng.uniform(-1, 1)];
  });
}
