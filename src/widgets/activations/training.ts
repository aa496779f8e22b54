/**
 * The small seeded training runs behind the "dead units" and "PReLU learns its slope"
 * figures. Everything numeric comes from @neural-notes/nn; this file only sets the runs up
 * (task, network, optimiser) and collects what the figures show. It runs in the worker in the
 * browser and in the .astro wrappers at build time, so the same seed gives the same numbers.
 */
import {
  Trainer, createNetwork, createRng, deadUnits, sineData,
  type ActivationSpec, type Network, type Rng, type TrainStatus,
} from '@neural-notes/nn';

/** The activations compared in the dead-units figure, with the parameters used there. */
export const DEAD_UNIT_ACTIVATIONS = ['relu', 'leakyRelu', 'prelu', 'elu'] as const;
export type DeadUnitActivation = (typeof DEAD_UNIT_ACTIVATIONS)[number];

const SPECS: Record<DeadUnitActivation, ActivationSpec> = {
  relu: { name: 'relu' },
  leakyRelu: { name: 'leakyRelu', slope: 0.01 },
  prelu: { name: 'prelu', initial: 0.25 },
  elu: { name: 'elu', alpha: 1 },
};

/** A unit counts as dead when f'(z) is below this on every training input: it gets (almost) no gradient. */
export const DEAD_THRESHOLD = 1e-3;

/** The toy task: x ~ U(−1, 1), target sin(3x), `n` examples from stream 1 of `seed` (nn's sineData). */
export function toyTask(seed: number, n = 64): { inputs: number[][]; targets: number[][] } {
  return sineData(createRng(seed, 1), { n, frequency: 3, xMin: -1, xMax: 1 });
}

export interface DeadUnitsInput {
  /** Learning rate of plain SGD. */
  lr: number;
  seed: number;
  epochs: number;
}

export interface DeadUnitsSeries {
  activation: DeadUnitActivation;
  /** dead[e]: dead hidden units after e epochs (dead[0] is before training). */
  dead: number[];
  /** Mean squared error on the task at the end (null if training diverged). */
  finalLoss: number | null;
  status: TrainStatus;
}

export interface DeadUnitsResult {
  input: DeadUnitsInput;
  /** Hidden units per network. */
  units: number;
  series: DeadUnitsSeries[];
}

/** Hidden layer sizes of the dead-units networks. */
export const DEAD_SIZES = [1, 24, 24, 1];

/** Mean squared error of `net` on a task (evaluation mode). */
function mse(net: Network, task: { inputs: number[][]; targets: number[][] }): number {
  let s = 0;
  task.inputs.forEach((x, i) => {
    const d = net.forward(x)[0] - task.targets[i][0];
    s += d * d;
  });
  return s / task.inputs.length;
}

/**
 * Trains one network per activation, all from the same initial weights, with plain SGD
 * (batch 1, squared error), and counts dead hidden units after every epoch.
 * `progress(done, total)` counts epochs over all four runs.
 */
export function runDeadUnits(input: DeadUnitsInput, progress?: (done: number, total: number, partial: DeadUnitsSeries[]) => void): DeadUnitsResult {
  const task = toyTask(input.seed);
  const total = input.epochs * DEAD_UNIT_ACTIVATIONS.length;
  const series: DeadUnitsSeries[] = [];
  DEAD_UNIT_ACTIVATIONS.forEach((name, k) => {
    const net = createNetwork({ sizes: DEAD_SIZES, activation: SPECS[name], init: 'heUniform', rng: createRng(input.seed, 2) });
    const dead = [deadUnits(net, task.inputs, DEAD_THRESHOLD)];
    const trainer = new Trainer(net, task, {
      epochs: input.epochs, loss: 'sumSquared', optimizer: { lr: input.lr }, rng: createRng(input.seed, 3),
      onEpoch: (rec) => {
        dead.push(deadUnits(net, task.inputs, DEAD_THRESHOLD));
        progress?.(k * input.epochs + rec.epoch + 1, total, [...series, { activation: name, dead: [...dead], finalLoss: null, status: 'ok' }]);
      },
    });
    trainer.run();
    const status = trainer.result().status;
    series.push({ activation: name, dead, finalLoss: status === 'diverged' ? null : mse(net, task), status });
  });
  return { input, units: DEAD_SIZES.slice(1, -1).reduce((a, b) => a + b, 0), series };
}

export interface PreluInput {
  /** Learning rate ε. */
  lr: number;
  /** Momentum μ. */
  momentum: number;
  seed: number;
  epochs: number;
}

export interface PreluResult {
  input: PreluInput;
  /** slopes[e][u]: slope a of hidden unit u after e epochs (e = 0 is the start, all 0.25). */
  slopes: number[][];
  /** units[u]: "layer.unit" label of hidden unit u (1-based). */
  units: string[];
  /** Mean squared error after each epoch (index 0: before training). */
  loss: number[];
  status: TrainStatus;
}

/** Layer sizes of the PReLU network. */
export const PRELU_SIZES = [1, 6, 6, 1];

function allSlopes(net: Network): number[] {
  return net.layers.flatMap((L) => Array.from(L.slopes));
}

/** Trains a small PReLU network with momentum SGD and records every unit's slope after each epoch. */
export function runPrelu(input: PreluInput, progress?: (done: number, total: number, partial: PreluResult) => void): PreluResult {
  const task = toyTask(input.seed);
  const net = createNetwork({ sizes: PRELU_SIZES, activation: { name: 'prelu', initial: 0.25 }, init: 'heUniform', rng: createRng(input.seed, 2) });
  const units = net.layers.flatMap((L, l) => Array.from(L.slopes, (_, j) => `${l + 1}.${j + 1}`));
  const slopes = [allSlopes(net)];
  const loss = [mse(net, task)];
  const rng: Rng = createRng(input.seed, 3);
  const snapshot = (status: TrainStatus): PreluResult => ({ input, slopes: slopes.map((s) => [...s]), units, loss: [...loss], status });
  const trainer = new Trainer(net, task, {
    epochs: input.epochs, loss: 'sumSquared', optimizer: { lr: input.lr, momentum: input.momentum }, rng,
    onEpoch: (rec) => {
      slopes.push(allSlopes(net));
      loss.push(mse(net, task));
      progress?.(rec.epoch + 1, input.epochs, snapshot('ok'));
    },
  });
  trainer.run();
  return snapshot(trainer.result().status);
}
