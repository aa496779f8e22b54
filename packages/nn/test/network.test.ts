import { describe, expect, it } from 'vitest';
import { createNetwork, Network, type ActivationLike } from '../src/network';
import { loss as toLoss, type LossName } from '../src/losses';
import { elasticNet, l1, l2, none, type Regularizer } from '../src/regularizers';
import { createRng, type Rng } from '../src/rng';
import { Sgd } from '../src/optim';
import { close } from './fd';

const ACTS: ActivationLike[] = [
  'linear', 'sigmoid', 'tanh', 'relu', { name: 'leakyRelu', slope: 0.1 }, { name: 'prelu', initial: 0.25 },
  { name: 'rrelu', lower: 3, upper: 8 }, { name: 'elu', alpha: 1 },
];

/** A random network: 1–4 layers of 1–5 units, random activations, random PReLU slopes and biases. */
function randomNetwork(rng: Rng): Network {
  const depth = 1 + rng.int(4);
  const sizes = Array.from({ length: depth + 1 }, () => 1 + rng.int(5));
  const net = createNetwork({ sizes, activations: sizes.slice(1).map(() => ACTS[rng.int(ACTS.length)]), rng });
  for (const L of net.layers) {
    for (let j = 0; j < L.fanOut; j++) L.biases[j] = rng.uniform(-0.5, 0.5);
    for (let j = 0; j < L.slopes.length; j++) L.slopes[j] = rng.uniform(0.05, 0.6);
  }
  return net;
}

/** Total cost E = Σ over examples of loss + penalty on weights (evaluation mode). */
function cost(net: Network, xs: number[][], ys: number[][], lossName: LossName, penalty: Regularizer): number {
  const L = toLoss(lossName);
  let e = 0;
  xs.forEach((x, r) => (e += L.value(net.forward(x), ys[r])));
  return e + net.layers.reduce((s, layer) => s + penalty.value(layer.weights), 0);
}

describe('Network', () => {
  it('stores weights row-major (fanIn, fanOut): W[i * fanOut + j] links input i to output j', () => {
    const net = createNetwork({ sizes: [2, 3], init: 'zeros' });
    net.layers[0].weights.set([1, 2, 3, 4, 5, 6]); // rows: input 0 → [1, 2, 3], input 1 → [4, 5, 6]
    net.layers[0].biases.set([0.5, 0, -0.5]);
    expect(Array.from(net.forward([10, 100]))).toEqual([410.5, 520, 629.5]);
    expect(net.parameterCount()).toBe(9);
  });

  it('whole-network gradients match central finite differences (random sizes, activations, losses, penalties)', () => {
    const rng = createRng(11);
    const penalties = [none(), l1(0.05), l2(0.2), elasticNet(0.1, 0.3)];
    let checked = 0;
    for (let trial = 0; trial < 40; trial++) {
      const net = randomNetwork(rng);
      const lossName: LossName = (['sumSquared', 'sumAbsolute', 'meanSquared', 'meanAbsolute'] as const)[trial % 4];
      const penalty = penalties[trial % penalties.length];
      const n = 1 + rng.int(3);
      const xs = Array.from({ length: n }, () => Array.from({ length: net.inputSize }, () => rng.uniform(-2, 2)));
      const ys = Array.from({ length: n }, () => Array.from({ length: net.outputSize }, () => rng.uniform(-2, 2)));
      const grads = net.createGradients();
      const L = toLoss(lossName);
      xs.forEach((x, r) => net.backward(L.grad(net.forward(x), ys[r]), grads));
      net.layers.forEach((layer, l) => penalty.addGrad(layer.weights, grads.weights[l]));
      const h = 1e-6;
      for (const [l, layer] of net.layers.entries()) {
        for (const [key, arr] of [['weights', layer.weights], ['biases', layer.biases], ['slopes', layer.slopes]] as const) {
          for (let k = 0; k < arr.length; k++) {
            if (key === 'weights' && Math.abs(arr[k]) < 1e-4 && penalty.l1 > 0) continue; // L1 kink
            const keep = arr[k];
            arr[k] = keep + h;
            const up = cost(net, xs, ys, lossName, penalty);
            arr[k] = keep - h;
            const down = cost(net, xs, ys, lossName, penalty);
            arr[k] = keep;
            const numeric = (up - down) / (2 * h);
            const analytic = grads[key][l][k];
            if (!close(analytic, numeric, 1e-4)) {
              throw new Error(`trial ${trial} layer ${l} ${key}[${k}]: analytic ${analytic}, numeric ${numeric} (${lossName}, ${penalty.name}, ${net.layers.map((x) => x.activation.name)})`);
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('input gradient matches central finite differences', () => {
    const rng = createRng(4);
    for (let trial = 0; trial < 20; trial++) {
      const net = randomNetwork(rng);
      const x = Array.from({ length: net.inputSize }, () => rng.uniform(-2, 2));
      const y = Array.from({ length: net.outputSize }, () => rng.uniform(-2, 2));
      const L = toLoss('sumSquared');
      const gx = net.backward(L.grad(net.forward(x), y), net.createGradients());
      for (let i = 0; i < x.length; i++) {
        const f = (v: number): number => L.value(net.forward(x.map((t, k) => (k === i ? v : t))), y);
        const numeric = (f(x[i] + 1e-6) - f(x[i] - 1e-6)) / 2e-6;
        expect(close(gx[i], numeric, 1e-4)).toBe(true);
      }
    }
  });

  it('RReLU in training mode: gradients use the drawn slopes (finite differences with the same draws)', () => {
    const rng = createRng(8);
    const net = createNetwork({ sizes: [3, 4, 2], activations: [{ name: 'rrelu', lower: 3, upper: 8 }, 'linear'], rng });
    net.layers[0].biases.set([-0.5, 0.3, -0.2, 0.1]);
    const x = [0.7, -1.1, 0.4];
    const y = [0.2, -0.3];
    const state = rng.state();
    const L = toLoss('sumSquared');
    const f = (): number => L.value(net.forward(x, { training: true, rng: createRng(state) }), y);
    const grads = net.createGradients();
    net.backward(L.grad(net.forward(x, { training: true, rng: createRng(state) }), y), grads);
    const W = net.layers[0].weights;
    for (let k = 0; k < W.length; k++) {
      const keep = W[k];
      W[k] = keep + 1e-6;
      const up = f();
      W[k] = keep - 1e-6;
      const down = f();
      W[k] = keep;
      expect(close(grads.weights[0][k], (up - down) / 2e-6, 1e-5)).toBe(true);
    }
    // evaluation mode afterwards uses 2/(l + u) again
    const evalOut = net.forward(x);
    const manual = createNetwork({ sizes: [3, 4, 2], activations: [{ name: 'leakyRelu', slope: 2 / 11 }, 'linear'], init: 'zeros' });
    manual.restore(net.snapshot());
    expect(Array.from(evalOut)).toEqual(Array.from(manual.forward(x)));
  });

  it('the fused batch-1 update equals backward + Sgd.step bit for bit', () => {
    const rng = createRng(21);
    for (const [t, penalty] of [none(), l1(0.3), l2(0.3), elasticNet(0.3, 0.5)].entries()) {
      for (const momentum of [0, 0.9]) {
        const a = randomNetwork(rng);
        const b = a.clone();
        const optA = new Sgd({ lr: 0.05, momentum });
        const optB = new Sgd({ lr: 0.05, momentum });
        const L = toLoss(t % 2 ? 'sumAbsolute' : 'sumSquared');
        for (let step = 0; step < 5; step++) {
          const x = Array.from({ length: a.inputSize }, () => rng.uniform(-1, 1));
          const y = Array.from({ length: a.outputSize }, () => rng.uniform(-1, 1));
          const grads = a.createGradients();
          a.backward(L.grad(a.forward(x), y), grads);
          const penA = optA.step(a, grads, penalty);
          const penB = optB.stepFused(b, L.grad(b.forward(x), y), penalty);
          expect(penB).toBeCloseTo(penA, 12);
        }
        expect(b.toJSON()).toEqual(a.toJSON());
      }
    }
  });

  it('clone, snapshot/restore and toJSON/fromJSON round-trip exactly', () => {
    const rng = createRng(3);
    const net = randomNetwork(rng);
    const json = JSON.parse(JSON.stringify(net.toJSON()));
    const back = Network.fromJSON(json);
    expect(back.toJSON()).toEqual(net.toJSON());
    const x = Array.from({ length: net.inputSize }, () => rng.uniform(-1, 1));
    expect(Array.from(back.forward(x))).toEqual(Array.from(net.forward(x)));
    const copy = net.clone();
    const snap = net.snapshot();
    net.layers[0].weights[0] += 1;
    expect(copy.layers[0].weights[0]).toBe(snap[0]);
    expect(net.views(snap).map((v) => v.weights.length)).toEqual(net.layers.map((L) => L.weights.length));
    net.restore(snap);
    expect(net.toJSON()).toEqual(copy.toJSON());
    expect(net.parameterCount()).toBe(copy.parameterCount());
  });

  it('counts PReLU slopes as parameters', () => {
    const net = createNetwork({ sizes: [1, 10, 10, 10, 1], activation: 'prelu', init: 'zeros' });
    expect(net.parameterCount()).toBe(1 * 10 + 10 + 10 * 10 + 10 + 10 * 10 + 10 + 10 * 1 + 1 + 30);
    expect(Array.from(net.layers[0].slopes)).toEqual(Array(10).fill(0.25));
  });

  it('rejects bad shapes and inputs, naming them', () => {
    expect(() => createNetwork({ sizes: [1], rng: createRng(1) })).toThrow(/sizes must be an array of at least 2 layer sizes/);
    expect(() => createNetwork({ sizes: [1, 0, 1], rng: createRng(1) })).toThrow(/sizes\[1\] must be an integer ≥ 1 \(got 0\)/);
    expect(() => createNetwork({ sizes: [1, 2] })).toThrow(/rng is required/);
    expect(() => createNetwork({ sizes: [1, 2, 1], activation: 'nope' as never, init: 'zeros' })).toThrow(/activation must be one of/);
    const net = createNetwork({ sizes: [2, 1], init: 'zeros' });
    expect(() => net.forward([1])).toThrow('input must have length 2 (got length 1)');
    expect(() => net.forward([1, NaN])).toThrow('input[1] must be a finite number (got NaN)');
    expect(() => Network.fromJSON({ ...net.toJSON(), weights: [[1, Infinity]] })).toThrow(/json\.weights\[0\]\[1\] must be a finite number/);
    expect(() => net.restore(new Float64Array(5))).toThrow('snapshot must have length 3 (got length 5)');
  });
});
