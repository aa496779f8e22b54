/**
 * The toy task of the activation article's training figures (dead units, PReLU slopes): fit
 * sin(3x) on seeded points, with the error measured the same way for every run.
 */
import { createRng, sineData, type Network } from '@neural-notes/nn';

/**
 * The toy task: x ~ U(−1, 1), target sin(3x), `n` examples from stream 1 of `seed` (nn's sineData);
 * or, given the reader's own points [x, y], those (in their order).
 */
export function toyTask(seed: number, n = 64, own?: readonly (readonly [number, number])[] | null): { inputs: number[][]; targets: number[][] } {
  if (own) return { inputs: own.map(([x]) => [x]), targets: own.map(([, y]) => [y]) };
  return sineData(createRng(seed, 1), { n, frequency: 3, xMin: -1, xMax: 1 });
}

/** The task's points [x, y] (what a reader's own data replaces). */
export function taskPoints(task: { inputs: number[][]; targets: number[][] }): [number, number][] {
  return task.inputs.map((x, i) => [x[0], task.targets[i][0]]);
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
