/**
 * The weight-heatmap figure's frames as the page and the worker carry them: packed into one string
 * of integers, unpacked for drawing, and the hidden units a threshold switches off in a frame.
 * Light (no training), so the figure's island can use it without the training code.
 */
import { prunedUnits, type Method } from '@neural-notes/nn';

export interface HeatmapRun {
  readonly method: Method;
  readonly sizes: number[];
  /** Epoch of each frame (0 = the initial weights). */
  readonly epochs: number[];
  /** frames[f][l]: weights of layer l, row-major (fanIn, fanOut), 4 decimals. */
  readonly frames: number[][][];
  readonly status: 'ok' | 'diverged' | 'stopped';
  readonly testError: number | null;
  /** The largest |w| of any frame (the colour scale's end, the same for every frame). */
  readonly maxAbs: number;
}

/** Hidden units a penalty switched off in a frame (as `prune` decides): removed[h] for hidden layer h + 1. */
export function switchedOff(sizes: readonly number[], weights: readonly (readonly number[])[], threshold: number): number[][] {
  // a layer whose weights a frame does not carry (yet) counts as all zero
  const full = sizes.slice(1).map((n, l) => (weights[l]?.length === sizes[l] * n ? weights[l] : Array.from({ length: sizes[l] * n }, (_, k) => weights[l]?.[k] ?? 0)));
  return prunedUnits(sizes, full, threshold);
}

/** Packs frames into one string of integers (weights × 10⁴), to keep the page's props small. */
export function encodeFrames(frames: readonly (readonly (readonly number[])[])[]): string {
  return frames.map((f) => f.map((w) => w.map((v) => Math.round(v * 1e4)).join(',')).join(';')).join('|');
}

export function decodeFrames(text: string): number[][][] {
  if (text === '') return [];
  return text.split('|').map((f) => f.split(';').map((w) => (w === '' ? [] : w.split(',').map((v) => Number(v) / 1e4))));
}

/** A heatmap run as it travels (island props, worker messages): its frames packed into one string (see encodeFrames). */
export type PackedHeatmap = Omit<HeatmapRun, 'frames'> & { frames: string };

export function packHeatmap(run: HeatmapRun): PackedHeatmap {
  return { ...run, frames: encodeFrames(run.frames) };
}

export function unpackHeatmap(packed: PackedHeatmap): HeatmapRun {
  return { ...packed, frames: decodeFrames(packed.frames) };
}

/** The frame shown at an epoch: the last one at or before it (the first if none). */
export function frameAt(epochs: readonly number[], epoch: number): number {
  let k = 0;
  epochs.forEach((e, i) => {
    if (e <= epoch) k = i;
  });
  return k;
}

/** Packed frames with only frame `k` kept (the others empty, to be recomputed when needed). */
export function keepFrame(packed: string, k: number): string {
  return packed
    .split('|')
    .map((f, i) => (i === k ? f : ''))
    .join('|');
}
