import type { PropSpecs } from '../shared/props';
import { DEEP_ACTIVATIONS, DEEP_INITS, MAX_DEPTH } from './deep';

export const vanishingGradientProps = {
  activations: { type: 'enum[]', values: DEEP_ACTIVATIONS, default: ['sigmoid', 'tanh', 'relu'], description: 'Activations compared at first.' },
  depth: { type: 'number', default: 20, min: 2, max: MAX_DEPTH, integer: true, description: 'Hidden layers at first.' },
  init: { type: 'enum', values: DEEP_INITS, default: 'glorotUniform', description: 'Weight initialiser at first.' },
  seed: { type: 'number', default: 1, min: 0, max: 1e9, integer: true, description: 'Seed of the weights and inputs.' },
} satisfies PropSpecs;
