/**
 * The toy task of the activation article's training figures (dead units, PReLU slopes): fit
 * sin(3x) on seeded points, with the error measured the same way for every run.
 */
import { createRng, sineData, type Network } from '@neural-notes/nn';

/** The toy task: x ~ U(−1, 1), target sin(3x), `n` examples from stream 1 of `seed` (nn's sineData). */
export function toyTask(seed: number, n = 64): { inputs: number[][]; targets: number[][] } {
  return sineData(createRng(seed, 1), { n, frequency: 3, xMin: -1, xMax: 1 });
}

/** Mean squared error of `net` on a task (evaluation mode). */
export function mse(net: Network, task: { inputs: number[][]; targets: number[][] }): number {
  let s = 0;
  task.inputs.forEach((x, i) => {
    const d = net.forward(x)[0] - task.targets[i][0];
    s += d * d;
  });
  return s / task.inputs.length;
}
