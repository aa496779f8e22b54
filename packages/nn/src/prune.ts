/**
 * Pruning: remove hidden units that a penalty has switched off, and build the
 * smaller network that computes (nearly) the same function.
 *
 * A hidden unit is dead when ALL its incoming weights, or ALL its outgoing weights,
 * have |w| < threshold.
 * - Dead by its outgoing weights: it barely reaches the next layer; it is dropped.
 * - Dead by its incoming weights (only): its output is nearly the constant
 *   c = f(bias); c·(its outgoing weights) is added to the next layer's biases, then
 *   it is dropped.
 * Removal repeats until no unit is dead (dropping a unit can kill another). A layer
 * whose units are all dead keeps the one with the largest Σ|w_in|·Σ|w_out|, so every
 * layer keeps at least one unit. Surviving weights, biases and slopes are copied
 * unchanged.
 */
import { checkNonNegative } from './check';
import type { PReluActivation } from './activations';
import { Network, type Layer } from './network';
import { NEAR_ZERO } from './stats';

export interface PruneResult {
  readonly network: Network;
  /** Layer sizes of the pruned network, e.g. [1, 10, 10, 1, 1]. */
  readonly sizes: number[];
  /** removed[h]: indices (in the ORIGINAL network) of units removed from hidden layer h + 1. */
  readonly removed: number[][];
  /** Weight shapes in the source's notation, e.g. "(1,10),(10,10),(10,1),(1,1)". */
  readonly notation: string;
}

/** Weight-matrix shapes of a network with these layer sizes: "(1,10),(10,10),(10,1),(1,1)". */
export function shapesNotation(sizes: readonly number[]): string {
  return sizes
    .slice(1)
    .map((n, l) => `(${sizes[l]},${n})`)
    .join(',');
}

/** Largest |w| into unit j of `L` (over rows i), and out of unit j through `next` (over columns k). */
function maxIn(L: Layer, j: number): number {
  let m = 0;
  for (let i = 0; i < L.fanIn; i++) m = Math.max(m, Math.abs(L.weights[i * L.fanOut + j]));
  return m;
}

function maxOut(next: Layer, j: number): number {
  let m = 0;
  for (let k = 0; k < next.fanOut; k++) m = Math.max(m, Math.abs(next.weights[j * next.fanOut + k]));
  return m;
}

function sumAbs(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += Math.abs(values[k]);
  return s;
}

/** Output of unit j of layer L for a constant pre-activation (evaluation mode). */
function constantOutput(L: Layer, j: number, z: number): number {
  const act = L.activation;
  return act.name === 'prelu' ? (act as PReluActivation).outputAt(z, L.slopes[j]) : act.output(z);
}

/** Network without unit j of hidden layer h (between layers[h − 1] and layers[h]); folds its constant output if asked. */
function removeUnit(net: Network, h: number, j: number, fold: boolean): Network {
  const sizes = [...net.sizes];
  sizes[h] -= 1;
  const out = new Network(sizes, net.layers.map((L) => L.activation));
  net.layers.forEach((L, l) => {
    const O = out.layers[l];
    const keepRow = (i: number): boolean => !(l === h && i === j);
    const keepCol = (k: number): boolean => !(l === h - 1 && k === j);
    let r = 0;
    for (let i = 0; i < L.fanIn; i++) {
      if (!keepRow(i)) continue;
      let c = 0;
      for (let k = 0; k < L.fanOut; k++) if (keepCol(k)) O.weights[r * O.fanOut + c++] = L.weights[i * L.fanOut + k];
      r++;
    }
    let c = 0;
    for (let k = 0; k < L.fanOut; k++) {
      if (!keepCol(k)) continue;
      O.biases[c] = L.biases[k];
      if (O.slopes.length) O.slopes[c] = L.slopes[k];
      c++;
    }
  });
  if (fold) {
    const c = constantOutput(net.layers[h - 1], j, net.layers[h - 1].biases[j]);
    const next = net.layers[h];
    for (let k = 0; k < next.fanOut; k++) out.layers[h].biases[k] += c * next.weights[j * next.fanOut + k];
  }
  return out;
}

export function prune(net: Network, threshold = NEAR_ZERO): PruneResult {
  checkNonNegative('threshold', threshold);
  let current = net.clone();
  /** ids[h][u]: original index of the unit now at position u of layer h. */
  const ids = net.sizes.map((n) => Array.from({ length: n }, (_, u) => u));
  const removed: number[][] = net.sizes.slice(1, -1).map(() => []);
  for (let changed = true; changed; ) {
    changed = false;
    for (let h = 1; h < current.sizes.length - 1 && !changed; h++) {
      const into = current.layers[h - 1];
      const next = current.layers[h];
      const units = current.sizes[h];
      const deadIn = (j: number): boolean => maxIn(into, j) < threshold;
      const deadOut = (j: number): boolean => maxOut(next, j) < threshold;
      const dead = Array.from({ length: units }, (_, j) => deadIn(j) || deadOut(j));
      const alive = dead.filter((d) => !d).length;
      let victim = dead.indexOf(true);
      if (victim < 0) continue;
      if (alive === 0 && units === 1) continue; // the last unit of a layer stays
      if (alive === 0) {
        // keep the strongest unit: remove any other dead one
        const strength = (j: number): number =>
          sumAbs(Array.from({ length: into.fanIn }, (_, i) => into.weights[i * into.fanOut + j])) *
          sumAbs(next.weights.subarray(j * next.fanOut, (j + 1) * next.fanOut));
        let best = 0;
        for (let j = 1; j < units; j++) if (strength(j) > strength(best)) best = j;
        victim = best === 0 ? 1 : 0;
      }
      current = removeUnit(current, h, victim, !deadOut(victim));
      removed[h - 1].push(ids[h][victim]);
      ids[h].splice(victim, 1);
      changed = true;
    }
  }
  removed.forEach((r) => r.sort((a, b) => a - b));
  const sizes = [...current.sizes];
  return { network: current, sizes, removed, notation: shapesNotation(sizes) };
}
