/**
 * The dead-units figure's runs: one small network per activation, all from the same initial
 * weights, trained with plain SGD; after every epoch the hidden units that no longer get a
 * gradient are counted. Runs in the worker in the browser and at build time, so the same seed
 * gives the same numbers.
 */
import { Trainer, createNetwork, createRng, deadUnits, type ActivationSpec, type TrainStatus } from '@neural-notes/nn';
import { mse, toyTask } from './task';

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

export interface DeadUnitsInput {
  /** Learning rate of plain SGD. */
  lr: number;
  seed: number;
  epochs: number;
  /** The reader's own points [x, y] to train on instead of sin(3x) (absent or null: the toy task). */
  ownData?: [number, number][] | null;
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
  /** Layer sizes of the networks. */
  sizes: readonly number[];
  series: DeadUnitsSeries[];
}

/** Hidden layer sizes of the dead-units networks. */
export const DEAD_SIZES = [1, 24, 24, 1];

/**
 * Trains one network per activation, all from the same initial weights, with plain SGD
 * (batch 1, squared error), and counts dead hidden units after every epoch.
 * `progress(done, total)` counts epochs over all four runs.
 */
export function runDeadUnits(input: DeadUnitsInput, progress?: (done: number, total: number, partial: DeadUnitsSeries[]) => void): DeadUnitsResult {
  const task = toyTask(input.seed, 64, input.ownData);
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
  return { input, units: DEAD_SIZES.slice(1, -1).reduce((a, b) => a + b, 0), sizes: DEAD_SIZES, series };
}
