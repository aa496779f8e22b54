import type { PropSpecs } from '../shared/props';

export const DEAD_LRS = ['0.003', '0.01', '0.03', '0.05', '0.1'] as const;

export const deadUnitsProps = {
  lr: { type: 'enum', values: DEAD_LRS, default: '0.05', description: 'Learning rate at first.' },
  seed: { type: 'number', default: 3, min: 0, max: 1e9, integer: true, description: 'Seed of the task, weights and order.' },
  epochs: { type: 'number', default: 30, min: 5, max: 100, integer: true, description: 'Epochs per run at first.' },
} satisfies PropSpecs;
