import type { PropSpecs } from '../shared/props';
import { FUNCTIONS } from './logic';

/** Leaky ReLU's negative slope: from 0 (ReLU) to 1 (the identity), for the prop, the slider and the URL. */
export const LEAKY_SLOPE = { min: 0, max: 1 } as const;

export const activationExplorerProps = {
  functions: { type: 'enum[]', values: FUNCTIONS, default: ['sigmoid'], description: 'Functions drawn at first.' },
  compare: { type: 'boolean', default: false, description: 'Show the function picker, so several functions can be overlaid.' },
  xMin: { type: 'number', default: -5, min: -50, max: 49, description: 'Left end of the x-range.' },
  xMax: { type: 'number', default: 5, min: -49, max: 50, description: 'Right end of the x-range.' },
  cursor: { type: 'number', default: -1.5, min: -50, max: 50, description: 'Where the readout cursor starts.' },
  slope: { type: 'number', default: 0.01, min: LEAKY_SLOPE.min, max: LEAKY_SLOPE.max, description: 'Leaky ReLU negative slope.' },
  a: { type: 'number', default: 0.25, min: -0.5, max: 1, description: 'PReLU slope a.' },
  alpha: { type: 'number', default: 1, min: 0, max: 3, description: 'ELU α.' },
  lower: { type: 'number', default: 3, min: 0.5, max: 50, description: 'RReLU lower bound l of a ~ U(l, u).' },
  upper: { type: 'number', default: 8, min: 0.5, max: 50, description: 'RReLU upper bound u of a ~ U(l, u).' },
  training: { type: 'boolean', default: false, description: 'RReLU: also show the slopes drawn in training mode.' },
} satisfies PropSpecs;
