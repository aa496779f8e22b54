import { describe, expect, it } from 'vitest';
import type { PReluActivation } from '../src/activations';
import { createNetwork, Network } from '../src/network';
import { prune, prunedUnits, shapesNotation } from '../src/prune';
import { createRng } from '../src/rng';

/**
 * Pruning as the rule says, literally: find the first dead unit (first layer first), build the
 * network without it (folding its constant output if only its incoming weights are dead), and
 * start again, until no unit is dead. Slow, and obviously right: `prune` must agree with it.
 */
function pruneByRebuilding(net: Network, threshold: number): { sizes: number[]; removed: number[][]; snapshot: number[]; folds: number; strongest: number } {
  let current = net.clone();
  const ids = net.sizes.map((n) => Array.from({ length: n }, (_, u) => u));
  const removed: number[][] = net.sizes.slice(1, -1).map(() => []);
  let folds = 0;
  let strongest = 0;
  const col = (L: Network['layers'][number], j: number) => Array.from({ length: L.fanIn }, (_, i) => L.weights[i * L.fanOut + j]);
  const row = (L: Network['layers'][number], j: number) => Array.from(L.weights.subarray(j * L.fanOut, (j + 1) * L.fanOut));
  const max = (v: number[]) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const sum = (v: number[]) => v.reduce((s, x) => s + Math.abs(x), 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (let h = 1; h < current.sizes.length - 1 && !changed; h++) {
      const [into, next] = [current.layers[h - 1], current.layers[h]];
      const units = current.sizes[h];
      const deadOut = (j: number) => max(row(next, j)) < threshold;
      const dead = Array.from({ length: units }, (_, j) => max(col(into, j)) < threshold || deadOut(j));
      if (!dead.includes(true) || (units === 1 && dead[0])) continue;
      let victim = dead.indexOf(true);
      if (dead.every(Boolean)) {
        const strength = (j: number) => sum(col(into, j)) * sum(row(next, j));
        let best = 0;
        for (let j = 1; j < units; j++) if (strength(j) > strength(best)) best = j;
        victim = best === 0 ? 1 : 0;
        strongest++;
      }
      const sizes = [...current.sizes];
      sizes[h] -= 1;
      const out = new Network(sizes, current.layers.map((L) => L.activation));
      current.layers.forEach((L, l) => {
        const O = out.layers[l];
        const rows = Array.from({ length: L.fanIn }, (_, i) => i).filter((i) => !(l === h && i === victim));
        const cols = Array.from({ length: L.fanOut }, (_, k) => k).filter((k) => !(l === h - 1 && k === victim));
        rows.forEach((i, r) => cols.forEach((k, c) => (O.weights[r * O.fanOut + c] = L.weights[i * L.fanOut + k])));
        cols.forEach((k, c) => {
          O.biases[c] = L.biases[k];
          if (O.slopes.length) O.slopes[c] = L.slopes[k];
        });
      });
      if (!deadOut(victim)) {
        folds++;
        const act = into.activation;
        const z = into.biases[victim];
        const c = act.name === 'prelu' ? (act as PReluActivation).outputAt(z, into.slopes[victim]) : act.output(z);
        const kept = next.fanOut;
        for (let k = 0; k < kept; k++) out.layers[h].biases[k] += c * next.weights[victim * next.fanOut + k];
      }
      current = out;
      removed[h - 1].push(ids[h][victim]);
      ids[h].splice(victim, 1);
      changed = true;
    }
  }
  removed.forEach((r) => r.sort((a, b) => a - b));
  return { sizes: [...current.sizes], removed, snapshot: Array.from(current.snapshot()), folds, strongest };
}

describe('prune', () => {
  it('writes weight shapes in the source notation', () => {
    expect(shapesNotation([1, 10, 10, 10, 1])).toBe('(1,10),(10,10),(10,10),(10,1)');
    expect(shapesNotation([1, 10, 10, 1, 1])).toBe('(1,10),(10,10),(10,1),(1,1)');
  });

  it('removes a unit with no outgoing weights and one with no incoming weights, keeping the function', () => {
    const rng = createRng(1);
    const net = createNetwork({ sizes: [2, 4, 3, 1], activation: 'tanh', rng });
    for (const L of net.layers) for (let j = 0; j < L.fanOut; j++) L.biases[j] = rng.uniform(-0.5, 0.5);
    // unit 1 of hidden layer 1: all outgoing weights zero
    for (let k = 0; k < 3; k++) net.layers[1].weights[1 * 3 + k] = 0;
    // unit 2 of hidden layer 2: all incoming weights zero (a constant tanh(bias) output)
    for (let i = 0; i < 4; i++) net.layers[1].weights[i * 3 + 2] = 0;
    const result = prune(net, 1e-9);
    expect(result.sizes).toEqual([2, 3, 2, 1]);
    expect(result.removed).toEqual([[1], [2]]);
    expect(result.notation).toBe('(2,3),(3,2),(2,1)');
    for (let t = 0; t < 20; t++) {
      const x = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
      expect(result.network.forward(x)[0]).toBeCloseTo(net.forward(x)[0], 12);
    }
  });

  it('expresses the source manual reduction and leaves a live network alone', () => {
    const live = createNetwork({ sizes: [1, 10, 10, 10, 1], rng: createRng(2) });
    expect(prune(live, 1e-6).sizes).toEqual([1, 10, 10, 10, 1]);
    // keep only unit 0 of the third hidden layer
    const net = live.clone();
    for (let j = 1; j < 10; j++) net.layers[3].weights[j] = 0;
    const result = prune(net, 1e-6);
    expect(result.notation).toBe('(1,10),(10,10),(10,1),(1,1)');
    expect(result.network.forward([3])[0]).toBeCloseTo(net.forward([3])[0], 12);
  });

  it('keeps one unit in a layer that is switched off entirely', () => {
    const net = createNetwork({ sizes: [1, 3, 1], rng: createRng(3) });
    net.layers[1].weights.fill(0);
    expect(prune(net).sizes).toEqual([1, 1, 1]);
    expect(prunedUnits([1, 3, 1], net.layers.map((L) => L.weights))).toEqual([[1, 2]]);
  });

  it('refuses a negative threshold, with or without a network', () => {
    const net = createNetwork({ sizes: [1, 2, 1], rng: createRng(4) });
    expect(() => prune(net, -1)).toThrow(/threshold/);
    expect(() => prunedUnits([1, 2, 1], net.layers.map((L) => L.weights), -1)).toThrow(/threshold/);
  });

  it('prunedUnits refuses weights that do not fit the sizes, naming what is wrong', () => {
    expect(() => prunedUnits([1, 2, 1], [[1, 1]])).toThrow('weights must hold one matrix per layer: 2 for sizes [1, 2, 1] (got 1)');
    expect(() => prunedUnits([1, 2, 1], [[1, 1], [1]])).toThrow('weights[1] must have length 2 (got length 1)');
    expect(() => prunedUnits([1, 0, 1], [[], []])).toThrow('sizes[1] must be an integer ≥ 1 (got 0)');
  });

  it('removes the same units, in the same order, with the same folded biases, as rebuilding the network after each removal', () => {
    const activations = ['tanh', 'sigmoid', 'relu', 'elu', { name: 'prelu', initial: 0.2 }] as const;
    let pruned = 0;
    let folds = 0;
    let strongest = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rng = createRng(seed);
      const sizes = [1 + (seed % 3), 2 + (seed % 5), 1 + ((seed * 7) % 6), 2 + ((seed * 3) % 4), 1 + (seed % 2)];
      const net = createNetwork({ sizes, activations: sizes.slice(1).map((_, l) => activations[(seed + l) % activations.length]), rng });
      // switch off weights at random: some units lose all their inputs, some all their outputs, some layers everything
      for (const L of net.layers) {
        const p = rng.uniform(0.2, 0.95);
        for (let k = 0; k < L.weights.length; k++) if (rng.uniform(0, 1) < p) L.weights[k] = rng.uniform(-1e-4, 1e-4);
        for (let j = 0; j < L.fanOut; j++) L.biases[j] = rng.uniform(-1, 1);
        for (let j = 0; j < L.slopes.length; j++) L.slopes[j] = rng.uniform(0, 0.5);
      }
      const { folds: f, strongest: s, ...expected } = pruneByRebuilding(net, 1e-3);
      const got = prune(net, 1e-3);
      expect({ sizes: got.sizes, removed: got.removed, snapshot: Array.from(got.network.snapshot()) }, `seed ${seed}`).toEqual(expected);
      // from the weights alone, as plain arrays, without a network
      expect(prunedUnits(sizes, net.layers.map((L) => Array.from(L.weights)), 1e-3), `seed ${seed}: prunedUnits`).toEqual(expected.removed);
      pruned += got.removed.flat().length;
      folds += f;
      strongest += s;
    }
    // the cases the rule distinguishes all occur, many times
    expect(pruned).toBeGreaterThan(100);
    expect(folds).toBeGreaterThan(20);
    expect(strongest).toBeGreaterThan(10);
  });
});
