/**
 * The experiment's protocol choices: the order of the training rows, the split, one dataset or one
 * per run, and float32 arithmetic; and that the defaults are the numbers they always were.
 */
import { describe, expect, it } from 'vitest';
import { evenSplitIndices } from '../src/data';
import { experimentData, predict, runExperiment } from '../src/experiment';
import { EXPERIMENT_DEFAULTS, EXPERIMENT_PRESETS } from '../src/protocol';
import { loss as toLoss } from '../src/losses';
import { createNetwork, Network } from '../src/network';
import { Sgd } from '../src/optim';
import { l1, l2 } from '../src/regularizers';
import { createRng } from '../src/rng';
import { percentileRank } from '../src/stats';
import { train } from '../src/train';
import type { ExampleOrder } from '../src/training';

const xs = Array.from({ length: 9 }, (_, i) => i / 3);
const data = { inputs: xs, targets: xs.map((x) => 2 * x + 1 + (x > 2 ? 1 : 0)) };
const isFloat32 = (v: number) => Math.fround(v) === v;

/** Trains a copy of `net` by hand: forward, backward and Sgd.step over the given order of each epoch. */
function replay(net: Network, orders: number[][]): Network {
  const copy = net.clone();
  const opt = new Sgd({ lr: 0.01 });
  const L = toLoss('sumAbsolute');
  for (const order of orders) {
    for (const r of order) {
      const grads = copy.createGradients();
      copy.backward(L.grad(copy.forward([data.inputs[r]]), [data.targets[r]]), grads);
      opt.step(copy, grads, l1(0.05));
    }
  }
  return copy;
}

/** The Fisher–Yates shuffle of the identity that train() draws. */
function shuffled(n: number, rng: ReturnType<typeof createRng>): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

describe('order of the training rows', () => {
  const start = createNetwork({ sizes: [1, 3, 2, 1], rng: createRng(4) });
  const trained = (order: ExampleOrder | undefined, extra: { shuffle?: boolean } = {}) => {
    const net = start.clone();
    const rng = createRng(11);
    train(net, data, { epochs: 3, rng, penalty: l1(0.05), order, ...extra });
    return { net: net.toJSON(), rngAfter: rng.next() };
  };

  it("'fixed' visits the rows as listed, every epoch, and draws nothing", () => {
    const identity = Array.from({ length: xs.length }, (_, i) => i);
    const got = trained('fixed');
    expect(got.net).toEqual(replay(start, [identity, identity, identity]).toJSON());
    expect(got.rngAfter).toBe(createRng(11).next());
    expect(trained(undefined, { shuffle: false })).toEqual(got);
  });

  it("'once' shuffles before the first epoch and keeps that order", () => {
    const order = shuffled(xs.length, createRng(11));
    expect(trained('once').net).toEqual(replay(start, [order, order, order]).toJSON());
  });

  it("'epoch' (the default) reshuffles every epoch, as train always did", () => {
    const rng = createRng(11);
    const orders = [0, 1, 2].map(() => shuffled(xs.length, rng));
    expect(trained('epoch').net).toEqual(replay(start, orders).toJSON());
    expect(trained(undefined)).toEqual(trained('epoch'));
  });

  it("'once' and 'epoch' see the same first epoch", () => {
    const one = (order: ExampleOrder) => {
      const net = start.clone();
      train(net, data, { epochs: 1, rng: createRng(11), order });
      return net.toJSON();
    };
    expect(one('once')).toEqual(one('epoch'));
    expect(() => train(start.clone(), data, { epochs: 1, rng: createRng(1), order: 'sorted' as never })).toThrow(/order must be one of 'epoch', 'once', 'fixed'/);
  });
});

describe('float32 arithmetic', () => {
  it('keeps every parameter a float32 value and stays within float32 rounding of float64 for a few steps', () => {
    const a = createNetwork({ sizes: [1, 4, 4, 1], rng: createRng(2) });
    const b = a.clone();
    train(a, data, { epochs: 1, rng: createRng(3), penalty: l2(0.3), arithmetic: 'float32' });
    train(b, data, { epochs: 1, rng: createRng(3), penalty: l2(0.3) });
    const wa = a.toJSON().weights.flat();
    const wb = b.toJSON().weights.flat();
    expect(wa.every(isFloat32)).toBe(true);
    expect(a.toJSON().biases.flat().every(isFloat32)).toBe(true);
    expect(wa).not.toEqual(wb);
    wa.forEach((w, k) => expect(Math.abs(w - wb[k])).toBeLessThan(1e-5 * Math.max(1, Math.abs(wb[k]))));
  });

  it('one step of a 1-1-1 network is the float32 arithmetic written out', () => {
    const net = new Network([1, 1, 1], ['linear', 'linear']);
    net.layers[0].weights[0] = 0.7;
    net.layers[1].weights[0] = -1.3;
    const f = Math.fround;
    const [w1, w2, x, y, lr, lam] = [0.7, -1.3, 0.1, 0.9, 0.01, 0.3].map(f);
    const h = f(f(0 + f(x * w1)) + 0);
    const p = f(f(0 + f(h * w2)) + 0);
    const g = Math.sign(f(p - y)); // ∂|p − y|/∂p
    const gh = f(0 + f(w2 * g));
    const w2New = f(w2 - f(lr * f(f(h * g) + f(0 + f(lam * w2)))));
    const w1New = f(w1 - f(lr * f(f(x * gh) + f(0 + f(lam * w1)))));
    const result = train(net, { inputs: [0.1], targets: [0.9] }, { epochs: 1, rng: createRng(1), penalty: l2(0.3), arithmetic: 'float32' });
    expect([net.layers[0].weights[0], net.layers[1].weights[0]]).toEqual([w1New, w2New]);
    expect([net.layers[0].biases[0], net.layers[1].biases[0]]).toEqual([f(0 - f(lr * gh)), f(0 - f(lr * g))]);
    expect(result.history[0].dataLoss).toBe(f(Math.abs(f(p - y))));
    expect(result.history[0].penalty).toBe(f(f(lam * f(f(w1 * w1) / 2)) + f(lam * f(f(w2 * w2) / 2))));
  });

  it('predicts in float32 from float32 inputs', () => {
    const net = new Network([1, 1], ['linear']);
    net.layers[0].weights[0] = Math.fround(0.3);
    expect(predict(net, 0.1, 'float32')).toBe(Math.fround(Math.fround(0.1) * Math.fround(0.3)));
    expect(predict(net, 0.1)).toBe(0.1 * Math.fround(0.3));
  });

  it('refuses what it does not compute: batches larger than 1, PReLU and RReLU', () => {
    const net = createNetwork({ sizes: [1, 2, 1], rng: createRng(1) });
    expect(() => train(net, data, { epochs: 1, rng: createRng(1), batchSize: 2, arithmetic: 'float32' })).toThrow("batchSize must be 1 when arithmetic is 'float32' (got 2)");
    const p = createNetwork({ sizes: [1, 2, 1], activation: 'prelu', rng: createRng(1) });
    expect(() => train(p, data, { epochs: 1, rng: createRng(1), arithmetic: 'float32' })).toThrow(/arithmetic must be 'float64' for a network with prelu layers/);
    expect(() => train(net, data, { epochs: 1, rng: createRng(1), arithmetic: 'half' as never })).toThrow(/arithmetic must be one of 'float64', 'float32'/);
  });
});

describe('the split of the author’s helper', () => {
  it('sends every fifth point to test (4, 9, …, 49), the rest in order to training', () => {
    const s = evenSplitIndices(50);
    expect(s.test).toEqual([4, 9, 14, 19, 24, 29, 34, 39, 44, 49]);
    expect(s.train).toEqual(Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 5 !== 4));
    // the helper's formula i·n//cut + n//(2·cut) for another size: n = 7, cut = 5
    expect(evenSplitIndices(7)).toEqual({ train: [0, 1, 2, 4, 5], test: [3, 6] });
    expect(evenSplitIndices(3, 0.2)).toEqual({ train: [], test: [0, 1, 2] });
  });
});

describe('runExperiment protocol', () => {
  it('defaults to this library’s protocol, and its numbers are the ones it always gave', () => {
    const r = runExperiment({ method: 'none', seed: 1 });
    expect(r.protocol).toEqual(EXPERIMENT_PRESETS.default);
    expect(EXPERIMENT_PRESETS.default).toEqual({ order: EXPERIMENT_DEFAULTS.order, split: EXPERIMENT_DEFAULTS.split, dataset: EXPERIMENT_DEFAULTS.dataset, arithmetic: EXPERIMENT_DEFAULTS.arithmetic });
    // pinned before the protocol options existed (main a10cf1f): the default path is bit-identical
    expect(r.runs.map((x) => x.testError)).toEqual([40.50266178497051, 13.850033000848049, 18.482229055187098, 27.13618697423546, 52.81402922299293]);
    expect(runExperiment({ method: 'none', seed: 1, ...EXPERIMENT_PRESETS.default }).runs).toEqual(r.runs);
  });

  it("split 'even' keeps the dataset and changes only the split", () => {
    const even = experimentData({ seed: 3, split: 'even' });
    const random = experimentData({ seed: 3 });
    expect(even.test).toEqual([4, 9, 14, 19, 24, 29, 34, 39, 44, 49]);
    expect(even.y).toEqual(random.y);
  });

  it("data 'fresh' draws run r's dataset from seed + r (run 0's is the shared one), and a run still reruns alone", () => {
    const fresh = runExperiment({ method: 'l1', seed: 5, runs: 3, epochs: 2, dataset: 'fresh' });
    expect(fresh.runs.map((r) => r.dataSeed)).toEqual([5, 6, 7]);
    expect(fresh.data).toEqual(experimentData({ seed: 5 }));
    const shared = runExperiment({ method: 'l1', seed: 5, runs: 3, epochs: 2 });
    expect(shared.runs.map((r) => r.dataSeed)).toEqual([5, 5, 5]);
    expect(fresh.runs[0].testError).toBe(shared.runs[0].testError);
    expect(fresh.runs[1].testError).not.toBe(shared.runs[1].testError);
    expect(runExperiment({ method: 'l1', seed: 5, firstRun: 2, runs: 1, epochs: 2, dataset: 'fresh' }).runs[0]).toEqual(fresh.runs[2]);
  });

  it("order 'fixed' with one start gives every run the same numbers; 'once' does not", () => {
    const start = createNetwork({ sizes: [1, 10, 10, 10, 1], rng: createRng(9) }).toJSON();
    const fixed = runExperiment({ method: 'l2', runs: 3, epochs: 5, initialNetwork: start, order: 'fixed' });
    expect(new Set(fixed.runs.map((r) => r.testError)).size).toBe(1);
    const once = runExperiment({ method: 'l2', runs: 3, epochs: 5, initialNetwork: start, order: 'once' });
    expect(new Set(once.runs.map((r) => r.testError)).size).toBe(3);
  });

  it('the published preset computes in float32 and pairs the penalties run by run', () => {
    const opts = { ...EXPERIMENT_PRESETS.published, runs: 2, epochs: 3 };
    const a = runExperiment({ ...opts, method: 'l1' });
    const b = runExperiment({ ...opts, method: 'l2', epochs: 0 });
    const c = runExperiment({ ...opts, method: 'none', epochs: 0 });
    expect(a.protocol).toEqual({ order: 'once', split: 'even', dataset: 'shared', arithmetic: 'float32' });
    expect(a.runs.every((r) => r.network.weights.flat().every(isFloat32))).toBe(true);
    expect(b.runs.map((r) => r.network)).toEqual(c.runs.map((r) => r.network)); // same float32 start per run
    expect(runExperiment({ ...opts, method: 'l1' })).toEqual(a);
  });

  it('rejects unknown protocol choices, naming them', () => {
    expect(() => runExperiment({ order: 'random' as never })).toThrow(/order must be one of 'epoch', 'once', 'fixed'/);
    expect(() => runExperiment({ split: 'odd' as never })).toThrow(/split must be one of 'random', 'even'/);
    expect(() => runExperiment({ dataset: 'new' as never })).toThrow(/dataset must be one of 'shared', 'fresh'/);
    expect(() => runExperiment({ arithmetic: 'float16' as never })).toThrow(/arithmetic must be one of 'float64', 'float32'/);
  });
});

describe('percentileRank', () => {
  it('is the share below, ties counting half', () => {
    expect(percentileRank([1, 2, 3, 4], 2.5)).toBe(50);
    expect(percentileRank([1, 2, 3, 4], 0)).toBe(0);
    expect(percentileRank([1, 2, 3, 4], 9)).toBe(100);
    expect(percentileRank([1, 2, 3, 4], 2)).toBe(37.5);
    expect(percentileRank([], 1)).toBeNaN();
  });
});
