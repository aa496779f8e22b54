/**
 * Data of the outlier figure: the clean points around a known line, where each added outlier
 * goes, and how a fitted line is written. The two fitted lines (least squares and least absolute
 * deviations) come from `@neural-notes/nn` (linefit.ts).
 */
import { createRng, type Line } from '@neural-notes/nn';

export type { Line } from '@neural-notes/nn';
export type Point = [number, number];

/** The box the figure shows: x from 0 to 10, y from −6 to 30; outliers stay inside it. */
export const OUTLIER_DOMAIN = { x: [0, 10] as [number, number], y: [-6, 30] as [number, number] };

export const TRUE_LINE: Line = { intercept: 1, slope: 2 };

/** The outliers the figure can start with (it shows the first two by default). */
export const PRESET_OUTLIERS: Point[] = [
  [7.5, 2],
  [9, 3],
  [2, 24],
];

/** The most outliers the figure takes (the URL keeps them all). */
export const MAX_OUTLIERS = 12;

/** The clean points: 14 evenly spaced x in [0.5, 9.5], y on the true line plus U[−1, 1) noise (seed 7). */
export function basePoints(): Point[] {
  const rng = createRng(7);
  return Array.from({ length: 14 }, (_, i) => {
    const x = 0.5 + (i * 9) / 13;
    return [x, TRUE_LINE.intercept + TRUE_LINE.slope * x + rng.uniform(-1, 1)];
  });
}

/**
 * Where "Add an outlier" puts its points, in order: spread along x, alternately well above and
 * well below the true line y = 1 + 2x (10 to 14 units off it), inside the plot, and apart from
 * each other and from the preset outliers, so every click shows a new point.
 */
export const OUTLIER_SPOTS: readonly Point[] = [
  [5, 24],
  [8.5, 6],
  [1, 15],
  [6, -1],
  [3.5, 21],
  [9.5, 9],
  [0.5, 12],
  [4.5, -3],
  [7, 27],
  [2.5, -4],
  [8, 29],
  [3, 17],
];

/** Distance in plot units, scaled so that both axes count alike (the plot is 10 wide and 36 tall). */
export function plotDistance(a: Point, b: Point): number {
  return Math.hypot((a[0] - b[0]) / 10, (a[1] - b[1]) / 36);
}

/** Two points closer than this overlap on screen (an outlier's circle is about 0.03 of the plot wide). */
export const DISTINCT = 0.06;

/**
 * The next added outlier: the first spot of OUTLIER_SPOTS with no outlier on it or close to it;
 * if every spot is taken (outliers dragged onto them), the spot farthest from all of them.
 */
export function nextOutlier(taken: readonly Point[]): Point {
  const gap = (p: Point) => Math.min(Infinity, ...taken.map((q) => plotDistance(p, q)));
  const free = OUTLIER_SPOTS.find((p) => gap(p) >= DISTINCT);
  if (free) return [free[0], free[1]];
  const best = OUTLIER_SPOTS.reduce((a, b) => (gap(b) > gap(a) ? b : a));
  return [best[0], best[1]];
}
