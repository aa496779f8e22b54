/**
 * Display shaping for the L1-vs-L2 article: runs the experiment through `@neural-notes/nn` and
 * packs what the figures need into small, plain-JSON objects. The SAME functions run at build
 * time (in the .astro wrappers) and in the Web Worker, so a rerun with the same settings gives
 * the same numbers to the last digit.
 */
import { experimentData, mean, NEAR_ZERO, Network, prune, runExperiment, sd, shapesNotation, snapshotAt, type Method, type NetworkJSON, type RunResult } from '@neural-notes/nn';

/** The source's published totals (its own random runs). */
export const SOURCE_L1_ERRORS: readonly number[] = [22.68515524, 41.64545712, 4.77383674, 24.04390211, 7.25596004];
export const SOURCE_PRUNED_ERRORS: readonly number[] = [7.61984439, 13.85177842, 11.95983347, 16.95491162, 25.17294774];
/** The source's pruned network: weight shapes (1,10),(10,10),(10,1),(1,1). */
export const SOURCE_PRUNED_SIZES: readonly number[] = [1, 10, 10, 1, 1];

export const METHOD_LABELS: Record<Method, string> = { none: 'no penalty', l1: 'L1', l2: 'L2', elastic: 'elastic net' };
/** Mid-tone colours that read on light and dark backgrounds. */
export const METHOD_COLORS: Record<Method, string> = { none: '#8a8f98', l1: '#d9480f', l2: '#1c7ed6', elastic: '#2b8a3e' };

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
}

export const DEFAULT_SETTINGS: ExperimentSettings = {
  methods: ['none', 'l1', 'l2', 'elastic'],
  lambda: 0.3,
  mix: 0.5,
  seed: 1,
  runs: 5,
  lr: 0.01,
  outliers: 10,
  offset: null,
};

export const EPOCHS = 100;
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
  /** Hidden units switched off in the final network (all incoming or all outgoing |w| < 0.01, as `prune` decides). */
  readonly unitsOff: number;
  /** Fitted line on the grid x = 0, 0.5, …, 10 (5 significant digits). */
  readonly fit: number[];
  /** Per epoch, mean over the epoch's steps (5 significant digits). */
  readonly dataLoss: number[];
  readonly penalty: number[];
}

export interface CompactData {
  readonly x: number[];
  readonly y: number[];
  readonly train: number[];
  readonly test: number[];
  readonly outliers: number[];
  readonly outlierOffset: number;
}

export interface ExperimentOutput {
  readonly settings: ExperimentSettings;
  readonly data: CompactData;
  readonly runs: CompactRun[];
  /** True if the reader stopped it before the end. */
  readonly stopped: boolean;
}

/** Rounds for display payloads (never used for the compared test errors). */
export function round(x: number, digits = 5): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}

export function fitGrid(points = FIT_POINTS): number[] {
  return Array.from({ length: points }, (_, k) => (10 * k) / (points - 1));
}

function compact(method: Method, r: RunResult): CompactRun {
  return {
    method,
    run: r.run,
    seed: r.seed,
    status: r.status,
    reason: r.reason,
    testError: r.testError,
    trainError: r.trainError,
    nearZero: r.nearZero,
    unitsOff: prune(Network.fromJSON(r.network), NEAR_ZERO).removed.reduce((n, u) => n + u.length, 0),
    fit: r.status === 'ok' ? r.fit.y.map((v) => round(v)) : [],
    dataLoss: r.history.map((h) => round(h.dataLoss)),
    penalty: r.history.map((h) => round(h.penalty)),
  };
}

function nnOptions(s: ExperimentSettings) {
  return {
    lambda: s.lambda,
    mix: s.mix,
    seed: s.seed,
    lr: s.lr,
    epochs: EPOCHS,
    outliers: s.outliers,
    ...(s.offset !== null && { outlierOffset: s.offset }),
    gridPoints: FIT_POINTS,
  };
}

/** The dataset and split the settings give (the same for every method and run). */
export function settingsData(s: ExperimentSettings): CompactData {
  const d = experimentData({ seed: s.seed, outliers: s.outliers, ...(s.offset !== null && { outlierOffset: s.offset }) });
  return { x: d.x, y: d.y, train: d.train, test: d.test, outliers: d.outliers, outlierOffset: d.outlierOffset };
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

/** The experiment for every selected method, with the seed mapping of `runExperiment`. */
export function runSettings(settings: ExperimentSettings, hooks: RunHooks = {}): ExperimentOutput {
  const runs: CompactRun[] = [];
  const data = settingsData(settings);
  let stopped = false;
  const totalRuns = settings.methods.length * settings.runs;
  let steps = 0;
  const totalSteps = totalRuns * EPOCHS * data.train.length;
  for (const method of settings.methods) {
    if (stopped) break;
    const result = runExperiment({
      ...nnOptions(settings),
      method,
      runs: settings.runs,
      shouldStop: () => {
        steps++;
        if (steps % 400 === 0) hooks.onSteps?.(steps, totalSteps);
        return hooks.shouldStop?.() ?? false;
      },
      onEpoch: hooks.onEpoch && ((run, rec) => hooks.onEpoch?.({ kind: 'epoch', method, run, epoch: rec.epoch + 1, dataLoss: rec.dataLoss, penalty: rec.penalty })),
      onRun: (r) => {
        const c = compact(method, r);
        if (r.status === 'stopped') return;
        runs.push(c);
        hooks.onRun?.(c, runs.length, totalRuns);
      },
    });
    if (result.runs.some((r) => r.status === 'stopped')) stopped = true;
  }
  return { settings, data, runs, stopped };
}

export interface MethodSummary {
  readonly method: Method;
  readonly runs: number;
  readonly finished: number;
  readonly diverged: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly meanNearZero: number | null;
  readonly meanUnitsOff: number | null;
}

/** Mean ± sample sd of the total test error per method, over the runs that finished. */
export function summarize(runs: readonly CompactRun[], methods: readonly Method[]): MethodSummary[] {
  return methods.map((method) => {
    const mine = runs.filter((r) => r.method === method);
    const ok = mine.filter((r) => r.testError !== null);
    const errors = ok.map((r) => r.testError as number);
    return {
      method,
      runs: mine.length,
      finished: ok.length,
      diverged: mine.filter((r) => r.status === 'diverged').length,
      mean: errors.length ? mean(errors) : null,
      sd: errors.length ? sd(errors) : null,
      min: errors.length ? Math.min(...errors) : null,
      max: errors.length ? Math.max(...errors) : null,
      meanNearZero: ok.length ? mean(ok.map((r) => r.nearZero)) : null,
      meanUnitsOff: ok.length ? mean(ok.map((r) => r.unitsOff)) : null,
    };
  });
}

/**
 * A test error with two decimals, like the tables' mean ± sd rows (so the columns line up and fit
 * a phone); an em dash when the run did not finish. `decimals` = 8 gives the source's precision,
 * which the table cells keep in their tooltip and the figure's CSV keeps in full.
 */
export function formatError(x: number | null | undefined, decimals = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(decimals);
}

/** A table cell's tooltip: the test error to the source's 8 decimals; none for an empty or unfinished cell. */
export function exactError(x: number | null | undefined): string | undefined {
  return x === null || x === undefined || !Number.isFinite(x) ? undefined : formatError(x, 8);
}

/**
 * "mean ± sd" of test errors, both with two decimals (so columns line up), joined by
 * no-break spaces so a narrow column never splits the pair; '—' when there is no mean.
 */
export function formatMeanSd(s: { readonly mean: number | null; readonly sd: number | null }): string {
  if (s.mean === null || !Number.isFinite(s.mean)) return '—';
  return s.sd === null || !Number.isFinite(s.sd) ? s.mean.toFixed(2) : `${s.mean.toFixed(2)}\u00a0±\u00a0${s.sd.toFixed(2)}`;
}

// ---------------------------------------------------------------------------------------------
// Weight snapshots for the heatmaps

export interface HeatmapRun {
  readonly method: Method;
  readonly sizes: number[];
  /** Epoch of each frame (0 = the initial weights). */
  readonly epochs: number[];
  /** frames[f][l]: weights of layer l, row-major (fanIn, fanOut), 4 decimals. */
  readonly frames: number[][][];
  readonly status: 'ok' | 'diverged' | 'stopped';
  readonly testError: number | null;
}

export interface HeatmapSettings {
  readonly seed: number;
  readonly lambda: number;
  /** Keep a frame every this many epochs. */
  readonly every: number;
}

export const DEFAULT_HEATMAP: HeatmapSettings = { seed: 1, lambda: 0.3, every: 2 };

/** Run 0 of one method with a copy of its weights every `every` epochs. */
export function heatmapRun(method: Method, s: HeatmapSettings): HeatmapRun {
  const stepsPerEpoch = 40; // 40 training points, batch 1
  const result = runExperiment({ ...nnOptions({ ...DEFAULT_SETTINGS, seed: s.seed, lambda: s.lambda }), method, runs: 1, snapshotEvery: stepsPerEpoch * s.every });
  const run = result.runs[0];
  const net = Network.fromJSON(run.network);
  const snaps = run.snapshots;
  const frames = snaps.steps.map((_, i) => {
    return net.views(snapshotAt(snaps, i)).map((L) => Array.from(L.weights, (v) => Math.round(v * 1e4) / 1e4 + 0));
  });
  return {
    method,
    sizes: result.sizes,
    epochs: snaps.steps.map((step) => Math.round(step / stepsPerEpoch)),
    frames,
    status: run.status,
    testError: run.testError,
  };
}

/** Hidden units a penalty switched off in a frame (as `prune` decides): removed[h] for hidden layer h + 1. */
export function switchedOff(sizes: readonly number[], weights: readonly (readonly number[])[], threshold: number): number[][] {
  const net = new Network(sizes, sizes.slice(1).map(() => 'linear'));
  net.layers.forEach((L, l) => L.weights.set(weights[l]));
  return prune(net, threshold).removed;
}

/** Packs frames into one string of integers (weights × 10⁴), to keep the page's props small. */
export function encodeFrames(frames: readonly (readonly (readonly number[])[])[]): string {
  return frames.map((f) => f.map((w) => w.map((v) => Math.round(v * 1e4)).join(',')).join(';')).join('|');
}

export function decodeFrames(text: string): number[][][] {
  if (text === '') return [];
  return text.split('|').map((f) => f.split(';').map((w) => (w === '' ? [] : w.split(',').map((v) => Number(v) / 1e4))));
}

// ---------------------------------------------------------------------------------------------
// Prune and retrain

export interface PruneSettings {
  readonly threshold: number;
  readonly seed: number;
  readonly runs: number;
  /** Which L1 run's final network is pruned. */
  readonly fromRun: number;
}

export const DEFAULT_PRUNE: PruneSettings = { threshold: 0.01, seed: 1, runs: 5, fromRun: 0 };

export interface PruneOutput {
  readonly settings: PruneSettings;
  readonly sizes: number[];
  readonly notation: string;
  readonly removed: number[][];
  /** Test errors of the full 1-10-10-10-1 network with L1 (same seeds). */
  readonly full: (number | null)[];
  /** Test errors of the pruned architecture, retrained from scratch with L1 (same seeds). */
  readonly pruned: (number | null)[];
  /** Test errors of the source's pruned architecture (1,10),(10,10),(10,1),(1,1), retrained here. */
  readonly sourceArch: (number | null)[];
}

/** Prunes L1's network of run `fromRun`, then retrains the smaller architecture for the same runs. */
export function pruneAndRetrain(s: PruneSettings, onStep?: (done: number, total: number) => void): PruneOutput {
  const base = { ...nnOptions({ ...DEFAULT_SETTINGS, seed: s.seed }), method: 'l1' as Method };
  const full = runExperiment({ ...base, runs: Math.max(s.runs, s.fromRun + 1) });
  onStep?.(1, 3);
  const source = full.runs[s.fromRun].network as NetworkJSON;
  const net = Network.fromJSON(source);
  const cut = prune(net, s.threshold);
  const retrained = runExperiment({ ...base, runs: s.runs, sizes: cut.sizes });
  onStep?.(2, 3);
  const sourceArch = runExperiment({ ...base, runs: s.runs, sizes: [...SOURCE_PRUNED_SIZES] });
  onStep?.(3, 3);
  return {
    settings: s,
    sizes: cut.sizes,
    notation: shapesNotation(cut.sizes),
    removed: cut.removed,
    full: full.runs.slice(0, s.runs).map((r) => r.testError),
    pruned: retrained.runs.map((r) => r.testError),
    sourceArch: sourceArch.runs.map((r) => r.testError),
  };
}

/** Mean ± sd of the finished values, or nulls. */
export function meanSd(values: readonly (number | null)[]): { mean: number | null; sd: number | null; finished: number } {
  const ok = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return { mean: ok.length ? mean(ok) : null, sd: ok.length ? sd(ok) : null, finished: ok.length };
}

// ---------------------------------------------------------------------------------------------
// What we found: facts derived from the build's own runs

export interface Findings {
  readonly summaries: MethodSummary[];
  /** Method with the lowest mean test error. */
  readonly best: Method | null;
  /** Runs (same seed, same data, same initial weights) in which L2 scored lower than L1. */
  readonly l2BeatsL1: number;
  /** Runs in which both L1 and L2 finished. */
  readonly paired: number;
  readonly source: { mean: number; sd: number };
  readonly sourcePruned: { mean: number; sd: number };
  readonly prune: PruneOutput;
  readonly pruned: { mean: number | null; sd: number | null };
  readonly sourceArch: { mean: number | null; sd: number | null };
  readonly full: { mean: number | null; sd: number | null };
}

export function findings(exp: ExperimentOutput, cut: PruneOutput): Findings {
  const summaries = summarize(exp.runs, exp.settings.methods);
  const withMean = summaries.filter((s) => s.mean !== null);
  const best = withMean.length ? withMean.reduce((a, b) => ((b.mean as number) < (a.mean as number) ? b : a)).method : null;
  const err = (m: Method, r: number) => exp.runs.find((x) => x.method === m && x.run === r)?.testError ?? null;
  let l2BeatsL1 = 0;
  let paired = 0;
  for (let r = 0; r < exp.settings.runs; r++) {
    const a = err('l1', r);
    const b = err('l2', r);
    if (a === null || b === null) continue;
    paired++;
    if (b < a) l2BeatsL1++;
  }
  return {
    summaries,
    best,
    l2BeatsL1,
    paired,
    source: { mean: mean(SOURCE_L1_ERRORS), sd: sd(SOURCE_L1_ERRORS) },
    sourcePruned: { mean: mean(SOURCE_PRUNED_ERRORS), sd: sd(SOURCE_PRUNED_ERRORS) },
    prune: cut,
    pruned: meanSd(cut.pruned),
    sourceArch: meanSd(cut.sourceArch),
    full: meanSd(cut.full),
  };
}
