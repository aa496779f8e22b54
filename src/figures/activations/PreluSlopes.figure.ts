import { defineFigure, type Report } from '../figure';
import { TASK_DATA } from '../own-data';
import type { PreluResult } from '../../models/activations/prelu';

export default defineFigure({
  name: 'PreluSlopes',
  description:
    'A small PReLU network trained live (in a worker): every unit’s learned negative slope over training, from 0.25, with controls for the learning rate and momentum.',
  defaultId: 'prelu-slopes',
  frame: { minHeight: 640 },
  settings: {
    lr: { type: 'number', default: 0.01, min: 0.0001, max: 0.1, label: 'Learning rate ε', description: 'Learning rate ε at first.' },
    momentum: { type: 'number', default: 0.9, min: 0, max: 0.99, step: 0.01, label: 'Momentum μ', url: 'mu', description: 'Momentum μ at first.' },
    seed: { type: 'number', default: 1, min: 0, max: 1e9, integer: true, label: 'seed', description: 'Seed of the task, weights and order.' },
    epochs: { type: 'number', default: 60, min: 10, max: 200, integer: true, step: 10, label: 'Epochs', description: 'Epochs at first.' },
    ownData: TASK_DATA,
  },
  compute: {
    inputs: ['lr', 'momentum', 'seed', 'epochs', 'ownData'],
    load: async () => {
      const { runPrelu } = await import('../../models/activations/prelu');
      return (input, report: Report<PreluResult>): PreluResult => runPrelu(input, report);
    },
  },
});
