/** Summary statistics for experiment results. */
import type { Network, NetworkJSON } from './network';

/** Arithmetic mean; NaN for an empty list. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (divides by n − 1); 0 for a single value, NaN for none. */
export function sd(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  if (xs.length === 1) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/**
 * Where `value` falls among `xs`, in percent: the share of xs below it, counting values equal to
 * it as half below (the mid-rank percentile). 0 below every value, 100 above every value; NaN
 * for an empty list.
 */
export function percentileRank(xs: readonly number[], value: number): number {
  if (xs.length === 0) return NaN;
  let below = 0;
  let equal = 0;
  for (const x of xs) {
    if (x < value) below++;
    else if (x === value) equal++;
  }
  return (100 * (below + equal / 2)) / xs.length;
}

/** Default |w| below which a weight counts as switched off. */
export const NEAR_ZERO = 0.01;

/** Number of weights (not biases) with |w| < threshold, over every layer. */
export function countNearZero(net: Network | NetworkJSON, threshold = NEAR_ZERO): number {
  const matrices: ArrayLike<number>[] = 'layers' in net ? net.layers.map((L) => L.weights) : net.weights;
  let count = 0;
  for (const w of matrices) for (let k = 0; k < w.length; k++) if (Math.abs(w[k]) < threshold) count++;
  return count;
}
