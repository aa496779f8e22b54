/**
 * The source's L1-versus-L2 experiment: what it is asked (its options, defaults and protocols) and
 * what it gives back. The run itself is `runExperiment` (experiment.ts).
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
import type { LineData, LineDataOptions } from './data';
import type { LossName } from './losses';
import type { NetworkJSON } from './network';
import { REGULARIZER_NAMES, type RegularizerName } from './regularizers';
import type { Arithmetic, EpochRecord, ExampleOrder, Snapshots, TrainStatus } from './training';

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
