import type { PruneOutput } from '../../models/regularization/prune';
import { PROTOCOL_NAMES, SOURCE_PROTOCOL } from '../../models/regularization/source';
import { PROTOCOL_LABELS } from '../../plots/regularization/labels';
import { defineFigure, type Report } from '../figure';
import { EXPERIMENT_DATA } from '../own-data';

export default defineFigure({
  name: 'PruneRetrain',
  description: 'Prune what L1 switched off, retrain the smaller network; default results computed at build time.',
  defaultId: 'prune',
  frame: { minHeight: 820 },
  settings: {
    threshold: { type: 'number', default: 0.01, min: 0, max: 1, label: 'switched off below |w| =', description: '|w| below which a weight counts as switched off.' },
    run: { type: 'number', default: 1, min: 1, max: 50, integer: true, showRange: true, label: 'prune the network of L1 run', description: 'Which L1 run’s final network is pruned (1-based).' },
    seed: { type: 'number', default: SOURCE_PROTOCOL.seed, min: 0, max: 1_000_000, integer: true, label: 'seed', description: 'Base seed (as in the experiment).' },
    runs: { type: 'number', default: SOURCE_PROTOCOL.runs, min: 1, max: 50, integer: true, showRange: true, label: 'runs', description: 'Runs of each architecture.' },
    protocol: {
      type: 'enum', values: PROTOCOL_NAMES, labels: PROTOCOL_LABELS, default: 'default',
      label: 'protocol', description: 'How every run is made: this site’s design, or a reading of the source’s script (as the Experiment figure’s presets).',
    },
    ownData: EXPERIMENT_DATA,
  },
  rules: (s) => (s.run > s.runs ? `run (${s.run}) must not exceed runs (${s.runs})` : null),
  compute: {
    inputs: ['threshold', 'run', 'seed', 'runs', 'protocol', 'ownData'],
    load: async () => {
      const { pruneAndRetrain } = await import('../../models/regularization/prune');
      return (input, report: Report<never>): PruneOutput =>
        pruneAndRetrain({ threshold: input.threshold, seed: input.seed, runs: input.runs, fromRun: Math.min(input.run, input.runs) - 1, protocol: input.protocol, ownData: input.ownData }, (d, t) => report(d, t));
    },
    // One run of each architecture (the default job has five).
    warmup: (input) => [{ ...input, runs: 1, run: 1 }],
  },
});
