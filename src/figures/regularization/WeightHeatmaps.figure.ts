import { frameAt, keepFrame, type PackedHeatmap } from '../../models/regularization/heatmap-frames';
import { SOURCE_PROTOCOL } from '../../models/regularization/source';
import { defineFigure, type Report } from '../figure';
import { EXPERIMENT_DATA } from '../own-data';

export default defineFigure({
  name: 'WeightHeatmaps',
  description: 'The weight matrices of one L1 run and one L2 run through training, computed at build time and retrained in a worker for a new seed or λ.',
  defaultId: 'heat',
  frame: { minHeight: 820 },
  settings: {
    lambda: { type: 'number', default: SOURCE_PROTOCOL.lambda, min: 0, max: 10, showRange: true, label: 'λ', description: 'Penalty strength λ.' },
    seed: { type: 'number', default: SOURCE_PROTOCOL.seed, min: 0, max: 1_000_000, integer: true, label: 'seed', description: 'Seed of the data and of run 1.' },
    every: { type: 'number', default: 2, min: 1, max: 20, integer: true, label: 'epochs per frame', url: false, description: 'Epochs between two frames of the animation.' },
    threshold: { type: 'number', default: 0.01, min: 0, max: 1, label: '“near zero” below |w| =', description: '|w| below which a weight counts as near zero (outlined units).' },
    epoch: { type: 'number', default: 100, min: 0, max: 100, integer: true, step: 1, label: 'epoch', description: 'Epoch shown at first (the nearest frame).' },
    ownData: EXPERIMENT_DATA,
  },
  // The page carries the frame on screen; the worker recomputes the others when the reader scrubs or plays.
  island: (runs: PackedHeatmap[], s) => runs.map((r) => ({ ...r, frames: keepFrame(r.frames, frameAt(r.epochs, s.epoch)) })),
  compute: {
    inputs: ['seed', 'lambda', 'every', 'ownData'],
    load: async () => {
      const { heatmapRuns } = await import('../../models/regularization/heatmaps');
      return (input, report: Report<never>): PackedHeatmap[] => heatmapRuns(input, (done, total) => report(done, total));
    },
    // The same training, keeping few frames (the job's input has no smaller size).
    warmup: (input) => [{ ...input, every: 20 }],
  },
});
