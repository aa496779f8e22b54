import type { PropSpecs } from '../shared/props';

export const preluSlopesProps = {
  lr: { type: 'number', default: 0.01, min: 0.0001, max: 0.1, description: 'Learning rate ε at first.' },
  momentum: { type: 'number', default: 0.9, min: 0, max: 0.99, description: 'Momentum μ at first.' },
  seed: { type: 'number', default: 1, min: 0, max: 1e9, integer: true, description: 'Seed of the task, weights and order.' },
  epochs: { type: 'number', default: 60, min: 5, max: 200, integer: true, description: 'Epochs at first.' },
} satisfies PropSpecs;
