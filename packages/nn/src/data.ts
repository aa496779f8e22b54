/**
 * Seeded datasets. `lineData`: the source experiment's dataset: points on a line with a block of outliers and
 * uniform noise, and a seeded train/test split.
 *
 * Generation, in this order of draws from the Rng:
 * 1. x_i = xMin + i·(xMax − xMin)/(n − 1), i = 0 … n−1; y_i = slope·x_i + intercept.
 * 2. The outliers are the evenly spaced indices floor(k·n/outlierCount),
 *    k = 0 … outlierCount−1 (0, 5, 10, …, 45 for the defaults). They all get the
 *    SAME offset: `outlierOffset` if given, else ONE draw of U[0, outlierMax).
 * 3. Every point then gets its own noise, a draw of U[0, noise), in index order.
 */
import { checkFinite, checkInteger, checkNonNegative, checkRange, fail } from './check';
import type { Rng } from './rng';

export interface LineDataOptions {
  /** Number of points (default 50). */
  readonly n?: number;
  /** First x (default 0.5). */
  readonly xMin?: number;
  /** Last x (default 9.5). */
  readonly xMax?: number;
  /** y = slope·x + intercept before outliers and noise (default 2). */
  readonly slope?: number;
  /** Default 0. */
  readonly intercept?: number;
  /** Number of outliers (default 10), at most n. */
  readonly outlierCount?: number;
  /** The shared outlier offset; when absent it is drawn once from U[0, outlierMax). */
  readonly outlierOffset?: number;
  /** Upper end of the drawn offset (default 10). */
  readonly outlierMax?: number;
  /** Noise amplitude: each point gets U[0, noise) (default 2). */
  readonly noise?: number;
}

export interface LineData {
  readonly x: number[];
  readonly y: number[];
  /** Indices of the outliers, ascending. */
  readonly outliers: number[];
  /** The offset every outlier got. */
  readonly outlierOffset: number;
}

export function lineData(rng: Rng, options: LineDataOptions = {}): LineData {
  const n = checkInteger('n', options.n ?? 50, 2);
  const xMin = checkFinite('xMin', options.xMin ?? 0.5);
  const xMax = checkFinite('xMax', options.xMax ?? 9.5);
  if (!(xMax > xMin)) fail('xMax', `a number > xMin (${xMin})`, xMax);
  const slope = checkFinite('slope', options.slope ?? 2);
  const intercept = checkFinite('intercept', options.intercept ?? 0);
  const count = checkInteger('outlierCount', options.outlierCount ?? 10, 0);
  if (count > n) fail('outlierCount', `an integer in [0, n] (n = ${n})`, count);
  const outlierMax = checkNonNegative('outlierMax', options.outlierMax ?? 10);
  const noise = checkNonNegative('noise', options.noise ?? 2);
  if (options.outlierOffset !== undefined) checkFinite('outlierOffset', options.outlierOffset);
  const x = Array.from({ length: n }, (_, i) => xMin + (i * (xMax - xMin)) / (n - 1));
  const y = x.map((xi) => slope * xi + intercept);
  const outliers = Array.from({ length: count }, (_, k) => Math.floor((k * n) / count));
  const outlierOffset = options.outlierOffset ?? rng.uniform(0, outlierMax);
  for (const i of outliers) y[i] += outlierOffset;
  for (let i = 0; i < n; i++) y[i] += rng.uniform(0, noise);
  return { x, y, outliers, outlierOffset };
}

export interface Split {
  /** Indices of the training points, in the shuffled order. */
  readonly train: number[];
  /** Indices of the test points, in the shuffled order. */
  readonly test: number[];
}

/**
 * A random split of indices 0 … n−1: a Fisher–Yates shuffle with the Rng, then the
 * first round(trainFraction·n) go to training (40 of 50 at the default 0.8).
 */
export function splitIndices(n: number, rng: Rng, trainFraction = 0.8): Split {
  checkInteger('n', n, 1);
  checkRange('trainFraction', trainFraction, 0, 1);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cut = Math.round(trainFraction * n);
  return { train: order.slice(0, cut), test: order.slice(cut) };
}

/**
 * The split of the author's own helper (`divideDatasets` in the author's later public code; the
 * script calls a private one of that name): with cut = ⌊trainFraction·n⌋ training rows, the rows
 * at the evenly spaced positions ⌊i·n/cut⌋ + ⌊n/(2·cut)⌋, i = 0 … cut−1, go to training and the
 * rest to test, both in ascending order. For n = 50 and 0.8 the test rows are 4, 9, 14, …, 49: every fifth
 * point, not a random tenth. Draws nothing. (That helper then shuffles the training rows once,
 * unseeded; the experiment's order 'once' is that shuffle.)
 */
export function evenSplitIndices(n: number, trainFraction = 0.8): Split {
  checkInteger('n', n, 1);
  checkRange('trainFraction', trainFraction, 0, 1);
  const cut = Math.floor(trainFraction * n);
  if (cut === 0) return { train: [], test: Array.from({ length: n }, (_, i) => i) };
  const train = Array.from({ length: cut }, (_, i) => Math.floor((i * n) / cut) + Math.floor(n / (2 * cut)));
  const chosen = new Set(train);
  const test = Array.from({ length: n }, (_, i) => i).filter((i) => !chosen.has(i));
  return { train, test };
}

export interface SineDataOptions {
  /** Number of examples (default 64). */
  readonly n?: number;
  /** The target is sin(frequency·x) (default 3). */
  readonly frequency?: number;
  /** x is drawn from U[xMin, xMax) (default −1). */
  readonly xMin?: number;
  /** Default 1. */
  readonly xMax?: number;
}

/**
 * A one-input regression task: n draws x ~ U[xMin, xMax) from the Rng, one per example in
 * order, each with the target sin(frequency·x). Inputs and targets are one-element rows,
 * ready for `train`.
 */
export function sineData(rng: Rng, options: SineDataOptions = {}): { inputs: number[][]; targets: number[][] } {
  const n = checkInteger('n', options.n ?? 64, 1);
  const frequency = checkFinite('frequency', options.frequency ?? 3);
  const xMin = checkFinite('xMin', options.xMin ?? -1);
  const xMax = checkFinite('xMax', options.xMax ?? 1);
  if (!(xMax > xMin)) fail('xMax', `a number > xMin (${xMin})`, xMax);
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(xMin, xMax);
    inputs.push([x]);
    targets.push([Math.sin(frequency * x)]);
  }
  return { inputs, targets };
}
