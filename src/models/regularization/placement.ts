/**
 * Where the post's own numbers fall among ours: each of its five L1 totals among our L1 runs, and
 * each of its five totals of the pruned shape among our runs of that shape with L1 and with L2, as
 * percentile ranks (the share of our runs with a lower error). Meaningful when our runs follow the
 * protocol that produced the post's numbers; `protocol` says which preset the settings match.
 */
import { percentileRank } from '@neural-notes/nn';
import type { CompactRun, ExperimentOutput, ExperimentSettings } from './experiment';
import { PROTOCOL_NAMES, PROTOCOLS, SOURCE_L1_ERRORS, SOURCE_PRUNED_ERRORS, type ProtocolName } from './source';

export interface Placed {
  /** The post's number. */
  readonly value: number;
  /** Percent of our runs below it (ties half), or null when we have no runs to compare with. */
  readonly percentile: number | null;
}

export interface Placement {
  /** The preset the settings' protocol matches, or null for a mix of its own. */
  readonly protocol: ProtocolName | null;
  /** The post's five L1 totals among our finished L1 runs. */
  readonly l1: readonly Placed[];
  /** The post's five pruned totals among our finished runs of the pruned shape with L1, and with L2. */
  readonly prunedL1: readonly Placed[];
  readonly prunedL2: readonly Placed[];
  /** How many finished runs each comparison rests on. */
  readonly counts: { readonly l1: number; readonly prunedL1: number; readonly prunedL2: number };
}

/** The preset whose protocol the settings use, or null. */
export function protocolOf(s: Pick<ExperimentSettings, 'order' | 'split' | 'dataset' | 'arithmetic'>): ProtocolName | null {
  return PROTOCOL_NAMES.find((name) => {
    const p = PROTOCOLS[name];
    return p.order === s.order && p.split === s.split && p.dataset === s.dataset && p.arithmetic === s.arithmetic;
  }) ?? null;
}

const finished = (runs: readonly CompactRun[], method: 'l1' | 'l2') =>
  runs.filter((r) => r.method === method && r.testError !== null && Number.isFinite(r.testError)).map((r) => r.testError as number);

function place(values: readonly number[], ours: readonly number[]): Placed[] {
  return values.map((value) => ({ value, percentile: ours.length ? percentileRank(ours, value) : null }));
}

export function placeSource(out: Pick<ExperimentOutput, 'settings' | 'runs' | 'prunedRuns'>): Placement {
  const l1 = finished(out.runs, 'l1');
  const prunedL1 = finished(out.prunedRuns, 'l1');
  const prunedL2 = finished(out.prunedRuns, 'l2');
  return {
    protocol: protocolOf(out.settings),
    l1: place(SOURCE_L1_ERRORS, l1),
    prunedL1: place(SOURCE_PRUNED_ERRORS, prunedL1),
    prunedL2: place(SOURCE_PRUNED_ERRORS, prunedL2),
    counts: { l1: l1.length, prunedL1: prunedL1.length, prunedL2: prunedL2.length },
  };
}
