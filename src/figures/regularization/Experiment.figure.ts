import type { Method } from '@neural-notes/nn';
import { METHOD_LABELS } from '../../plots/regularization/labels';
import type { CompactRun, ExperimentOutput, ExperimentSettings, LiveCost } from '../../models/regularization/experiment';
import { SOURCE_PROTOCOL } from '../../models/regularization/source';
import { defineFigure, type Report } from '../figure';

const METHODS = ['none', 'l1', 'l2', 'elastic'] as const satisfies readonly Method[];

const experiment = defineFigure({
  name: 'Experiment',
  description:
    'The source’s experiment, reproduced: the default results are computed at build time by the same code the figure’s worker runs, so the page shows them before any JavaScript.',
  defaultId: 'exp',
  frame: { minHeight: 1500 },
  settings: {
    methods: { type: 'list', values: METHODS, labels: METHOD_LABELS, default: [...METHODS], label: 'Penalties', description: 'Penalties compared, each with the same data, seeds and initial weights.' },
    lambda: { type: 'number', default: SOURCE_PROTOCOL.lambda, min: 0, max: 10, showRange: true, label: 'λ', description: 'Penalty strength λ (the source: 0.3).' },
    mix: { type: 'number', default: SOURCE_PROTOCOL.mix, min: 0, max: 1, label: 'elastic mix m (L1 share)', description: 'Elastic net: the L1 share m of m·L1 + (1 − m)·L2.' },
    lr: { type: 'number', default: SOURCE_PROTOCOL.lr, min: 0.0001, max: 1, label: 'learning rate', description: 'Learning rate of plain SGD (the source: 0.01).' },
    seed: { type: 'number', default: SOURCE_PROTOCOL.seed, min: 0, max: 1_000_000, integer: true, label: 'seed', description: 'Base seed: the data comes from it, run r uses seed + r.' },
    runs: { type: 'number', default: SOURCE_PROTOCOL.runs, min: 1, max: 100, integer: true, showRange: true, label: 'runs per method', description: 'Runs per method (the source: 5).' },
    outliers: { type: 'number', default: SOURCE_PROTOCOL.outliers, min: 0, max: 50, integer: true, showRange: true, label: 'outliers', description: 'Points that get the shared outlier offset (the source: 10).' },
    offsetMode: {
      type: 'enum', values: ['drawn', 'fixed'] as const, labels: { drawn: 'drawn from U[0, 10) (source)', fixed: 'fixed' }, default: 'drawn',
      label: 'outlier offset', description: 'The outliers’ shared offset: one draw of U[0, 10) as in the source, or a fixed value.',
    },
    offset: { type: 'number', default: 5, min: -50, max: 50, showRange: true, label: 'offset', description: 'The fixed outlier offset (when offsetMode is "fixed").' },
  },
  compute: {
    inputs: ['methods', 'lambda', 'mix', 'lr', 'seed', 'runs', 'outliers', 'offsetMode', 'offset'],
    load: async () => {
      const { runSettings } = await import('../../models/regularization/experiment');
      return (input, report: Report<CompactRun | LiveCost>): ExperimentOutput => {
        const settings = experimentSettings(input);
        const total = settings.methods.length * settings.runs;
        // The live cost readout gets the latest epoch about ten times a second, not every epoch.
        let lastEpochSent = 0;
        return runSettings(settings, {
          onEpoch: (live) => {
            const now = Date.now();
            if (now - lastEpochSent < 100) return;
            lastEpochSent = now;
            report(live.run, settings.runs, live);
          },
          onRun: (run, done) => report(done, total, run),
          onSteps: (done, all) => report((done / all) * total, total),
        });
      };
    },
  },
});
export default experiment;

/** The model's settings for the figure's settings (the offset is null when it is drawn). */
export function experimentSettings(s: {
  methods: readonly Method[];
  lambda: number;
  mix: number;
  lr: number;
  seed: number;
  runs: number;
  outliers: number;
  offsetMode: string;
  offset: number;
}): ExperimentSettings {
  return { methods: [...s.methods], lambda: s.lambda, mix: s.mix, lr: s.lr, seed: s.seed, runs: s.runs, outliers: s.outliers, offset: s.offsetMode === 'fixed' ? s.offset : null };
}
