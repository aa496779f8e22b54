/**
 * The weight-heatmap figure's runs: run 1 of a method with a copy of its weights every few epochs,
 * the hidden units a threshold switches off in a frame, and a compact text form of the frames for
 * the page's props.
 */
import { experimentData, Network, runExperiment, snapshotAt, type Method } from '@neural-notes/nn';
import { experimentOptions } from './experiment';
import { packHeatmap, type HeatmapRun, type PackedHeatmap } from './heatmap-frames';
import { SOURCE_PROTOCOL } from './source';

export type { HeatmapRun, PackedHeatmap } from './heatmap-frames';

export interface HeatmapSettings {
  readonly seed: number;
  readonly lambda: number;
  /** Keep a frame every this many epochs. */
  readonly every: number;
  /** The reader's own points instead of the generated ones (absent or null: generated). */
  readonly ownData?: readonly (readonly [number, number])[] | null;
}

/** Run 0 of one method with a copy of its weights every `every` epochs. */
export function heatmapRun(method: Method, s: HeatmapSettings): HeatmapRun {
  const options = experimentOptions({ ...SOURCE_PROTOCOL, methods: [method], offset: null, seed: s.seed, lambda: s.lambda, pruned: false, ...(s.ownData && { points: s.ownData }) });
  const stepsPerEpoch = experimentData(options).train.length; // batch 1: one step per training point (40 of the 50 generated)
  const result = runExperiment({ ...options, method, runs: 1, snapshotEvery: stepsPerEpoch * s.every });
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
    maxAbs: frames.reduce((m, f) => f.reduce((mm, w) => w.reduce((a, v) => (Number.isFinite(v) ? Math.max(a, Math.abs(v)) : a), mm), m), 0),
  };
}

/** The figure's two runs, L1 and L2, packed; `progress(done, total)` after each. */
export function heatmapRuns(s: HeatmapSettings, progress?: (done: number, total: number) => void): PackedHeatmap[] {
  return (['l1', 'l2'] as const).map((m, i) => {
    const run = packHeatmap(heatmapRun(m, s));
    progress?.(i + 1, 2);
    return run;
  });
}
