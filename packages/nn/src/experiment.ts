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
 * seed), shared by every run and method; with `dataset: 'fresh'` run r draws its own
 * from `createRng(seed + r, 1)` (so run 0's is the shared one). Run r (0-based) draws
 * its initial weights and then its shuffles from `createRng(seed + r)`. So for one
 * seed every method sees the same data, the same initial weights and the same example
 * order (a paired comparison), and `runExperiment({ ...options, firstRun: r, runs: 1 })`
 * reproduces run r of a larger call bit-exactly.
 *
 * The protocol's four choices, each defaulting to this library's own design:
 * - `order`: 'epoch' reshuffles the training rows every epoch; 'once' shuffles them once
 *   per run and keeps that order; 'fixed' visits them in the order the split lists
 *   them, the same in every epoch and every run (train.ts).
 * - `split`: 'random' (a seeded shuffle, `splitIndices`) or 'even' (the author's helper:
 *   every fifth point to test, `evenSplitIndices`).
 * - `dataset`: 'shared' (one dataset for all runs) or 'fresh' (one per run).
 * - `arithmetic`: 'float64', or 'float32' as the source's TensorFlow graph computed
 *   (single.ts); test errors then add the float32 predictions' errors in double, as
 *   the source's NumPy loop did.
 *
 * The source's script itself visits its rows in one order every epoch, loads one saved
 * dataset for all its runs, splits with the author's private helper and computes in
 * float32, with no seeds (each run was one execution of the script).
 * `EXPERIMENT_PRESETS.published` is the closest reading of it: the author's later public
 * helper shuffles the training rows once per call, so once per execution — order 'once'.
 * If the private helper did not shuffle, every run saw the same order:
 * `EXPERIMENT_PRESETS.publishedFixed`. Neither the saved dataset nor the private
 * helper was published, so the data is generated as the script would have generated it.
 */
import { checkInteger, checkNonNegative, checkOneOf, fail } from './check';
import { evenSplitIndices, lineData, splitIndices, type LineData, type LineDataOptions } from './data';
import type { LossName } from './losses';
import { createNetwork, Network, type NetworkJSON } from './network';
import { regularizer, type RegularizerName, REGULARIZER_NAMES } from './regularizers';
import { createRng } from './rng';
import { countNearZero, mean, NEAR_ZERO, sd } from './stats';
import { forwardPass32 } from './single';
import { train } from './train';
import { ARITHMETICS, EXAMPLE_ORDERS, type Arithmetic, type EpochRecord, type ExampleOrder, type Snapshots, type TrainStatus } from './training';

export type SplitKind = 'random' | 'even';
export const SPLITS: readonly SplitKind[] = ['random', 'even'];
export type DatasetMode = 'shared' | 'fresh';
export const DATASET_MODES: readonly DatasetMode[] = ['shared', 'fresh'];

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
  order: 'epoch',
  split: 'random',
  dataset: 'shared',
  arithmetic: 'float64',
} as const;

/** The four protocol choices of the experiment. */
export interface Protocol {
  readonly order: ExampleOrder;
  readonly split: SplitKind;
  readonly dataset: DatasetMode;
  readonly arithmetic: Arithmetic;
}

/**
 * Protocols by name: `default`, this library's (reshuffled every epoch, a random split, one
 * dataset, double precision); `published`, the closest reading of the source's script (see the
 * file's comment); `publishedFixed`, the same with one order for every run.
 */
export const EXPERIMENT_PRESETS = {
  default: { order: EXPERIMENT_DEFAULTS.order, split: EXPERIMENT_DEFAULTS.split, dataset: EXPERIMENT_DEFAULTS.dataset, arithmetic: EXPERIMENT_DEFAULTS.arithmetic },
  published: { order: 'once', split: 'even', dataset: 'shared', arithmetic: 'float32' },
  publishedFixed: { order: 'fixed', split: 'even', dataset: 'shared', arithmetic: 'float32' },
} as const satisfies Record<string, Protocol>;
export type PresetName = keyof typeof EXPERIMENT_PRESETS;

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
  /**
   * Points [x, y] of one's own, used instead of the generated dataset (`data`, `outliers` and
   * `outlierOffset` are then not used): split as `split` says, the random split drawn from stream 1
   * of the seed as for generated data (so with `dataset: 'fresh'` each run gets a new split of the
   * same points). At least two, every coordinate finite. The fitted line's grid then spans the
   * points' x from least to greatest instead of [0, 10].
   */
  readonly points?: readonly (readonly [number, number])[];
  /** Order of the training rows: 'epoch' (default), 'once' or 'fixed'. */
  readonly order?: ExampleOrder;
  /** Train/test split: 'random' (default) or 'even' (the author's helper). */
  readonly split?: SplitKind;
  /** One dataset for all runs ('shared', default) or one per run ('fresh'). */
  readonly dataset?: DatasetMode;
  /** 'float64' (default) or 'float32' (the source's). */
  readonly arithmetic?: Arithmetic;
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
  /** The seed whose stream 1 made this run's dataset: the experiment's seed, or seed + r with `dataset: 'fresh'`. */
  readonly dataSeed: number;
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
  /** How the runs were made (the options' protocol choices, or the defaults). */
  readonly protocol: Protocol;
  /** The dataset and split (with `dataset: 'fresh'`, run 0's; run r's comes from `dataSeed`). */
  readonly data: LineData & { readonly train: number[]; readonly test: number[] };
  readonly runs: RunResult[];
  /** Over finished runs: mean and sample sd of the test error, and mean near-zero count. */
  readonly summary: { readonly finished: number; readonly meanError: number | null; readonly sdError: number | null; readonly meanNearZero: number | null };
}

/** The network's prediction for one input x, in double precision or, as the source computed it, in float32. */
export function predict(net: Network, x: number, arithmetic: Arithmetic = 'float64'): number {
  if (arithmetic === 'float64') return net.forward([x])[0];
  return forwardPass32(net.layers, net.work, [x], 0)[0];
}

/** Σ |y − pred| over the given indices (the sum in double precision; the predictions in `arithmetic`). */
export function totalError(net: Network, x: readonly number[], y: readonly number[], indices: readonly number[], arithmetic: Arithmetic = 'float64'): number {
  let sum = 0;
  for (const i of indices) sum += Math.abs(y[i] - predict(net, x[i], arithmetic));
  return sum;
}

/** The experiment's dataset and split for a seed (stream 1 of the seed); the split 'random' (default) or 'even'. */
export function experimentData(options: Pick<ExperimentOptions, 'seed' | 'outliers' | 'outlierOffset' | 'data' | 'split' | 'points'> = {}): ExperimentResult['data'] {
  const seed = options.seed ?? EXPERIMENT_DEFAULTS.seed;
  const split = checkOneOf('split', options.split ?? EXPERIMENT_DEFAULTS.split, SPLITS);
  const rng = createRng(seed, 1);
  const data = options.points !== undefined ? ownData(options.points) : lineData(rng, {
    ...options.data,
    outlierCount: options.outliers ?? EXPERIMENT_DEFAULTS.outliers,
    ...(options.outlierOffset !== undefined && { outlierOffset: options.outlierOffset }),
  });
  return { ...data, ...(split === 'even' ? evenSplitIndices(data.x.length, 0.8) : splitIndices(data.x.length, rng, 0.8)) };
}

/** One's own points as a dataset: no outliers marked, offset 0. */
function ownData(points: readonly (readonly [number, number])[]): LineData {
  if (!Array.isArray(points) || points.length < 2) fail('points', 'an array of at least two [x, y] pairs', points);
  points.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) fail(`points[${i}]`, 'a pair [x, y] of finite numbers', p);
  });
  return { x: points.map((p) => p[0]), y: points.map((p) => p[1]), outliers: [], outlierOffset: 0 };
}

/** The x-range of the fitted line's grid: [0, 10], or the span of one's own points. */
export function gridRange(options: Pick<ExperimentOptions, 'points'> = {}): [number, number] {
  if (!options.points) return [0, 10];
  const xs = options.points.map((p) => p[0]);
  return [Math.min(...xs), Math.max(...xs)];
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
  const order = checkOneOf('order', options.order ?? EXPERIMENT_DEFAULTS.order, EXAMPLE_ORDERS);
  const fresh = checkOneOf('dataset', options.dataset ?? EXPERIMENT_DEFAULTS.dataset, DATASET_MODES) === 'fresh';
  const arithmetic = checkOneOf('arithmetic', options.arithmetic ?? EXPERIMENT_DEFAULTS.arithmetic, ARITHMETICS);
  const data = experimentData(options);
  const [g0, g1] = gridRange(options);
  const gridX = options.points ? Array.from({ length: gridPoints }, (_, k) => g0 + ((g1 - g0) * k) / (gridPoints - 1)) : Array.from({ length: gridPoints }, (_, k) => (10 * k) / (gridPoints - 1));
  const results: RunResult[] = [];
  for (let r = firstRun; r < firstRun + runs; r++) {
    const rng = createRng(seed + r);
    const dataSeed = fresh ? seed + r : seed;
    const d = fresh ? experimentData({ ...options, seed: dataSeed }) : data;
    const inputs = d.train.map((i) => d.x[i]);
    const targets = d.train.map((i) => d.y[i]);
    const net = initial ? initial.clone() : createNetwork({ sizes, rng });
    const result = train(net, { inputs, targets }, {
      order,
      arithmetic,
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
      dataSeed,
      status: result.status,
      reason: result.reason,
      testError: ok ? totalError(net, d.x, d.y, d.test, arithmetic) : null,
      trainError: ok ? totalError(net, d.x, d.y, d.train, arithmetic) : null,
      nearZero: countNearZero(net, threshold),
      network: net.toJSON(),
      history: result.history,
      snapshots: result.snapshots,
      fit: { x: gridX, y: gridX.map((x) => predict(net, x, arithmetic)) },
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
    protocol: { order, split: checkOneOf('split', options.split ?? EXPERIMENT_DEFAULTS.split, SPLITS), dataset: fresh ? 'fresh' : 'shared', arithmetic },
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
