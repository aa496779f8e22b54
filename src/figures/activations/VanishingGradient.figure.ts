import { DEEP_ACTIVATIONS, DEEP_INITS, MAX_DEPTH } from '../../models/activations/deep';
import { FUNCTION_LABELS } from '../../plots/activations/labels';
import { defineFigure } from '../figure';

export default defineFigure({
  name: 'VanishingGradient',
  description:
    'The size of the backpropagated error at every layer of a deep network (real backpropagation on seeded inputs, log scale), with the 0.25ⁿ bound for the sigmoid.',
  defaultId: 'vanishing',
  frame: { minHeight: 620 },
  settings: {
    activations: { type: 'list', values: DEEP_ACTIVATIONS, labels: FUNCTION_LABELS, default: ['sigmoid', 'tanh', 'relu'], label: 'Activations', url: 'acts', description: 'Activations compared at first.' },
    depth: { type: 'number', default: 20, min: 2, max: MAX_DEPTH, integer: true, step: 1, label: 'Hidden layers', description: 'Hidden layers at first.' },
    init: { type: 'enum', values: DEEP_INITS, labels: { glorotUniform: 'Glorot uniform', heUniform: 'He uniform' }, default: 'glorotUniform', label: 'Initial weights', description: 'Weight initialiser at first.' },
    seed: { type: 'number', default: 1, min: 0, max: 1e9, integer: true, label: 'seed', description: 'Seed of the weights and inputs.' },
  },
});
