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

/**
 * The network as pruning sees it part-way: the original layers (read only), which of their units
 * are still there, and the biases as folding has changed them. A unit is named by its index in
 * the original network, so no smaller network is built until the end.
 */
interface Pruning {
  readonly layers: readonly Layer[];
  /** alive[h]: original indices of the units still in layer h (0 = input), in order. */
  readonly alive: number[][];
  /** biases[l]: layer l's biases, with the constants of removed units folded in. */
  readonly biases: Float64Array[];
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

/** Output of unit j of layer L for a constant pre-activation (evaluation mode). */
function constantOutput(L: Layer, j: number, z: number): number {
  const act = L.activation;
  return act.name === 'prelu' ? (act as PReluActivation).outputAt(z, L.slopes[j]) : act.output(z);
}

/** Removes unit j of hidden layer h; folds its constant output into the next layer's biases if asked. */
function removeUnit(p: Pruning, h: number, j: number, fold: boolean): void {
  p.alive[h].splice(p.alive[h].indexOf(j), 1);
  if (!fold) return;
  const c = constantOutput(p.layers[h - 1], j, p.biases[h - 1][j]);
  const next = p.layers[h];
  for (const k of p.alive[h + 1]) p.biases[h][k] += c * next.weights[j * next.fanOut + k];
}

/** The network of the units still there, their weights, slopes and (folded) biases copied. */
function survivors(p: Pruning): Network {
  const out = new Network(
    p.alive.map((units) => units.length),
    p.layers.map((L) => L.activation),
  );
  p.layers.forEach((L, l) => {
    const O = out.layers[l];
    const rows = p.alive[l];
    const cols = p.alive[l + 1];
    rows.forEach((i, r) => cols.forEach((k, c) => (O.weights[r * O.fanOut + c] = L.weights[i * L.fanOut + k])));
    cols.forEach((k, c) => {
      O.biases[c] = p.biases[l][k];
      if (O.slopes.length) O.slopes[c] = L.slopes[k];
    });
  });
  return out;
}

export function prune(net: Network, threshold = NEAR_ZERO): PruneResult {
  checkNonNegative('threshold', threshold);
  const p: Pruning = {
    layers: net.layers,
    alive: net.sizes.map((n) => Array.from({ length: n }, (_, u) => u)),
    biases: net.layers.map((L) => L.biases.slice()),
  };
  const removed: number[][] = net.sizes.slice(1, -1).map(() => []);
  // One unit at a time, first layer first, and back to the first layer after each removal.
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
      removeUnit(p, h, victim, !deadOut(victim));
      removed[h - 1].push(victim);
      changed = true;
    }
  }
  removed.forEach((r) => r.sort((a, b) => a - b));
  const network = survivors(p);
  const sizes = [...network.sizes];
  return { network, sizes, removed, notation: shapesNotation(sizes) };
}
