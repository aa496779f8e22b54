/**
 * One cold measurement, run by bench/run.ts in a fresh Node process per call:
 * the source's whole experiment (3 methods × 5 runs × 100 epochs × 40 samples)
 * as the first work of the process, in wall-clock milliseconds, done either by
 *
 *   library   runExperiment() from src/ (data, training, test error, fits)
 *   unrolled  the hand-unrolled step of bench/unrolled.ts over the same
 *             60 000 training steps (training only: the ceiling)
 *
 * Prints the time as JSON: {"ms": …}.
 */
import { createNetwork, createRng, experimentData, runExperiment, SOURCE_SIZES } from '../src/index';
import { shuffled } from './order';
import { createUnrolled, unrolledStep } from './unrolled';

const which = process.argv[2];
const METHODS = ['none', 'l1', 'l2'] as const;

function library(): void {
  for (const method of METHODS) runExperiment({ method, seed: 1 });
}

function unrolled(): void {
  const data = experimentData({ seed: 1 });
  const xs = data.train.map((i) => data.x[i]);
  const ys = data.train.map((i) => data.y[i]);
  const n = xs.length;
  const order = new Int32Array(n);
  for (const method of METHODS) {
    const a = method === 'l1' ? 0.3 : 0;
    const b = method === 'l2' ? 0.3 : 0;
    for (let r = 0; r < 5; r++) {
      const rng = createRng(1 + r);
      const init = createNetwork({ sizes: SOURCE_SIZES, rng });
      const net = createUnrolled(init.layers.flatMap((L) => [L.weights, L.biases]));
      for (let e = 0; e < 100; e++) {
        shuffled(rng, order);
        for (let k = 0; k < n; k++) unrolledStep(net, xs[order[k]], ys[order[k]], 0.01, a, b);
      }
    }
  }
}

if (which !== 'library' && which !== 'unrolled') throw new Error(`usage: cold.ts library|unrolled (got ${which})`);
const t = performance.now();
if (which === 'library') library();
else unrolled();
console.log(JSON.stringify({ ms: performance.now() - t }));
