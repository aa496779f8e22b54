import type { PropSpecs } from '../shared/props';

/** Props of <PruneRetrain>. */
export const pruneRetrainProps = {
  threshold: { type: 'number', default: 0.01, min: 0, max: 1, description: '|w| below which a weight counts as switched off.' },
  seed: { type: 'number', default: 1, min: 0, max: 1_000_000, integer: true, description: 'Base seed (as in the experiment).' },
  runs: { type: 'number', default: 5, min: 1, max: 50, integer: true, description: 'Runs of each architecture.' },
} satisfies PropSpecs;
