/**
 * The L1-vs-L2 experiment as the figures run it: the experiment of `@neural-notes/nn` for every
 * selected method, packed into small, plain-JSON objects. The SAME functions run at build time
 * and in the Web Worker, so a rerun with the same settings gives the same numbers to the last
 * digit.
 */
import {
  countNearZero, experimentData, gridRange, NEAR_ZERO, Network, prune, runExperiment,
  type Arithmetic, type DatasetMode, type ExampleOrder, type Method, type RunResult, type SplitKind,
} from '@neural-notes/nn';
import { SOURCE_PRUNED_SIZES } from './source';

export interface ExperimentSettings {
  readonly methods: readonly Method[];
  readonly lambda: number;
  /** Elastic-net mix m (m·L1 + (1 − m)·L2). */
  readonly mix: number;
  readonly seed: number;
  readonly runs: number;
  readonly lr: number;
  readonly outliers: number;
  /** Shared outlier offset; null = one draw of U[0, 10), as the source. */
  readonly offset: number | null;
  /** Order of the training rows: reshuffled every epoch, shuffled once per run, or fixed. */
  readonly order: ExampleOrder;
  /** Random 80/20 split, or the author's helper (every fifth point to test). */
  readonly split: SplitKind;
  /** One dataset for every run, or one per run. */
  readonly dataset: DatasetMode;
  readonly arithmetic: Arithmetic;
  /** Also train the source's pruned shape (1,10),(10,10),(10,1),(1,1) with L1 and with L2, for the same runs. */
  readonly pruned: boolean;
  /** The reader's own points instead of the generated ones (absent: generated; outliers and offset then do nothing). */
  readonly points?: readonly (readonly [number, number])[];
}

/** The penalties the source's pruned shape is trained with: L1 (what its prose implies) and L2 (what its published file uses). */
export const PRUNED_METHODS = ['l1', 'l2'] as const satisfies readonly Method[];

export const EPOCHS = 100;
const EXPERIMENT_DEFAULTS_OUTLIERS = 10;
/** Points of the fitted-line grid over [0, 10] kept for the figures. */
export const FIT_POINTS = 21;

export interface CompactRun {
  readonly method: Method;
  readonly run: number;
  readonly seed: number;
  readonly status: 'ok' | 'diverged' | 'stopped';
  readonly reason: string | null;
  /** Full precision: compared digit for digit between build and browser. */
  readonly testError: number | null;
  readonly trainError: number | null;
  readonly nearZero: number;
  /** Weights exactly 0 in the final network. */
  readonly zeros: number;
  /** Hidden units switched off in the final network (all incoming or all outgoing |w| < 0.01, as `prune` decides). */
  readonly unitsOff: number;
  /** Fitted line on the grid x = 0, 0.5, …, 10 (5 significant digits). */
  readonly fit: number[];
  /** Per epoch, mean over the epoch's steps (5 significant digits). */
  readonly dataLoss: number[];
  readonly penalty: number[];
  /** True for a run of the source's pruned shape (its fit and curves are not kept). */
  readonly pruned?: true;
}

export interface CompactData {
  readonly x: number[];
  readonly y: number[];
  readonly train: number[];
  readonly test: number[];
  readonly outliers: number[];
  readonly outlierOffset: number;
  /** With the reader's own points, the x-range of the fitted lines (their grid spans it); else [0, 10]. */
  readonly xRange?: [number, number];
}

export interface ExperimentOutput {
  readonly settings: ExperimentSettings;
  readonly data: CompactData;
  /** Every finished run of every selected method, on the source's network. */
  readonly runs: CompactRun[];
  /** With `settings.pruned`, the runs of the source's pruned shape with L1 and with L2; else empty. */
  readonly prunedRuns: CompactRun[];
  /** True if the reader stopped it before the end. */
  readonly stopped: boolean;
}

/** Rounds for display payloads (never used for the compared test errors). */
export function round(x: number, digits = 5): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}

/** The fitted line's grid: `points` x from 0 to 10, or over `range` (the reader's own points' x-range) as the core computes it. */
export function fitGrid(points = FIT_POINTS, range?: readonly [number, number]): number[] {
  if (range) return Array.from({ length: points }, (_, k) => range[0] + ((range[1] - range[0]) * k) / (points - 1));
  return Array.from({ length: points }, (_, k) => (10 * k) / (points - 1));
}

function compact(method: Method, r: RunResult, pruned = false): CompactRun {
  if (pruned) {
    const { run, seed, status, reason, testError, trainError, nearZero } = r;
    return { method, run, seed, status, reason, testError, trainError, nearZero, zeros: countNearZero(r.network, Number.MIN_VALUE), unitsOff: 0, fit: [], dataLoss: [], penalty: [], pruned: true };
  }
  return {
    method,
    run: r.run,
    seed: r.seed,
    status: r.status,
    reason: r.reason,
    testError: r.testError,
    trainError: r.trainError,
    nearZero: r.nearZero,
    zeros: countNearZero(r.network, Number.MIN_VALUE),
    unitsOff: prune(Network.fromJSON(r.network), NEAR_ZERO).removed.reduce((n, u) => n + u.length, 0),
    fit: r.status === 'ok' ? r.fit.y.map((v) => round(v)) : [],
    dataLoss: r.history.map((h) => round(h.dataLoss)),
    penalty: r.history.map((h) => round(h.penalty)),
  };
}

/** The options of nn's `runExperiment` for these settings (the method is given per call). */
export function experimentOptions(s: ExperimentSettings) {
  return {
    lambda: s.lambda,
    mix: s.mix,
    seed: s.seed,
    lr: s.lr,
    epochs: EPOCHS,
    outliers: s.outliers,
    ...(s.offset !== null && { outlierOffset: s.offset }),
    gridPoints: FIT_POINTS,
    order: s.order,
    split: s.split,
    dataset: s.dataset,
    arithmetic: s.arithmetic,
    ...(s.points && { points: s.points }),
  };
}

/** The dataset and split the settings give (the same for every method and run; with a fresh dataset per run, run 1's). */
export function settingsData(s: ExperimentSettings): CompactData {
  const d = experimentData({ seed: s.seed, outliers: s.outliers, split: s.split, ...(s.offset !== null && { outlierOffset: s.offset }), ...(s.points && { points: s.points }) });
  const data = { x: d.x, y: d.y, train: d.train, test: d.test, outliers: d.outliers, outlierOffset: d.outlierOffset };
  return s.points ? { ...data, xRange: gridRange({ points: s.points }) } : data;
}

/** True when two settings give the same dataset and split (settingsData): the same seed, outliers, offset, split and points. */
export function sameData(a: ExperimentSettings, b: ExperimentSettings): boolean {
  if (a.seed !== b.seed || a.split !== b.split) return false;
  if (a.points || b.points) return !!a.points && !!b.points && a.points.length === b.points.length && a.points.every((p, i) => p[0] === b.points![i][0] && p[1] === b.points![i][1]);
  return a.outliers === b.outliers && a.offset === b.offset;
}

/** The generated points [x, y] of a seed (the figures' data before a reader brings their own). */
export function generatedPoints(seed: number, outliers = EXPERIMENT_DEFAULTS_OUTLIERS, offset: number | null = null): [number, number][] {
  const d = experimentData({ seed, outliers, ...(offset !== null && { outlierOffset: offset }) });
  return d.x.map((x, i) => [x, d.y[i]]);
}

export interface RunHooks {
  /** Called after each finished run. */
  onRun?(run: CompactRun, done: number, total: number): void;
  /** Called every few hundred training steps with the steps done and the total. */
  onSteps?(done: number, total: number): void;
  /** True stops the experiment. */
  shouldStop?(): boolean;
  /** Called after every epoch of every run with that epoch's mean cost per step, term by term. */
  onEpoch?(live: LiveCost): void;
}

/** The cost of the epoch that just finished, for the live readout while training. */
export interface LiveCost {
  readonly kind: 'epoch';
  readonly method: Method;
  readonly run: number;
  /** 1-based. */
  readonly epoch: number;
  readonly dataLoss: number;
  readonly penalty: number;
}

/** Runs in all: every method's, and the pruned shape's with L1 and L2 when asked for. */
export function totalRuns(s: ExperimentSettings): number {
  return (s.methods.length + (s.pruned ? PRUNED_METHODS.length : 0)) * s.runs;
}

/**
 * The experiment for every selected method, with the seed mapping of `runExperiment`; then, when
 * asked for, the source's pruned shape with L1 and with L2 for the same runs.
 */
export function runSettings(settings: ExperimentSettings, hooks: RunHooks = {}): ExperimentOutput {
  const runs: CompactRun[] = [];
  const prunedRuns: CompactRun[] = [];
  const data = settingsData(settings);
  let stopped = false;
  const total = totalRuns(settings);
  let steps = 0;
  const totalSteps = total * EPOCHS * data.train.length;
  const jobs = [
    ...settings.methods.map((method) => ({ method, pruned: false })),
    ...(settings.pruned ? PRUNED_METHODS.map((method) => ({ method, pruned: true })) : []),
  ];
  for (const { method, pruned } of jobs) {
    if (stopped) break;
    const result = runExperiment({
      ...experimentOptions(settings),
      method,
      runs: settings.runs,
      ...(pruned && { sizes: [...SOURCE_PRUNED_SIZES] }),
      shouldStop: () => {
        steps++;
        if (steps % 400 === 0) hooks.onSteps?.(steps, totalSteps);
        return hooks.shouldStop?.() ?? false;
      },
      onEpoch: hooks.onEpoch && !pruned ? (run, rec) => hooks.onEpoch?.({ kind: 'epoch', method, run, epoch: rec.epoch + 1, dataLoss: rec.dataLoss, penalty: rec.penalty }) : undefined,
      onRun: (r) => {
        if (r.status === 'stopped') return;
        const c = compact(method, r, pruned);
        (pruned ? prunedRuns : runs).push(c);
        hooks.onRun?.(c, runs.length + prunedRuns.length, total);
      },
    });
    if (result.runs.some((r) => r.status === 'stopped')) stopped = true;
  }
  return { settings, data, runs, prunedRuns, stopped };
}
