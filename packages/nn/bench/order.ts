import type { Rng } from '../src/rng';

/**
 * The library's epoch order, for the benchmark's peers: Fisher–Yates from the identity
 * with rng.int, as train() does. Fills `order` and returns it.
 */
export function shuffled(rng: Rng, order: Int32Array): Int32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
