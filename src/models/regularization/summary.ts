/** Summaries of the experiment's runs: mean ± sample sd of the test error per method, and more. */
import { mean, sd, type Method } from '@neural-notes/nn';
import type { CompactRun } from './experiment';

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
  /** Mean number of weights exactly 0. */
  readonly meanZeros: number | null;
  readonly meanUnitsOff: number | null;
  /** Finished runs in which at least one hidden unit was switched off. */
  readonly runsWithUnitOff: number;
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
      meanZeros: ok.length ? mean(ok.map((r) => r.zeros)) : null,
      meanUnitsOff: ok.length ? mean(ok.map((r) => r.unitsOff)) : null,
      runsWithUnitOff: ok.filter((r) => r.unitsOff > 0).length,
    };
  });
}

/** Mean ± sd of the finished values, or nulls. */
export function meanSd(values: readonly (number | null)[]): { mean: number | null; sd: number | null; finished: number } {
  const ok = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return { mean: ok.length ? mean(ok) : null, sd: ok.length ? sd(ok) : null, finished: ok.length };
}
