import { METHOD_LABELS } from '../../plots/regularization/labels';
import { GEOMETRY_DOMAIN, penaltyFor } from '../../models/regularization/geometry';
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
  live: {
    values: {
      lambda: { label: 'λ', description: 'The penalty strength λ.', decimals: 2, chars: 4.2 },
      m: { label: 'm', description: 'The elastic net’s L1 share m.', decimals: 2, chars: 4.2 },
      mc: { label: '1 − m', description: 'The elastic net’s L2 share, 1 − m.', decimals: 2, chars: 4.2 },
      w1: { label: 'w₁', description: 'The probe’s first weight.', decimals: 2, chars: 5.2 },
      w2: { label: 'w₂', description: 'The probe’s second weight.', decimals: 2, chars: 5.2 },
      abs: { label: '|w₁| + |w₂|', description: 'The probe’s |w₁| + |w₂|.', decimals: 2, chars: 4.2 },
      sq: { label: 'w₁² + w₂²', description: 'The probe’s w₁² + w₂².', decimals: 4, chars: 7.2 },
      r1: { label: 'R₁', description: 'The L1 penalty at the probe, λ(|w₁| + |w₂|).', decimals: 3, chars: 5.6 },
      r2: { label: 'R₂', description: 'The L2 penalty at the probe, λ(w₁² + w₂²)/2.', decimals: 3, chars: 5.6 },
      ren: { label: 'R_en', description: 'The elastic net’s penalty at the probe, λ[m(|w₁| + |w₂|) + (1 − m)(w₁² + w₂²)/2].', decimals: 3, chars: 5.6 },
    },
    example: String.raw`R_1(\mathbf{w}) = \lambda\,(|w_1| + |w_2|) = \live{lambda}\,(|\live{w1}| + |\live{w2}|) = \live{r1}`,
    compute({ lambda, mix, w1, w2 }) {
      const probe: [number, number] = [w1, w2];
      return {
        lambda, m: mix, mc: 1 - mix, w1, w2,
        abs: Math.abs(w1) + Math.abs(w2),
        sq: w1 * w1 + w2 * w2,
        r1: penaltyFor('l1', lambda, mix).value(probe),
        r2: penaltyFor('l2', lambda, mix).value(probe),
        ren: penaltyFor('elastic', lambda, mix).value(probe),
      };
    },
  },
});
