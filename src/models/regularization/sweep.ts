/**
 * The λ sweep: the experiment of the article at a range of penalty strengths, the same seeded runs
 * at every λ, summarised per λ and penalty (mean test error, hidden units switched off, runs that
 * diverged), with the unpenalised runs as the baseline.
 */
import type { Method } from '@neural-notes/nn';
import { runSettings, type ExperimentSettings } from './experiment';
import { SOURCE_PROTOCOL } from './source';
import { summarize, type MethodSummary } from './summary';

/** The strengths swept: roughly three per decade from 0.01 to 10 (the article's 0.3 among them). */
export const SWEEP_LAMBDAS: readonly number[] = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];

export interface SweepSettings {
  readonly methods: readonly Method[];
  readonly runs: number;
  readonly lr: number;
  readonly seed: number;
}

/** One penalty at one λ. */
export interface SweepPoint extends MethodSummary {
  readonly lambda: number;
}

export interface SweepOutput {
  readonly settings: SweepSettings;
  readonly lambdas: readonly number[];
  readonly points: SweepPoint[];
  /** The same runs without a penalty. */
  readonly baseline: MethodSummary;
}

/** `progress(done, total, points so far)` after each λ and penalty. */
export function runSweep(s: SweepSettings, progress?: (done: number, total: number, points: SweepPoint[]) => void): SweepOutput {
  const base: ExperimentSettings = { ...SOURCE_PROTOCOL, methods: ['none'], lambda: 0, seed: s.seed, runs: s.runs, lr: s.lr, offset: null, pruned: false };
  const total = SWEEP_LAMBDAS.length * s.methods.length + 1;
  let done = 0;
  const none = runSettings(base);
  const baseline = summarize(none.runs, ['none'])[0];
  progress?.(++done, total, []);
  const points: SweepPoint[] = [];
  for (const lambda of SWEEP_LAMBDAS) {
    for (const method of s.methods) {
      const out = runSettings({ ...base, methods: [method], lambda });
      points.push({ ...summarize(out.runs, [method])[0], lambda });
      progress?.(++done, total, [...points]);
    }
  }
  return { settings: s, lambdas: SWEEP_LAMBDAS, points, baseline };
}
