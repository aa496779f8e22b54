import { defineFigure, type Report } from '../figure';
import { TASK_DATA } from '../own-data';
import type { DeadUnitsResult, DeadUnitsSeries } from '../../models/activations/dead-units';

export default defineFigure({
  name: 'DeadUnits',
  description: 'A small network trained live (in a worker) with ReLU, Leaky ReLU, PReLU and ELU from the same start, counting the units that end up dead.',
  defaultId: 'dead',
  frame: { minHeight: 640 },
  settings: {
    lr: { type: 'number', choices: [0.003, 0.01, 0.03, 0.05, 0.1], default: 0.05, min: 0.003, max: 0.1, label: 'Learning rate', description: 'Learning rate at first.' },
    seed: { type: 'number', default: 3, min: 0, max: 1e9, integer: true, label: 'seed', description: 'Seed of the task, weights and order.' },
    epochs: { type: 'number', default: 30, min: 5, max: 100, integer: true, step: 5, label: 'Epochs', description: 'Epochs per run at first.' },
    ownData: TASK_DATA,
  },
  compute: {
    inputs: ['lr', 'seed', 'epochs', 'ownData'],
    load: async () => {
      const { runDeadUnits } = await import('../../models/activations/dead-units');
      return (input, report: Report<DeadUnitsSeries[]>): DeadUnitsResult => runDeadUnits(input, report);
    },
    // The fewest epochs a reader can choose.
    warmup: (input) => [{ ...input, epochs: 5 }],
  },
});
