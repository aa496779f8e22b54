/**
 * Prune what L1 switched off in one run, then retrain the smaller network from scratch; and the
 * source's own pruned shape retrained with L1 and with L2 (its prose implies L1, its published
 * file trains that shape with L2).
 */
import { Network, prune, runExperiment, shapesNotation, type Method, type NetworkJSON } from '@neural-notes/nn';
import { experimentOptions } from './experiment';
import { PROTOCOLS, SOURCE_PROTOCOL, SOURCE_PRUNED_SIZES, type ProtocolName } from './source';

export interface PruneSettings {
  readonly threshold: number;
  readonly seed: number;
  readonly runs: number;
  /** Which L1 run's final network is pruned. */
  readonly fromRun: number;
  /** How every run is made (PROTOCOLS): the site's own design, or a reading of the source's script. */
  readonly protocol: ProtocolName;
  /** The reader's own points instead of the generated ones (absent or null: generated). */
  readonly ownData?: readonly (readonly [number, number])[] | null;
}

export interface PruneOutput {
  readonly settings: PruneSettings;
  readonly sizes: number[];
  readonly notation: string;
  readonly removed: number[][];
  /** Test errors of the full 1-10-10-10-1 network with L1 (same seeds). */
  readonly full: (number | null)[];
  /** Test errors of the pruned architecture, retrained from scratch with L1 (same seeds). */
  readonly pruned: (number | null)[];
  /** Test errors of the source's pruned architecture (1,10),(10,10),(10,1),(1,1), retrained here with L1. */
  readonly sourceArch: (number | null)[];
  /** The same architecture retrained here with L2, as the source's published file does. */
  readonly sourceArchL2: (number | null)[];
}

/** Prunes L1's network of run `fromRun`, then retrains the smaller architecture for the same runs. */
export function pruneAndRetrain(s: PruneSettings, onStep?: (done: number, total: number) => void): PruneOutput {
  const settings = { ...SOURCE_PROTOCOL, ...PROTOCOLS[s.protocol], methods: ['l1' as Method], offset: null, seed: s.seed, pruned: false, ...(s.ownData && { points: s.ownData }) };
  const base = { ...experimentOptions(settings), method: 'l1' as Method };
  const full = runExperiment({ ...base, runs: Math.max(s.runs, s.fromRun + 1) });
  onStep?.(1, 4);
  const source = full.runs[s.fromRun].network as NetworkJSON;
  const net = Network.fromJSON(source);
  const cut = prune(net, s.threshold);
  const retrained = runExperiment({ ...base, runs: s.runs, sizes: cut.sizes });
  onStep?.(2, 4);
  const sourceArch = runExperiment({ ...base, runs: s.runs, sizes: [...SOURCE_PRUNED_SIZES] });
  onStep?.(3, 4);
  const sourceArchL2 = runExperiment({ ...base, method: 'l2', runs: s.runs, sizes: [...SOURCE_PRUNED_SIZES] });
  onStep?.(4, 4);
  return {
    settings: s,
    sizes: cut.sizes,
    notation: shapesNotation(cut.sizes),
    removed: cut.removed,
    full: full.runs.slice(0, s.runs).map((r) => r.testError),
    pruned: retrained.runs.map((r) => r.testError),
    sourceArch: sourceArch.runs.map((r) => r.testError),
    sourceArchL2: sourceArchL2.runs.map((r) => r.testError),
  };
}
