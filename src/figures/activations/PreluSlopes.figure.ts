import { defineFigure, type LiveValue, type Report } from '../figure';
import { TASK_DATA } from '../own-data';
import { PRELU_UNITS, type PreluResult } from '../../models/activations/prelu';

const UNIT_LABELS = Object.fromEntries(PRELU_UNITS.map((u) => [u, `layer ${u.split('.')[0]}, unit ${u.split('.')[1]}`]));

const LIVE = {
  l: { label: 'layer', description: 'The followed unit’s layer.', digits: 1, chars: 1 },
  j: { label: 'unit', description: 'The followed unit within its layer.', digits: 1, chars: 1 },
  step: { label: 'step', description: 'The last step of training (epochs × examples).', digits: 5, chars: 5 },
  x: { label: 'x', description: 'The last step’s input x.', digits: 4 },
  z: { label: 'z', description: 'The unit’s pre-activation for that x, before the step.', digits: 4 },
  outgrad: { label: '∂E/∂f(z)', description: 'The error arriving at the unit’s output (the core’s backward pass).', digits: 4, chars: 9 },
  neg: { label: 'min(0, z)', description: '∂f/∂a: the input where it is negative, else 0.', digits: 4 },
  grad: { label: '∂E/∂a', description: 'The slope’s gradient ∂E/∂f(z) · min(0, z).', digits: 4, chars: 9 },
  mu: { label: 'μ', description: 'The run’s momentum.', digits: 3, chars: 4 },
  eps: { label: 'ε', description: 'The run’s learning rate.', digits: 3, chars: 6 },
  moveprev: { label: 'Δa before', description: 'The slope’s velocity before the step (the previous step’s move).', digits: 4, chars: 9 },
  move: { label: 'Δa', description: 'The step’s move μΔa + ε ∂E/∂a.', digits: 4, chars: 9 },
  a: { label: 'a', description: 'The slope before the step.', digits: 7 },
  next: { label: 'a − Δa', description: 'The slope after the step: where training left it.', digits: 7 },
} as const satisfies Record<string, LiveValue>;

export default defineFigure({
  name: 'PreluSlopes',
  description:
    'A small PReLU network trained live (in a worker): every unit’s learned negative slope over training, from 0.25, with controls for the learning rate and momentum. It lends the last step of training, for a unit the reader picks, to formulas.',
  defaultId: 'prelu-slopes',
  frame: { minHeight: 640 },
  settings: {
    lr: { type: 'number', default: 0.01, min: 0.0001, max: 0.1, label: 'Learning rate ε', description: 'Learning rate ε at first.' },
    momentum: { type: 'number', default: 0.9, min: 0, max: 0.99, step: 0.01, label: 'Momentum μ', url: 'mu', description: 'Momentum μ at first.' },
    seed: { type: 'number', default: 1, min: 0, max: 1e9, integer: true, label: 'seed', description: 'Seed of the task, weights and order.' },
    epochs: { type: 'number', default: 60, min: 10, max: 200, integer: true, step: 10, label: 'Epochs', description: 'Epochs at first.' },
    ownData: TASK_DATA,
    unit: { type: 'enum', values: PRELU_UNITS, labels: UNIT_LABELS, default: '1.3', label: 'Unit in the formulas', description: 'The unit whose last step of training the formulas show (layer.unit).' },
  },
  compute: {
    inputs: ['lr', 'momentum', 'seed', 'epochs', 'ownData'],
    load: async () => {
      const { runPrelu } = await import('../../models/activations/prelu');
      return (input, report: Report<PreluResult>): PreluResult => runPrelu(input, report);
    },
  },
  live: {
    example: String.raw`\Delta a \leftarrow \live{mu} \times (\live{moveprev}) + \live{eps} \times (\live{grad}) = \live{move}`,
    values: LIVE,
    compute(s, _at, r): Record<string, number> {
      const u = r?.last ? r.units.indexOf(s.unit) : -1;
      // no last step (the run diverged): every number a dash, none left over from the run before
      if (!r?.last || u < 0) return Object.fromEntries(Object.keys(LIVE).map((name) => [name, NaN]));
      const [l, j] = s.unit.split('.').map(Number);
      const unit = r.last.units[u];
      return {
        l, j, step: r.last.step, x: r.last.x, z: unit.z, outgrad: unit.outGrad, neg: unit.neg, grad: unit.grad,
        mu: r.input.momentum, eps: r.input.lr, moveprev: unit.movePrev, move: unit.move, a: unit.a, next: unit.next,
      };
    },
  },
});
