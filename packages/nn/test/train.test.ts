import { describe, expect, it } from 'vitest';
import { allNumbers } from './numbers';
import { createNetwork, Network } from '../src/network';
import { loss as toLoss } from '../src/losses';
import { Sgd } from '../src/optim';
import { l1, l2 } from '../src/regularizers';
import { createRng } from '../src/rng';
import { train, Trainer } from '../src/train';
import { snapshotAt, type TrainOptions } from '../src/training';

const xs = Array.from({ length: 12 }, (_, i) => i / 4);
const data = { inputs: xs, targets: xs.map((x) => 2 * x + 1) };

function fresh(seed = 1, sizes = [1, 4, 4, 1], activation: 'linear' | 'tanh' | 'prelu' = 'linear'): Network {
  return createNetwork({ sizes, activation, rng: createRng(seed) });
}

describe('train', () => {
  it('is bit-identical for the same seed and differs for another seed', () => {
    const run = (seed: number) => {
      const net = fresh(seed);
      const result = train(net, data, { epochs: 5, rng: createRng(seed), penalty: l1(0.01) });
      return { weights: net.toJSON(), history: result.history };
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3).weights).not.toEqual(run(4).weights);
  });

  it('reduces the loss and reports data loss and penalty separately', () => {
    const net = fresh(2);
    const result = train(net, data, { epochs: 60, rng: createRng(2), penalty: l2(0.01), loss: 'sumSquared' });
    expect(result.status).toBe('ok');
    expect(result.history).toHaveLength(60);
    const first = result.history[0];
    const last = result.history[59];
    expect(last.dataLoss).toBeLessThan(first.dataLoss);
    for (const r of result.history) {
      expect(r.penalty).toBeGreaterThan(0);
      expect(r.loss).toBe(r.dataLoss + r.penalty);
    }
  });

  it('batch 1 equals a hand-written loop of forward, backward and Sgd.step', () => {
    const net = fresh(5, [1, 3, 3, 1], 'prelu');
    const copy = net.clone();
    const rng = createRng(9);
    train(net, data, { epochs: 3, rng, optimizer: { lr: 0.01, momentum: 0.5 }, penalty: l1(0.1) });
    // replay by hand with the same shuffles
    const replay = createRng(9);
    const opt = new Sgd({ lr: 0.01, momentum: 0.5 });
    const L = toLoss('sumAbsolute');
    for (let e = 0; e < 3; e++) {
      const order = Array.from({ length: xs.length }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = replay.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const r of order) {
        const grads = copy.createGradients();
        copy.backward(L.grad(copy.forward([data.inputs[r]]), [data.targets[r]]), grads);
        opt.step(copy, grads, l1(0.1));
      }
    }
    expect(net.toJSON()).toEqual(copy.toJSON());
  });

  it('the optimizer lends the velocity of the last step: Δθ = μ·Δθ_prev + ε·g, and θ moved by it', () => {
    const net = fresh(5, [1, 3, 3, 1], 'prelu');
    const opt = new Sgd({ lr: 0.002, momentum: 0.9 });
    expect(opt.currentVelocity()).toBeNull();
    let before = net.snapshot();
    let vBefore = new Float64Array(6);
    const checked: number[] = [];
    const trainer = new Trainer(net, data, {
      epochs: 2, rng: createRng(4), optimizer: opt, loss: 'sumSquared',
      onStep: ({ example }) => {
        const v = opt.currentVelocity()!;
        const slopesV = [...v.slopes[0], ...v.slopes[1]];
        // replay the step on a copy at the parameters before it: g = ∂E/∂a by the backward pass
        const copy = net.clone().restore(before);
        const grads = copy.createGradients();
        copy.backward(toLoss('sumSquared').grad(copy.forward([data.inputs[example]]), [data.targets[example]]), grads);
        const g = [...grads.slopes[0], ...grads.slopes[1]];
        const aBefore = [...copy.layers[0].slopes, ...copy.layers[1].slopes];
        const aAfter = [...net.layers[0].slopes, ...net.layers[1].slopes];
        for (let u = 0; u < 6; u++) {
          expect(slopesV[u]).toBe(0.9 * vBefore[u] + 0.002 * g[u]);
          expect(aAfter[u]).toBe(aBefore[u] - slopesV[u]);
        }
        checked.push(g.filter((x) => x !== 0).length);
        before = net.snapshot();
        vBefore = Float64Array.from(slopesV);
      },
    });
    trainer.run();
    expect(trainer.result()).toMatchObject({ status: 'ok', step: 24 });
    expect(checked).toHaveLength(24);
    expect(checked.some((n) => n > 0)).toBe(true); // some slopes had a gradient (inputs below 0)
  });

  it('supports larger batches, the mean losses and no shuffling', () => {
    const net = fresh(6);
    const result = train(net, data, { epochs: 30, batchSize: 5, loss: 'meanSquared', shuffle: false, rng: createRng(1), optimizer: { lr: 0.02 } });
    expect(result.status).toBe('ok');
    expect(result.step).toBe(30 * 3); // 12 examples in batches of 5, 5, 2
    expect(result.history[29].dataLoss).toBeLessThan(result.history[0].dataLoss);
  });

  it('takes snapshots every k steps (and one before training) and calls the callbacks', () => {
    const net = fresh(7);
    const steps: number[] = [];
    const epochs: number[] = [];
    const result = train(net, data, {
      epochs: 4, rng: createRng(1), snapshotEvery: 12,
      onStep: (info) => steps.push(info.step),
      onEpoch: (record) => epochs.push(record.epoch),
    });
    expect(result.snapshots.steps).toEqual([0, 12, 24, 36, 48]);
    expect(result.snapshots.epochs).toEqual([0, 1, 2, 3, 4]);
    expect(steps).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(epochs).toEqual([0, 1, 2, 3]);
    const last = snapshotAt(result.snapshots, 4);
    expect(Array.from(snapshotAt(result.snapshots, 0))).toEqual(Array.from(fresh(7).snapshot()));
    expect(() => snapshotAt(result.snapshots, 5)).toThrow('i must be an index below 5 (got 5)');
    expect(Array.from(net.views(last)[1].weights)).toEqual(Array.from(net.layers[1].weights));
    expect(Array.from(last)).toEqual(Array.from(net.snapshot()));
  });

  it('tells onStep which example each step visited: a permutation per epoch, in the order the step used it', () => {
    const visited = (order: 'epoch' | 'once' | 'fixed', batchSize = 1) => {
      const seen: number[] = [];
      const net = fresh(9);
      const copy = fresh(9);
      const opt = new Sgd({ lr: 0.01 });
      const loss = toLoss('sumAbsolute');
      let replayed = true;
      train(net, data, {
        epochs: 3, order, batchSize, rng: createRng(5), penalty: l1(0.1),
        onStep: (info) => {
          seen.push(info.example);
          if (batchSize > 1) return;
          // the example it names is the one the step trained on: the same step replayed on a copy gives the same weights
          const grads = copy.createGradients();
          const out = copy.forward([data.inputs[info.example]]);
          copy.backward(loss.grad(out, [data.targets[info.example]]), grads);
          opt.step(copy, grads, l1(0.1));
          replayed &&= allNumbers(copy.toJSON()).every((v, k) => v === allNumbers(net.toJSON())[k]);
        },
      });
      return { seen, replayed };
    };
    const perEpoch = (seen: number[], n: number) => [0, 1, 2].map((e) => seen.slice(e * n, (e + 1) * n));
    for (const order of ['epoch', 'once', 'fixed'] as const) {
      const { seen, replayed } = visited(order);
      expect(replayed).toBe(true);
      for (const epoch of perEpoch(seen, 12)) expect([...epoch].sort((a, b) => a - b)).toEqual(xs.map((_, i) => i));
      if (order === 'fixed') expect(seen).toEqual([0, 1, 2].flatMap(() => xs.map((_, i) => i)));
      if (order === 'once') expect(perEpoch(seen, 12)[2]).toEqual(perEpoch(seen, 12)[0]);
      if (order === 'epoch') expect(perEpoch(seen, 12)[1]).not.toEqual(perEpoch(seen, 12)[0]);
    }
    // batches of 5, 5, 2 of the fixed order: the first example of each
    expect(visited('fixed', 5).seen).toEqual([0, 5, 10, 0, 5, 10, 0, 5, 10]);
  });

  it('grows the snapshot store past its first allocation', () => {
    const result = train(fresh(8), data, { epochs: 20, rng: createRng(1), snapshotEvery: 1 });
    expect(result.snapshots.steps).toEqual(Array.from({ length: 241 }, (_, i) => i));
    expect(result.snapshots.params).toHaveLength(241 * result.snapshots.size);
    expect(result.snapshots.params.every(Number.isFinite)).toBe(true);
  });

  it('can be cancelled by shouldStop or an aborted signal', () => {
    let calls = 0;
    const r1 = train(fresh(), data, { epochs: 10, rng: createRng(1), shouldStop: () => ++calls > 30 });
    expect(r1).toMatchObject({ status: 'stopped', step: 30, epoch: 2, reason: 'cancelled' });
    const signal = { aborted: false };
    const r2 = train(fresh(), data, { epochs: 10, rng: createRng(1), signal, onStep: (s) => { if (s.step === 5) signal.aborted = true; } });
    expect(r2).toMatchObject({ status: 'stopped', step: 5 });
  });

  it('runs in slices (for a Worker) with the same result as one call', () => {
    const opts = (): TrainOptions => ({ epochs: 7, rng: createRng(4), penalty: l1(0.05) });
    const a = fresh(1);
    const whole = train(a, data, opts());
    const b = fresh(1);
    const trainer = new Trainer(b, data, opts());
    let slices = 0;
    while (trainer.run(5) === 'running') slices++;
    expect(slices).toBeGreaterThan(10);
    expect(trainer.result()).toEqual(whole);
    expect(b.toJSON()).toEqual(a.toJSON());
  });

  it('stops on divergence with a report and no NaN anywhere', () => {
    for (const options of [
      { optimizer: { lr: 10 } },
      { penalty: l2(1e4) },
      { loss: 'sumSquared' as const, optimizer: { lr: 1 } },
    ]) {
      const net = fresh(1, [1, 10, 10, 10, 1]);
      const result = train(net, { inputs: xs.map((x) => x * 4), targets: xs.map((x) => 8 * x) }, { epochs: 100, rng: createRng(1), ...options });
      expect(result.status).toBe('diverged');
      expect(result.reason).toMatch(/non-finite/);
      expect(result.epoch).toBeLessThan(100);
      expect(allNumbers(result).every(Number.isFinite)).toBe(true);
      expect(allNumbers(net.toJSON()).every(Number.isFinite)).toBe(true);
    }
  });

  it('on divergence puts back the start of the diverging epoch, whether or not a snapshot was taken there', () => {
    const diverging = { inputs: xs.map((x) => x * 4), targets: xs.map((x) => 8 * x) };
    const run = (snapshotEvery: number) => {
      const net = fresh(1, [1, 10, 10, 10, 1]);
      const result = train(net, diverging, { epochs: 100, rng: createRng(1), optimizer: { lr: 1 }, loss: 'sumSquared', snapshotEvery });
      return { net: net.toJSON(), result };
    };
    const plain = run(0);
    expect(plain.result.status).toBe('diverged');
    const perEpoch = run(xs.length); // a snapshot at every epoch start
    const offBeat = run(7); // snapshots that do not fall on epoch starts
    expect(perEpoch.net).toEqual(plain.net);
    expect(offBeat.net).toEqual(plain.net);
    const { snapshots } = perEpoch.result;
    const last = snapshots.steps.length - 1;
    expect(snapshots.epochs[last]).toBe(perEpoch.result.epoch);
    expect([...snapshotAt(snapshots, last)]).toEqual([...Network.fromJSON(plain.net).snapshot()]);
  });

  it('rejects bad input, naming the argument', () => {
    const net = fresh();
    const rng = createRng(1);
    expect(() => train(net, { inputs: [], targets: [] }, { epochs: 1, rng })).toThrow('data.inputs must be a non-empty array (got an array of length 0)');
    expect(() => train(net, { inputs: [1, 2], targets: [1] }, { epochs: 1, rng })).toThrow(/data\.targets must be an array of 2 targets/);
    expect(() => train(net, { inputs: [1, NaN], targets: [1, 2] }, { epochs: 1, rng })).toThrow('data.inputs[1] must be a finite number (got NaN)');
    expect(() => train(net, { inputs: [[1, 2]], targets: [1] }, { epochs: 1, rng })).toThrow(/data\.inputs\[0\] must be an array of length 1/);
    expect(() => train(net, data, { epochs: -1, rng })).toThrow('epochs must be an integer ≥ 0 (got -1)');
    expect(() => train(net, data, { epochs: 1, batchSize: 0, rng })).toThrow('batchSize must be an integer ≥ 1 (got 0)');
    expect(() => train(net, data, { epochs: 1, rng, optimizer: { lr: -0.1 } })).toThrow('lr must be a finite number ≥ 0 (got -0.1)');
    expect(() => train(net, data, { epochs: 1, rng, optimizer: { lr: NaN } })).toThrow('lr must be a finite number ≥ 0 (got NaN)');
    expect(() => train(net, data, { epochs: 1, rng, optimizer: { lr: 0.1, momentum: 1 } })).toThrow('momentum must be a number in [0, 1) (got 1)');
    expect(() => train(net, data, { epochs: 1, rng: undefined as never })).toThrow(/rng must be an Rng/);
  });
});
