import { FUNCTIONS, makeActivation } from '../../models/activations/functions';
import { FUNCTION_LABELS } from '../../plots/activations/labels';
import { defineFigure, type LiveValue } from '../figure';

/** Each function's value and slope at the cursor, for live formulas: `f.relu`, `d.relu`, … */
const perFunction: Record<string, LiveValue> = Object.fromEntries(
  FUNCTIONS.flatMap((fn) => [
    [`f.${fn}`, { label: `${FUNCTION_LABELS[fn]} f(x)`, description: `${FUNCTION_LABELS[fn]} at the cursor.`, digits: 4 }],
    [`d.${fn}`, { label: `${FUNCTION_LABELS[fn]} f′(x)`, description: `The slope of ${FUNCTION_LABELS[fn]} at the cursor.`, digits: 4 }],
  ]),
);

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
  live: {
    example: String.raw`f(\live{x}) = \frac{1}{1 + e^{-(\live{x})}} = \live{f.sigmoid}, \qquad f'(\live{x}) = \live{d.sigmoid}`,
    values: {
      x: { label: 'x', description: 'Where the readout cursor is.', digits: 3, chars: 5 },
      ex: { label: 'eˣ', description: 'e to the power x, at the cursor.', digits: 4 },
      emx: { label: 'e⁻ˣ', description: 'e to the power −x, at the cursor.', digits: 4 },
      slope: { label: 'Leaky slope', description: 'Leaky ReLU’s negative slope.', digits: 3, chars: 4 },
      a: { label: 'a', description: 'PReLU’s slope a.', digits: 3, chars: 5 },
      alpha: { label: 'α', description: 'ELU’s α.', digits: 3, chars: 4 },
      lower: { label: 'l', description: 'RReLU’s lower bound l.', digits: 3, chars: 4 },
      upper: { label: 'u', description: 'RReLU’s upper bound u.', digits: 3, chars: 4 },
      evalSlope: { label: '2/(l + u)', description: 'RReLU’s slope in evaluation mode, 2/(l + u).', digits: 4, chars: 6 },
      pos: { label: 'max(0, x)', description: 'The positive part of x, max(0, x).', digits: 3, chars: 5 },
      neg: { label: 'min(0, x)', description: 'The negative part of x, min(0, x) (also PReLU’s ∂f/∂a).', digits: 3, chars: 5 },
      eneg: { label: 'e^min(0, x)', description: 'e to the power min(0, x) (ELU’s negative side).', digits: 4, chars: 6 },
      ...perFunction,
    },
    compute(s, at) {
      const x = Math.min(s.xMax, Math.max(s.xMin, at?.x ?? s.cursor));
      const out: Record<string, number> = {
        x, ex: Math.exp(x), emx: Math.exp(-x), slope: s.slope, a: s.a, alpha: s.alpha, lower: s.lower, upper: s.upper, evalSlope: 2 / (s.lower + s.upper),
        pos: Math.max(0, x), neg: Math.min(0, x), eneg: Math.exp(Math.min(0, x)),
      };
      for (const fn of FUNCTIONS) {
        const act = makeActivation(fn, s);
        out[`f.${fn}`] = act.output(x);
        out[`d.${fn}`] = act.der(x);
      }
      return out;
    },
  },
  rules: (s) =>
    s.xMin >= s.xMax ? `xMin (${s.xMin}) must be less than xMax (${s.xMax})` : s.lower > s.upper ? `lower (${s.lower}) must not exceed upper (${s.upper})` : null,
});
