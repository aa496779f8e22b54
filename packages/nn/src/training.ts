/**
 * What a training run is asked (its dataset and options: order of the examples, arithmetic, loss,
 * penalty, optimizer, snapshots, callbacks) and what it gives back (epoch records, snapshots, how
 * it ended). The loop itself is in train.ts.
 */
import { checkInteger, fail } from './check';
import type { Loss, LossName } from './losses';
import type { Sgd, SgdOptions } from './optim';
import type { Regularizer, RegularizerSpec } from './regularizers';
import type { Rng } from './rng';

/** Inputs and targets, one entry per example; a plain number stands for a 1-element vector. */
export interface Dataset {
  readonly inputs: readonly (number | ArrayLike<number>)[];
  readonly targets: readonly (number | ArrayLike<number>)[];
}

export interface EpochRecord {
  /** 0-based epoch index. */
  readonly epoch: number;
  /** Mean over the epoch's steps of the batch data loss. */
  readonly dataLoss: number;
  /** Mean over the epoch's steps of the weight penalty. */
  readonly penalty: number;
  /** dataLoss + penalty. */
  readonly loss: number;
}

export interface StepInfo {
  /** Steps completed so far, this one included. */
  step: number;
  /** 0-based epoch index. */
  epoch: number;
  /** Index in the dataset of the step's example (of the first example of its batch). */
  example: number;
  dataLoss: number;
  penalty: number;
}

/**
 * Parameter snapshots taken during training, for animation. Snapshot i is
 * params[i·size … (i + 1)·size), in the flat `Snapshot` layout of network.ts;
 * `snapshotAt(snapshots, i)` returns it as a view.
 */
export interface Snapshots {
  /** Numbers per snapshot: the network's parameterCount(). */
  readonly size: number;
  /** steps[i]: steps completed when snapshot i was taken (0 = before training). */
  readonly steps: number[];
  /** epochs[i]: epochs completed when snapshot i was taken. */
  readonly epochs: number[];
  /** All snapshots, back to back (exactly steps.length · size numbers). */
  readonly params: Float64Array;
}

/** Snapshot i as a view into `snapshots.params` (no copy). */
export function snapshotAt(snapshots: Snapshots, i: number): Float64Array {
  checkInteger('i', i, 0);
  if (i >= snapshots.steps.length) fail('i', `an index below ${snapshots.steps.length}`, i);
  return snapshots.params.subarray(i * snapshots.size, (i + 1) * snapshots.size);
}

export type TrainStatus = 'ok' | 'diverged' | 'stopped';

export interface TrainResult {
  readonly status: TrainStatus;
  /** Epoch in which training ended early (0-based), or the number of epochs run when status is 'ok'. */
  readonly epoch: number;
  /** Steps completed. */
  readonly step: number;
  /** Why training stopped early, or null. */
  readonly reason: string | null;
  readonly history: EpochRecord[];
  readonly snapshots: Snapshots;
}

/** The order in which an epoch visits the examples (see the comment at the top of train.ts). */
export type ExampleOrder = 'epoch' | 'once' | 'fixed';
export const EXAMPLE_ORDERS: readonly ExampleOrder[] = ['epoch', 'once', 'fixed'];

/** Double precision, or float32 as the source's TensorFlow script computed. */
export type Arithmetic = 'float64' | 'float32';
export const ARITHMETICS: readonly Arithmetic[] = ['float64', 'float32'];

export interface TrainOptions {
  /** Number of passes over the data, an integer ≥ 0. */
  readonly epochs: number;
  /** Examples per step, an integer ≥ 1 (default 1). */
  readonly batchSize?: number;
  /** Reshuffled every epoch, shuffled once, or fixed (default 'epoch'; `shuffle: false` means 'fixed'). */
  readonly order?: ExampleOrder;
  /** Shuffle the order every epoch (default true); false is `order: 'fixed'`. Ignored when `order` is given. */
  readonly shuffle?: boolean;
  /** 'float64' (default) or 'float32' (batch size 1 only; no PReLU or RReLU layers). */
  readonly arithmetic?: Arithmetic;
  /** Data loss (default 'sumAbsolute', the source's cost). */
  readonly loss?: LossName | Loss;
  /** Weight penalty (default none). */
  readonly penalty?: Regularizer | RegularizerSpec;
  /** SGD optimizer or its options (default plain SGD with lr 0.01). */
  readonly optimizer?: Sgd | SgdOptions;
  /** Draws the shuffles and RReLU slopes. */
  readonly rng: Rng;
  /** Copy every parameter every this many steps (and once before training); 0 = never (default). */
  readonly snapshotEvery?: number;
  /** Called after every step; the info object is reused, copy what you keep. */
  readonly onStep?: (info: StepInfo) => void;
  /** Called after every epoch. */
  readonly onEpoch?: (record: EpochRecord) => void;
  /** Checked before every step; true stops training with status 'stopped'. */
  readonly shouldStop?: () => boolean;
  /** AbortSignal-like; `aborted` true stops training with status 'stopped'. */
  readonly signal?: { readonly aborted: boolean };
}
