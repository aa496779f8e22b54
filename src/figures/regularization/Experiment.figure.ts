import type { Arithmetic, DatasetMode, ExampleOrder, Method, SplitKind } from '@neural-notes/nn';
import { METHOD_LABELS } from '../../plots/regularization/labels';
import { totalRuns, type CompactRun, type ExperimentOutput, type ExperimentSettings, type LiveCost } from '../../models/regularization/experiment';
import { SOURCE_PROTOCOL } from '../../models/regularization/source';
import { defineFigure, type Report } from '../figure';
import { EXPERIMENT_DATA } from '../own-data';

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
    order: {
      type: 'enum', values: ['epoch', 'once', 'fixed'] as const satisfies readonly ExampleOrder[], default: SOURCE_PROTOCOL.order,
      labels: { epoch: 'reshuffled every epoch', once: 'shuffled once per run', fixed: 'one fixed order for every run' },
      label: 'order of the training rows', description: 'Reshuffled every epoch (this site’s design), shuffled once per run and kept, or the order the split lists them in every epoch and every run.',
    },
    split: {
      type: 'enum', values: ['random', 'even'] as const satisfies readonly SplitKind[], default: SOURCE_PROTOCOL.split,
      labels: { random: 'random 80/20', even: 'every fifth point to test' },
      label: 'train/test split', description: 'A seeded random 80/20 split, or the author’s helper: test points 5, 10, …, 50 (indices 4, 9, …, 49).',
    },
    data: {
      type: 'enum', values: ['shared', 'fresh'] as const satisfies readonly DatasetMode[], default: SOURCE_PROTOCOL.dataset,
      labels: { shared: 'one dataset for all runs', fresh: 'a new dataset for each run' },
      label: 'data', description: 'One dataset for every run (as the source’s saved file), or a new draw for each run (run r’s from seed + r).',
    },
    arithmetic: {
      type: 'enum', values: ['float64', 'float32'] as const satisfies readonly Arithmetic[], default: SOURCE_PROTOCOL.arithmetic,
      labels: { float64: 'float64', float32: 'float32, as the source' }, url: 'arith',
      label: 'arithmetic', description: 'Double precision, or float32 as the source’s TensorFlow graph computed.',
    },
    pruned: {
      type: 'boolean', default: false,
      label: 'also train the post’s pruned shape, with L1 and with L2',
      description: 'Also run the source’s pruned network (1,10),(10,10),(10,1),(1,1) with L1 and with L2, and place the post’s pruned numbers among them.',
    },
    ownData: EXPERIMENT_DATA,
  },
  compute: {
    inputs: ['methods', 'lambda', 'mix', 'lr', 'seed', 'runs', 'outliers', 'offsetMode', 'offset', 'order', 'split', 'data', 'arithmetic', 'pruned', 'ownData'],
    load: async () => {
      const { runSettings } = await import('../../models/regularization/experiment');
      return (input, report: Report<CompactRun | LiveCost>): ExperimentOutput => {
        const settings = experimentSettings(input);
        const total = totalRuns(settings);
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
    // One run of each penalty the reader has chosen (about a twentieth of the default job), so each penalty's update is compiled.
    warmup: (input) => input.methods.map((method) => ({ ...input, methods: [method], runs: 1, pruned: false })),
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
  order: ExampleOrder;
  split: SplitKind;
  data: DatasetMode;
  arithmetic: Arithmetic;
  pruned: boolean;
  ownData?: [number, number][] | null;
}): ExperimentSettings {
  return {
    methods: [...s.methods], lambda: s.lambda, mix: s.mix, lr: s.lr, seed: s.seed, runs: s.runs, outliers: s.outliers, offset: s.offsetMode === 'fixed' ? s.offset : null,
    order: s.order, split: s.split, dataset: s.data, arithmetic: s.arithmetic, pruned: s.pruned,
    ...(s.ownData && { points: s.ownData }),
  };
}
