import type { Method } from '@neural-notes/nn';
import type { SweepOutput, SweepPoint } from '../../models/regularization/sweep';
import { SOURCE_PROTOCOL } from '../../models/regularization/source';
import { METHOD_LABELS } from '../../plots/regularization/labels';
import { defineFigure, type Report } from '../figure';

const PENALTIES = ['l1', 'l2', 'elastic'] as const satisfies readonly Method[];

export default defineFigure({
  name: 'LambdaSweep',
  description:
    'The experiment at penalty strengths λ from 0.01 to 10: mean test error, hidden units switched off and runs that diverged, per penalty, against the same runs with no penalty; computed at build time, rerun in a worker.',
  defaultId: 'sweep',
  frame: { minHeight: 980 },
  settings: {
    methods: { type: 'list', values: PENALTIES, labels: METHOD_LABELS, default: ['l1', 'l2'], label: 'Penalties', description: 'Penalties swept, each with the same data, seeds and initial weights.' },
    runs: { type: 'number', default: 3, min: 1, max: 20, integer: true, showRange: true, label: 'runs per λ', description: 'Runs of each penalty at each λ (and of the baseline).' },
    lr: { type: 'number', default: SOURCE_PROTOCOL.lr, min: 0.0001, max: 1, label: 'learning rate', description: 'Learning rate of plain SGD (the source: 0.01).' },
    seed: { type: 'number', default: SOURCE_PROTOCOL.seed, min: 0, max: 1_000_000, integer: true, label: 'seed', description: 'Base seed: the data comes from it, run r uses seed + r.' },
  },
  compute: {
    inputs: ['methods', 'runs', 'lr', 'seed'],
    load: async () => {
      const { runSweep } = await import('../../models/regularization/sweep');
      return (input, report: Report<SweepPoint[]>): SweepOutput => runSweep(input, report);
    },
    // The sweep of each chosen penalty with one run per λ (each a few percent of the default job), so each penalty's update is compiled.
    warmup: (input) => input.methods.map((method) => ({ ...input, methods: [method], runs: 1 })),
  },
});
