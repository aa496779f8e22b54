/**
 * The source's L1-versus-L2 experiment as one function.
 *
 * Protocol (defaults): data from `lineData` (50 points, 10 outliers, noise), split
 * 40 train / 10 test; network 1-10-10-10-1, weights Glorot uniform, biases 0, no
 * activations; cost per step = |pred − y| + penalty on the weights (λ = 0.3);
 * plain SGD, lr 0.01, batch 1, 100 epochs. Score: total test error
 * Σ over the test points of |y − pred|.
 *
 * Seeds: the dataset and split come from `createRng(seed, 1)` (stream 1 of the
 * seed), shared by every run and method. Run r (0-based) draws its initial weights
 * and then its shuffles from `createRng(seed + r)`. So for one seed every method
 * sees the same data, the same initial weights and the same example order, and
 * `runExperiment({ ...options, firstRun: r, runs: 1 })` reproduces run r of a
 * larger call bit-exactly.
 */
import { checkInteger, checkNonNegative, checkOneOf, fail } from './check';
import { lineData, splitIndices, type LineData, type LineDataOptions } from './data';
import type { LossName } from './losses';
import { createNetwork, Network, type NetworkJSON } from './network';
import { regularizer, type RegularizerName, REGULARIZER_NAMES } from './regularizers';
import { createRng } from './rng';
import { countNearZero, mean, NEAR_ZERO, sd } from './stats';
import { train, type EpochRecord, type Snapshots, type TrainStatus } from './train';

export type Method = RegularizerName;
export const METHODS: readonly Method[] = REGULARIZER_NAMES;

/** The source network's layer sizes: weight shapes (1,10),(10,10),(10,10),(10,1). */
export const SOURCE_SIZES: readonly number[] = [1, 10, 10, 10, 1];

/**
 * The experiment's defaults: the source's protocol (λ, learning rate, runs, epochs, outliers) and
 * the elastic-net mix, stated once; `runExperiment`, the CLI's help and the site's figures read them.
 */
export const EXPERIMENT_DEFAULTS = {
  method: 'l1',
  lambda: 0.3,
  mix: 0.5,
  runs: 5,
  seed: 1,
  epochs: 100,
  lr: 0.01,
  batchSize: 1,
  outliers: 10,
  gridPoints: 51,
} as const;

export interface ExperimentOptions {
  /** Weight penalty: 'none' | 'l1' | 'l2' | 'elastic' (default 'l1'). */
  readonly method?: Method;
  /** λ (default 0.3). */
  readonly lambda?: number;
  /** Elastic-net mix m: m·L1 + (1 − m)·L2 (default 0.5). */
  readonly mix?: number;
  /** Number of runs (default 5). */
  readonly runs?: number;
  /** Index of the first run (default 0); runs are firstRun … firstRun + runs − 1. */
  readonly firstRun?: number;
  /** Base seed (default 1), see the seed mapping above. */
  readonly seed?: number;
  readonly epochs?: number;
  readonly lr?: number;
  /** Default 0 (plain SGD, as the source). */
  readonly momentum?: number;
  readonly batchSize?: number;
  /** Data loss (default 'sumAbsolute', the source's cost). */
  readonly loss?: LossName;
  /** Layer sizes (default [1, 10, 10, 10, 1]); e.g. [1, 10, 10, 1, 1] for the source's pruned net. */
  readonly sizes?: readonly number[];
  /** Start every run from these parameters instead of fresh Glorot weights (sizes are taken from it). */
  readonly initialNetwork?: NetworkJSON;
  /** Number of outliers (default 10). */
  readonly outliers?: number;
  /** Fixed outlier offset (default: one draw of U[0, 10)). */
  readonly outlierOffset?: number;
  /** Any other dataset knob (n, xMin, xMax, slope, noise, …). */
  readonly data?: LineDataOptions;
  /** Copy the parameters every this many steps for animation (default 0 = never). */
  readonly snapshotEvery?: number;
  /** Points of the fitted-line grid over [0, 10] (default 51). */
  readonly gridPoints?: number;
  /** |w| below which a weight counts as near zero (default 0.01). */
  readonly threshold?: number;
  /** Called after each run, e.g. to stream results from a Worker. */
  readonly onRun?: (run: RunResult) => void;
  /** Called after every epoch of every run with that epoch's cost, term by term (for a live readout). */
  readonly onEpoch?: (run: number, record: EpochRecord) => void;
  /** Checked before every training step. */
  readonly shouldStop?: () => boolean;
}

export interface RunResult {
  /** Run index r. */
  readonly run: number;
  /** seed + r: the seed of this run's initial weights and shuffles. */
  readonly seed: number;
  readonly status: TrainStatus;
  /** Why the run ended early, or null. */
  readonly reason: string | null;
  /** Σ over the test points of |y − pred|; null if the run did not finish ('diverged' or 'stopped'). */
  readonly testError: number | null;
  /** Same sum over the training points; null if the run did not finish. */
  readonly trainError: number | null;
  /** Weights with |w| < threshold in the final network. */
  readonly nearZero: number;
  /** Final parameters (on divergence, those at the start of the diverging epoch). */
  readonly network: NetworkJSON;
  readonly history: EpochRecord[];
  readonly snapshots: Snapshots;
  /** Predictions of the final network on the grid. */
  readonly fit: { readonly x: number[]; readonly y: number[] };
}

export interface ExperimentResult {
  readonly method: Method;
  readonly seed: number;
  readonly sizes: number[];
  readonly data: LineData & { readonly train: number[]; readonly test: number[] };
  readonly runs: RunResult[];
  /** Over finished runs: mean and sample sd of the test error, and mean near-zero count. */
  readonly summary: { readonly finished: number; readonly meanError: number | null; readonly sdError: number | null; readonly meanNearZero: number | null };
}

/** Σ |y − pred| over the given indices. */
export function totalError(net: Network, x: readonly number[], y: readonly number[], indices: readonly number[]): number {
  let sum = 0;
  for (const i of indices) sum += Math.abs(y[i] - net.forward([x[i]])[0]);
  return sum;
}

/** The experiment's dataset and split for a seed (stream 1 of the seed). */
export function experimentData(options: Pick<ExperimentOptions, 'seed' | 'outliers' | 'outlierOffset' | 'data'> = {}): ExperimentResult['data'] {
  const seed = options.seed ?? EXPERIMENT_DEFAULTS.seed;
  const rng = createRng(seed, 1);
  const data = lineData(rng, {
    ...options.data,
    outlierCount: options.outliers ?? EXPERIMENT_DEFAULTS.outliers,
    ...(options.outlierOffset !== undefined && { outlierOffset: options.outlierOffset }),
  });
  return { ...data, ...splitIndices(data.x.length, rng, 0.8) };
}

export function runExperiment(options: ExperimentOptions = {}): ExperimentResult {
  const method = checkOneOf('method', options.method ?? EXPERIMENT_DEFAULTS.method, METHODS);
  const seed = options.seed ?? EXPERIMENT_DEFAULTS.seed;
  if (!Number.isSafeInteger(seed)) fail('seed', 'a safe integer', seed);
  const runs = checkInteger('runs', options.runs ?? EXPERIMENT_DEFAULTS.runs, 1);
  const firstRun = checkInteger('firstRun', options.firstRun ?? 0, 0);
  const gridPoints = checkInteger('gridPoints', options.gridPoints ?? EXPERIMENT_DEFAULTS.gridPoints, 2);
  const threshold = checkNonNegative('threshold', options.threshold ?? NEAR_ZERO);
  const penalty = regularizer(method, options.lambda ?? EXPERIMENT_DEFAULTS.lambda, options.mix ?? EXPERIMENT_DEFAULTS.mix);
  const initial = options.initialNetwork ? Network.fromJSON(options.initialNetwork) : null;
  const sizes = initial ? [...initial.sizes] : [...(options.sizes ?? SOURCE_SIZES)];
  if (sizes[0] !== 1 || sizes[sizes.length - 1] !== 1) fail('sizes', 'layer sizes starting and ending with 1', sizes);
  const data = experimentData(options);
  const inputs = data.train.map((i) => data.x[i]);
  const targets = data.train.map((i) => data.y[i]);
  const gridX = Array.from({ length: gridPoints }, (_, k) => (10 * k) / (gridPoints - 1));
  const results: RunResult[] = [];
  for (let r = firstRun; r < firstRun + runs; r++) {
    const rng = createRng(seed + r);
    const net = initial ? initial.clone() : createNetwork({ sizes, rng });
    const result = train(net, { inputs, targets }, {
      epochs: options.epochs ?? EXPERIMENT_DEFAULTS.epochs,
      batchSize: options.batchSize ?? EXPERIMENT_DEFAULTS.batchSize,
      loss: options.loss ?? 'sumAbsolute',
      penalty,
      optimizer: { lr: options.lr ?? EXPERIMENT_DEFAULTS.lr, momentum: options.momentum ?? 0 },
      rng,
      snapshotEvery: options.snapshotEvery ?? 0,
      shouldStop: options.shouldStop,
      onEpoch: options.onEpoch && ((record) => options.onEpoch?.(r, record)),
    });
    const ok = result.status === 'ok';
    const run: RunResult = {
      run: r,
      seed: seed + r,
      status: result.status,
      reason: result.reason,
      testError: ok ? totalError(net, data.x, data.y, data.test) : null,
      trainError: ok ? totalError(net, data.x, data.y, data.train) : null,
      nearZero: countNearZero(net, threshold),
      network: net.toJSON(),
      history: result.history,
      snapshots: result.snapshots,
      fit: { x: gridX, y: gridX.map((x) => net.forward([x])[0]) },
    };
    results.push(run);
    options.onRun?.(run);
    if (result.status === 'stopped') break;
  }
  const finished = results.filter((r) => r.testError !== null);
  const errors = finished.map((r) => r.testError as number);
  return {
    method,
    seed,
    sizes,
    data,
    runs: results,
    summary: {
      finished: finished.length,
      meanError: errors.length ? mean(errors) : null,
      sdError: errors.length ? sd(errors) : null,
      meanNearZero: finished.length ? mean(finished.map((r) => r.nearZero)) : null,
    },
  };
}
