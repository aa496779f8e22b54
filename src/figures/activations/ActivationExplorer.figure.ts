import { FUNCTIONS } from '../../models/activations/functions';
import { FUNCTION_LABELS } from '../../plots/activations/labels';
import { defineFigure } from '../figure';

export default defineFigure({
  name: 'ActivationExplorer',
  description:
    'An activation function and its derivative, drawn live: pick one or compare several, set each parameter (Leaky slope, PReLU a, ELU α, RReLU bounds), and read x, f(x), f′(x) under the pointer or with the arrow keys.',
  defaultId: 'explorer',
  frame: { minHeight: 380 },
  settings: {
    functions: { type: 'list', values: FUNCTIONS, labels: FUNCTION_LABELS, default: ['sigmoid'], label: 'Show', url: 'fns', description: 'Functions drawn at first.' },
    compare: { type: 'boolean', default: false, label: 'Compare', url: false, description: 'Show the function picker, so several functions can be overlaid.' },
    xMin: { type: 'number', default: -5, min: -50, max: 49, label: 'x from', url: 'x0', description: 'Left end of the x-range.' },
    xMax: { type: 'number', default: 5, min: -49, max: 50, label: 'x to', url: 'x1', description: 'Right end of the x-range.' },
    cursor: { type: 'number', default: -1.5, min: -50, max: 50, label: 'x', url: false, description: 'Where the readout cursor starts.' },
    slope: { type: 'number', default: 0.01, min: 0, max: 1, step: 0.01, label: 'Leaky slope', description: 'Leaky ReLU negative slope.' },
    a: { type: 'number', default: 0.25, min: -0.5, max: 1, step: 0.01, label: 'PReLU a', description: 'PReLU slope a.' },
    alpha: { type: 'number', default: 1, min: 0, max: 3, step: 0.05, label: 'ELU α', description: 'ELU α.' },
    lower: { type: 'number', default: 3, min: 0.5, max: 50, label: 'RReLU l', description: 'RReLU lower bound l of a ~ U(l, u).' },
    upper: { type: 'number', default: 8, min: 0.5, max: 50, label: 'RReLU u', description: 'RReLU upper bound u of a ~ U(l, u).' },
    training: { type: 'boolean', default: false, label: 'Show slopes drawn in training', url: 'train', description: 'RReLU: also show the slopes drawn in training mode.' },
    seed: { type: 'number', default: 1, min: 0, max: 1e9, integer: true, label: 'seed', prop: false, description: 'Seed of the RReLU training-mode draw (Resample).' },
  },
  rules: (s) =>
    s.xMin >= s.xMax ? `xMin (${s.xMin}) must be less than xMax (${s.xMax})` : s.lower > s.upper ? `lower (${s.lower}) must not exceed upper (${s.upper})` : null,
});
