/**
 * Parity with a reference computation of the source's network (scripts/parity/): for fixed
 * weights, data and order, one SGD step (the cost, every gradient, the parameters after it) with
 * no penalty, L1 and L2, and the parameters after 100 epochs in one fixed order, in float64 and in
 * float32. The fixtures say what produced them; a framework's (PyTorch) fixture is compared too
 * when it is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loss as toLoss } from '../src/losses';
import { Network } from '../src/network';
import { regularizer } from '../src/regularizers';
import { createRng } from '../src/rng';
import { backwardUpdate32, forwardPass32, outputLoss32 } from '../src/single';
import { train } from '../src/train';

const dir = fileURLToPath(new URL('../../../tests/fixtures/parity/', import.meta.url));
const read = (name: string) => JSON.parse(readFileSync(dir + name, 'utf8'));

interface Inputs {
  sizes: number[];
  lambda: number;
  lr: number;
  epochs: number;
  weights: number[][];
  biases: number[][];
  x: number[];
  y: number[];
  stepRow: number;
}
interface Step {
  loss: number;
  dataLoss: number;
  penalty: number;
  gradWeights: number[][];
  gradBiases: number[][];
  weights: number[][];
  biases: number[][];
}
type Precision = { step: Record<Method, Step>; epochs: Record<Method, { weights: number[][]; biases: number[][] }> };
interface Fixture {
  producer: string;
  framework: boolean;
  /** Significant digits the float64 results are printed to (step, epochs); float32 results are printed whole. */
  digits: { float64: { step: number; epochs: number }; float32: null };
  float64: Precision;
  float32: Precision;
}
type Method = 'none' | 'l1' | 'l2';
const METHODS: Method[] = ['none', 'l1', 'l2'];

const inputs = read('inputs.json') as Inputs;

function network(): Network {
  const net = new Network(inputs.sizes, inputs.sizes.slice(1).map(() => 'linear'));
  net.layers.forEach((L, l) => {
    L.weights.set(inputs.weights[l]);
    L.biases.set(inputs.biases[l]);
  });
  return net;
}

const params = (net: Network) => ({ weights: net.layers.map((L) => Array.from(L.weights)), biases: net.layers.map((L) => Array.from(L.biases)) });

/** A tolerance: |got − want| ≤ rel·|want| + abs. */
interface Tol {
  rel: number;
  abs: number;
}

/** Every entry of `got` within the tolerance of `want`; the message names the worst entry. */
function close(got: number[][], want: number[][], tol: Tol, what: string): void {
  expect(got.map((a) => a.length), what).toEqual(want.map((a) => a.length));
  let worst = 0;
  let at = '';
  got.forEach((a, l) =>
    a.forEach((v, k) => {
      const excess = Math.abs(v - want[l][k]) / (tol.rel * Math.abs(want[l][k]) + tol.abs || Number.MIN_VALUE);
      if (excess > worst) [worst, at] = [excess, `layer ${l}, entry ${k}: ${v} vs ${want[l][k]}`];
    }),
  );
  expect(worst, `${what}: worst ${at} (error / tolerance)`).toBeLessThanOrEqual(1);
}

const closeNumber = (got: number, want: number, tol: Tol, what: string) => close([[got]], [[want]], tol, what);

/** One step of the core in float64: the cost and its gradients from backward + the regularizer, the update from train(). */
function step64(method: Method) {
  const net = network();
  const penalty = regularizer(method, inputs.lambda);
  const L = toLoss('sumAbsolute');
  const [x, y] = [inputs.x[inputs.stepRow], inputs.y[inputs.stepRow]];
  const p = net.forward([x]);
  const grads = net.createGradients();
  net.backward(L.grad(p, [y]), grads);
  net.layers.forEach((layer, l) => penalty.addGrad(layer.weights, grads.weights[l]));
  const dataLoss = L.value(p, [y]);
  const pen = net.layers.reduce((s, layer) => s + penalty.value(layer.weights), 0);
  train(net, { inputs: [x], targets: [y] }, { epochs: 1, order: 'fixed', rng: createRng(1), penalty, optimizer: { lr: inputs.lr } });
  return { loss: dataLoss + pen, dataLoss, penalty: pen, gradWeights: grads.weights.map((g) => Array.from(g)), gradBiases: grads.biases.map((g) => Array.from(g)), ...params(net) };
}

/** One step of the core in float32 (single.ts), its gradients recorded on the way. */
function step32(method: Method) {
  const net = network();
  const penalty = regularizer(method, inputs.lambda);
  const f = Math.fround;
  const [x, y] = [inputs.x[inputs.stepRow], inputs.y[inputs.stepRow]];
  const out = forwardPass32(net.layers, net.work, [x], 0);
  const outGrad = new Float64Array(1);
  const dataLoss = outputLoss32(toLoss('sumAbsolute'), out, [f(y)], 0, 1, outGrad);
  const grads = net.createGradients();
  const velocity = net.createGradients();
  const pen = backwardUpdate32(net.layers, net.work, outGrad, inputs.lr, 0, penalty.l1, penalty.l2, velocity, new Float64Array(net.layers.length), grads);
  return { loss: f(dataLoss + pen), dataLoss, penalty: pen, gradWeights: grads.weights.map((g) => Array.from(g)), gradBiases: grads.biases.map((g) => Array.from(g)), ...params(net) };
}

function epochs(method: Method, arithmetic: 'float64' | 'float32') {
  const net = network();
  train(net, { inputs: inputs.x, targets: inputs.y }, {
    epochs: inputs.epochs, order: 'fixed', rng: createRng(1), penalty: regularizer(method, inputs.lambda), optimizer: { lr: inputs.lr }, arithmetic,
  });
  return params(net);
}

function compare(name: string, fixture: Fixture, tolerance: { step64: Tol; epochs64: Tol; step32: Tol; epochs32: Tol; epochs32L1?: Tol }) {
  describe(`parity with ${name}: ${fixture.producer}`, () => {
    const steps = [
      { arithmetic: 'float64', want: fixture.float64.step, got: step64, t: tolerance.step64 },
      { arithmetic: 'float32', want: fixture.float32.step, got: step32, t: tolerance.step32 },
    ] as const;
    for (const { arithmetic, want: wanted, got: run, t } of steps)
      it.each(METHODS)(`one SGD step in ${arithmetic}, %s: cost, every gradient, the parameters after`, (method) => {
        const want = wanted[method];
        const got = run(method);
        for (const k of ['loss', 'dataLoss', 'penalty'] as const) closeNumber(got[k], want[k], t, k);
        close(got.gradWeights, want.gradWeights, t, 'dC/dW');
        close(got.gradBiases, want.gradBiases, t, 'dC/db');
        close(got.weights, want.weights, t, 'weights after');
        close(got.biases, want.biases, t, 'biases after');
      });

    it.each(METHODS)('100 epochs in one fixed order, %s, float64 and float32', (method) => {
      const got64 = epochs(method, 'float64');
      close(got64.weights, fixture.float64.epochs[method].weights, tolerance.epochs64, 'float64 weights');
      close(got64.biases, fixture.float64.epochs[method].biases, tolerance.epochs64, 'float64 biases');
      const got32 = epochs(method, 'float32');
      const t32 = (method === 'l1' && tolerance.epochs32L1) || tolerance.epochs32;
      close(got32.weights, fixture.float32.epochs[method].weights, t32, 'float32 weights');
      close(got32.biases, fixture.float32.epochs[method].biases, t32, 'float32 biases');
    });
  });
}

/** One unit in the last of `digits` printed significant digits (values below 1e-3 counted as 1e-3). */
const printedDigits = (digits: number): Tol => ({ rel: 10 ** (1 - digits), abs: 10 ** (1 - digits) * 1e-3 });
const EXACT: Tol = { rel: 0, abs: 0 };

// NumPy, written from the maths (float32 sums in index order, as the core's float32 path): float32
// agrees to the last bit, float64 to the digits the fixture prints.
const numpy = read('numpy.json') as Fixture;
compare('NumPy', numpy, {
  step64: printedDigits(numpy.digits.float64.step),
  epochs64: printedDigits(numpy.digits.float64.epochs),
  step32: EXACT,
  epochs32: EXACT,
});

// A framework's run (scripts/parity/reference_torch.py; torch.json made with PyTorch 1.13, see its README):
// its matrix products sum in their own order, so float32 agrees to about 1e-6 after one step;
// after 100 epochs with L1 the weights switched off flip sign from step to step within a band of
// ±lr·λ = ±0.003, where a last-bit difference can leave them anywhere.
if (existsSync(dir + 'torch.json')) {
  compare('PyTorch', read('torch.json') as Fixture, {
    step64: { rel: 1e-12, abs: 1e-15 },
    epochs64: { rel: 1e-6, abs: 1e-9 },
    step32: { rel: 1e-6, abs: 1e-9 },
    epochs32: { rel: 1e-4, abs: 1e-6 },
    epochs32L1: { rel: 1e-3, abs: 0.006 },
  });
}
