/**
 * The PReLU-slopes figure's run: a small PReLU network trained with momentum SGD on the toy task,
 * every unit's slope recorded after each epoch.
 */
import { Trainer, createNetwork, createRng, type Network, type Rng, type TrainStatus } from '@neural-notes/nn';
import { mse, toyTask } from './task';

export interface PreluInput {
  /** Learning rate ε. */
  lr: number;
  /** Momentum μ. */
  momentum: number;
  seed: number;
  epochs: number;
  /** The reader's own points [x, y] to train on instead of sin(3x) (absent or null: the toy task). */
  ownData?: [number, number][] | null;
}

export interface PreluResult {
  input: PreluInput;
  /** slopes[e][u]: slope a of hidden unit u after e epochs (e = 0 is the start, all 0.25). */
  slopes: number[][];
  /** units[u]: "layer.unit" label of hidden unit u (1-based). */
  units: string[];
  /** Layer sizes of the network. */
  sizes: readonly number[];
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
  const task = toyTask(input.seed, 64, input.ownData);
  const net = createNetwork({ sizes: PRELU_SIZES, activation: { name: 'prelu', initial: 0.25 }, init: 'heUniform', rng: createRng(input.seed, 2) });
  const units = net.layers.flatMap((L, l) => Array.from(L.slopes, (_, j) => `${l + 1}.${j + 1}`));
  const slopes = [allSlopes(net)];
  const loss = [mse(net, task)];
  const rng: Rng = createRng(input.seed, 3);
  const snapshot = (status: TrainStatus): PreluResult => ({ input, slopes: slopes.map((s) => [...s]), units, sizes: PRELU_SIZES, loss: [...loss], status });
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
