/**
 * The benchmark's peers (bench/unrolled.ts, bench/playground.ts) must do the
 * library's arithmetic exactly, or its speed ratios compare different work: from
 * the same start and the same example order, all three end with the same weights
 * bit for bit, with and without a penalty.
 */
import { describe, expect, it } from 'vitest';
import { shuffled } from '../bench/order';
import { createUnrolled, unrolledStep } from '../bench/unrolled';
import { backProp, buildNetwork, forwardProp, updateWeights, weightsOf } from '../bench/playground';
import { experimentData } from '../src/experiment';
import { SOURCE_SIZES } from '../src/protocol';
import { createNetwork } from '../src/network';
import { regularizer } from '../src/regularizers';
import { createRng } from '../src/rng';
import { train } from '../src/train';

const data = experimentData({ seed: 1 });
const xs = data.train.map((i) => data.x[i]);
const ys = data.train.map((i) => data.y[i]);
const EPOCHS = 10;
const LR = 0.01;
const LAMBDA = 0.3;

describe('benchmark peers', () => {
  for (const method of ['none', 'l1', 'l2'] as const) {
    it(`end with the library's weights bit for bit (${method})`, () => {
      const initial = createNetwork({ sizes: SOURCE_SIZES, rng: createRng(7) });
      const [a, b] = method === 'l1' ? [LAMBDA, 0] : method === 'l2' ? [0, LAMBDA] : [0, 0];

      const lib = initial.clone();
      const result = train(lib, { inputs: xs, targets: ys }, { epochs: EPOCHS, rng: createRng(3), penalty: regularizer(method, LAMBDA), optimizer: { lr: LR } });
      expect(result.status).toBe('ok');

      const unrolled = createUnrolled(initial.layers.flatMap((L) => [L.weights, L.biases]));
      const playground = buildNetwork([...SOURCE_SIZES], initial.layers.map((L) => L.weights));
      const rng = createRng(3);
      for (let e = 0; e < EPOCHS; e++) {
        for (const r of shuffled(rng, new Int32Array(xs.length))) {
          unrolledStep(unrolled, xs[r], ys[r], LR, a, b);
          forwardProp(playground, [xs[r]]);
          backProp(playground, ys[r]);
          updateWeights(playground, LR, a, b);
        }
      }

      const libWeights = lib.layers.map((L) => [...L.weights]);
      expect([unrolled.w1, unrolled.w2, unrolled.w3, unrolled.w4].map((w) => [...w])).toEqual(libWeights);
      expect([unrolled.b1, unrolled.b2, unrolled.b3, unrolled.b4].map((v) => [...v])).toEqual(lib.layers.map((L) => [...L.biases]));
      expect(weightsOf(playground)).toEqual(libWeights);
      // and training moved the weights (the comparison is not between untouched copies)
      expect(libWeights).not.toEqual(initial.layers.map((L) => [...L.weights]));
    });
  }
});
