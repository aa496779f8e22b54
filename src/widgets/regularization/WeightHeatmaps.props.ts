import type { PropSpecs } from '../shared/props';

/** Props of <WeightHeatmaps>: run 1 of L1 and of L2, snapshots every `every` epochs. */
export const weightHeatmapsProps = {
  lambda: { type: 'number', default: 0.3, min: 0, max: 10, description: 'Penalty strength λ.' },
  seed: { type: 'number', default: 1, min: 0, max: 1_000_000, integer: true, description: 'Seed of the data and of run 1.' },
  every: { type: 'number', default: 2, min: 1, max: 20, integer: true, description: 'Epochs between two frames of the animation.' },
} satisfies PropSpecs;
