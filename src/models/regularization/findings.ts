/** "What we found": facts derived from the build's own runs of the experiment and of pruning. */
import { mean, sd, SOURCE_SIZES, type Method } from '@neural-notes/nn';
import type { ExperimentOutput } from './experiment';
import { placeSource, type Placement } from './placement';
import type { PruneOutput } from './prune';
import { SOURCE_L1_ERRORS, SOURCE_PRUNED_ERRORS } from './source';
import { meanSd, summarize, type MethodSummary } from './summary';

export interface Findings {
  /** The settings the experiment ran with. */
  readonly settings: ExperimentOutput['settings'];
  /** Hidden units and weights (not biases) of the experiment's network. */
  readonly hiddenUnits: number;
  readonly weights: number;
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
  readonly sourceArchL2: { mean: number | null; sd: number | null };
  readonly full: { mean: number | null; sd: number | null };
  /** The post's numbers among the experiment's runs (and its pruned-shape runs, when it has them). */
  readonly placement: Placement;
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
    settings: exp.settings,
    hiddenUnits: SOURCE_SIZES.slice(1, -1).reduce((a, b) => a + b, 0),
    weights: SOURCE_SIZES.slice(1).reduce((n, size, l) => n + SOURCE_SIZES[l] * size, 0),
    summaries,
    best,
    l2BeatsL1,
    paired,
    source: { mean: mean(SOURCE_L1_ERRORS), sd: sd(SOURCE_L1_ERRORS) },
    sourcePruned: { mean: mean(SOURCE_PRUNED_ERRORS), sd: sd(SOURCE_PRUNED_ERRORS) },
    prune: cut,
    pruned: meanSd(cut.pruned),
    sourceArch: meanSd(cut.sourceArch),
    sourceArchL2: meanSd(cut.sourceArchL2),
    full: meanSd(cut.full),
    placement: placeSource(exp),
  };
}
