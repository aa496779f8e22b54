/**
 * Softmax σ(z)_j = exp(z_j/T) / Σ_k exp(z_k/T) and its Jacobian.
 * Stable for any finite logits: the largest logit is subtracted first, so every
 * exponent is ≤ 0 and the largest term is exactly 1.
 */
import { checkAllFinite, checkPositive, fail } from './check';

function checkLogits(logits: ArrayLike<number>): void {
  if (logits == null || typeof logits.length !== 'number' || logits.length === 0) {
    fail('logits', 'a non-empty array of finite numbers', logits);
  }
  checkAllFinite('logits', logits);
}

/** Probabilities for `logits` at temperature T > 0 (T = 1 is the plain softmax). */
export function softmax(logits: ArrayLike<number>, temperature = 1): number[] {
  checkLogits(logits);
  checkPositive('temperature', temperature);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  const out = new Array<number>(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp((logits[i] - max) / temperature);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/**
 * ∂σ_j/∂z_k = σ_j(δ_jk − σ_k)/T, as rows j of a K×K array.
 */
export function softmaxJacobian(logits: ArrayLike<number>, temperature = 1): number[][] {
  const s = softmax(logits, temperature);
  return s.map((sj, j) => s.map((sk, k) => (sj * ((j === k ? 1 : 0) - sk)) / temperature));
}
