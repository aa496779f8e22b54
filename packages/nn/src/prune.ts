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
import { checkInteger, checkLength, checkNonNegative } from './check';
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

/** A layer's weights as pruning's decisions read them: w(i → k) at weights[i · fanOut + k]. */
interface Weights {
  readonly weights: ArrayLike<number>;
  readonly fanOut: number;
}

/**
 * The network as pruning sees it part-way: the original layers' weights (read only) and which of
 * their units are still there. A unit is named by its index in the original network, so no smaller
 * network is built until the end. Which units go depends on the weights alone.
 */
interface Pruning {
  readonly layers: readonly Weights[];
  /** alive[h]: original indices of the units still in layer h (0 = input), in order. */
  readonly alive: number[][];
}

/** Largest |w| into unit j of hidden layer h, over the units still in layer h − 1. */
function maxIn(p: Pruning, h: number, j: number): number {
  const L = p.layers[h - 1];
  let m = 0;
  for (const i of p.alive[h - 1]) m = Math.max(m, Math.abs(L.weights[i * L.fanOut + j]));
  return m;
}

/** Largest |w| out of unit j of hidden layer h, over the units still in layer h + 1. */
function maxOut(p: Pruning, h: number, j: number): number {
  const next = p.layers[h];
  let m = 0;
  for (const k of p.alive[h + 1]) m = Math.max(m, Math.abs(next.weights[j * next.fanOut + k]));
  return m;
}

/** Σ|w_in| · Σ|w_out| of unit j of hidden layer h: which unit of a layer switched off entirely stays. */
function strength(p: Pruning, h: number, j: number): number {
  const into = p.layers[h - 1];
  const next = p.layers[h];
  let sIn = 0;
  for (const i of p.alive[h - 1]) sIn += Math.abs(into.weights[i * into.fanOut + j]);
  let sOut = 0;
  for (const k of p.alive[h + 1]) sOut += Math.abs(next.weights[j * next.fanOut + k]);
  return sIn * sOut;
}

/**
 * Pruning's decisions: removes dead hidden units from `p.alive` one at a time, first layer first and
 * back to the first layer after each removal, telling `removing` of each (with whether it is dead by
 * its incoming weights only, so its constant output is to be folded) once it is gone. Returns
 * removed[h]: the units removed from hidden layer h + 1, in increasing order.
 */
function removeDead(p: Pruning, threshold: number, removing?: (h: number, j: number, fold: boolean) => void): number[][] {
  const removed: number[][] = p.alive.slice(1, -1).map(() => []);
  for (let changed = true; changed; ) {
    changed = false;
    for (let h = 1; h < p.alive.length - 1 && !changed; h++) {
      const units = p.alive[h];
      const deadOut = (j: number): boolean => maxOut(p, h, j) < threshold;
      const dead = units.filter((j) => maxIn(p, h, j) < threshold || deadOut(j));
      if (dead.length === 0) continue;
      if (dead.length === units.length && units.length === 1) continue; // the last unit of a layer stays
      let victim = dead[0];
      if (dead.length === units.length) {
        // keep the strongest unit: remove any other dead one
        let best = 0;
        for (let u = 1; u < units.length; u++) if (strength(p, h, units[u]) > strength(p, h, units[best])) best = u;
        victim = units[best === 0 ? 1 : 0];
      }
      units.splice(units.indexOf(victim), 1);
      removing?.(h, victim, !deadOut(victim));
      removed[h - 1].push(victim);
      changed = true;
    }
  }
  removed.forEach((r) => r.sort((a, b) => a - b));
  return removed;
}

const allUnits = (sizes: readonly number[]) => sizes.map((n) => Array.from({ length: n }, (_, u) => u));

/**
 * The hidden units `prune` removes from a network with these layer sizes and weights
 * (weights[l][i · sizes[l + 1] + k] is w(i → k) of layer l), without building any network:
 * removed[h] for hidden layer h + 1. For a figure that only shows which units are switched off.
 */
export function prunedUnits(sizes: readonly number[], weights: readonly ArrayLike<number>[], threshold = NEAR_ZERO): number[][] {
  checkNonNegative('threshold', threshold);
  sizes.forEach((n, l) => checkInteger(`sizes[${l}]`, n, 1));
  if (weights.length !== sizes.length - 1) throw new Error(`weights must hold one matrix per layer: ${sizes.length - 1} for sizes [${sizes.join(', ')}] (got ${weights.length})`);
  weights.forEach((w, l) => checkLength(`weights[${l}]`, w, sizes[l] * sizes[l + 1]));
  return removeDead({ layers: weights.map((w, l) => ({ weights: w, fanOut: sizes[l + 1] })), alive: allUnits(sizes) }, threshold);
}

/** Output of unit j of layer L for a constant pre-activation (evaluation mode). */
function constantOutput(L: Layer, j: number, z: number): number {
  const act = L.activation;
  return act.name === 'prelu' ? (act as PReluActivation).outputAt(z, L.slopes[j]) : act.output(z);
}

/** The network of the units still there, their weights, slopes and (folded) biases copied. */
function survivors(layers: readonly Layer[], alive: readonly number[][], biases: readonly Float64Array[]): Network {
  const out = new Network(
    alive.map((units) => units.length),
    layers.map((L) => L.activation),
  );
  layers.forEach((L, l) => {
    const O = out.layers[l];
    const rows = alive[l];
    const cols = alive[l + 1];
    rows.forEach((i, r) => cols.forEach((k, c) => (O.weights[r * O.fanOut + c] = L.weights[i * L.fanOut + k])));
    cols.forEach((k, c) => {
      O.biases[c] = biases[l][k];
      if (O.slopes.length) O.slopes[c] = L.slopes[k];
    });
  });
  return out;
}

export function prune(net: Network, threshold = NEAR_ZERO): PruneResult {
  checkNonNegative('threshold', threshold);
  const alive = allUnits(net.sizes);
  // biases[l]: layer l's biases, with the constants of removed units folded in
  const biases = net.layers.map((L) => L.biases.slice());
  const removed = removeDead({ layers: net.layers, alive }, threshold, (h, j, fold) => {
    if (!fold) return;
    // a unit dead by its incoming weights only puts out the constant f(bias): the next layer's biases take it
    const c = constantOutput(net.layers[h - 1], j, biases[h - 1][j]);
    const next = net.layers[h];
    for (const k of alive[h + 1]) biases[h][k] += c * next.weights[j * next.fanOut + k];
  });
  const network = survivors(net.layers, alive, biases);
  const sizes = [...network.sizes];
  return { network, sizes, removed, notation: shapesNotation(sizes) };
}
