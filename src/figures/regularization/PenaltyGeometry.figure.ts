import { METHOD_LABELS } from '../../plots/regularization/labels';
import { GEOMETRY_DOMAIN } from '../../models/regularization/geometry';
import { defineFigure } from '../figure';

const [LO, HI] = GEOMETRY_DOMAIN;

export default defineFigure({
  name: 'PenaltyGeometry',
  description: 'L1 diamond, L2 circle and elastic net against a quadratic loss, with the penalised optimum and its path over λ; drawn at build time, live after.',
  defaultId: 'geo',
  frame: { minHeight: 740 },
  settings: {
    method: { type: 'enum', values: ['l1', 'l2', 'elastic'] as const, labels: METHOD_LABELS, default: 'l1', label: 'penalty', description: 'Penalty drawn first.' },
    lambda: { type: 'number', default: 1, min: 0, max: 3, step: 0.05, label: 'λ', description: 'Starting λ (the dashed path runs from 0 to the largest λ).' },
    mix: { type: 'number', default: 0.5, min: 0, max: 1, step: 0.05, label: 'mix m (L1 share)', description: 'Elastic net: the L1 share m.' },
    w1: { type: 'number', default: 1, min: LO, max: HI, step: 0.01, label: 'probe w₁', description: 'First weight of the probe point whose penalties are worked out.' },
    w2: { type: 'number', default: 1, min: LO, max: HI, step: 0.01, label: 'probe w₂', description: 'Second weight of the probe point.' },
  },
});
