import { SOURCE_SIZES } from '@neural-notes/nn';
import { WALK_METHODS, WALK_STEPS, walkFor, type StepDetail, type WalkMethod } from '../../models/regularization/sgd-walk';
import { SOURCE_PROTOCOL } from '../../models/regularization/source';
import { METHOD_LABELS } from '../../plots/regularization/labels';
import { defineFigure, type LiveValue } from '../figure';

const widest = Math.max(...SOURCE_SIZES);

/** Each run's numbers of the step, for live formulas: `l1.yhat`, `l2.next`, … */
const perMethod = (m: WalkMethod): Record<string, LiveValue> => {
  const name = METHOD_LABELS[m];
  return {
    [`${m}.yhat`]: { label: `${name} ŷ`, description: `The ${name} run’s prediction ŷ for the step’s x, before the step.`, decimals: 3, chars: 7.2 },
    [`${m}.err`]: { label: `${name} |ŷ − y|`, description: `The ${name} run’s absolute error |ŷ − y| of the step.`, decimals: 3, chars: 6 },
    [`${m}.dout`]: { label: `${name} sign(ŷ − y)`, description: `The ${name} run’s δ at the output, ∂E/∂ŷ = sign(ŷ − y).`, decimals: 0, chars: 2 },
    [`${m}.sum`]: {
      label: m === 'l1' ? `${name} Σ|W|` : `${name} ΣW²`,
      description: m === 'l1' ? 'The sum of |w| over the L1 run’s 220 weights before the step.' : 'The sum of w² over the L2 run’s 220 weights before the step.',
      decimals: 3,
      chars: 6.6,
    },
    [`${m}.pen`]: { label: `${name} penalty`, description: `The ${name} run’s penalty before the step (λΣ|W| or λΣW²/2), as training computed it.`, decimals: 3, chars: 6 },
    [`${m}.cost`]: { label: `${name} cost`, description: `The ${name} run’s cost of the step, |ŷ − y| plus the penalty.`, decimals: 3, chars: 6 },
    [`${m}.a`]: { label: `${name} a`, description: `What flows into the followed weight in the ${name} run’s forward pass, a of its row’s unit.`, decimals: 5, chars: 8.2 },
    [`${m}.delta`]: { label: `${name} δ`, description: `The error backpropagated to the unit the followed weight feeds, δ = ∂E/∂z, in the ${name} run.`, decimals: 5, chars: 8.2 },
    [`${m}.grad`]: { label: `${name} ∂E/∂w`, description: `The followed weight’s gradient of the error, a·δ, in the ${name} run.`, decimals: 5, chars: 8.2 },
    [`${m}.w`]: { label: `${name} w`, description: `The followed weight before the step, in the ${name} run.`, decimals: 5, chars: 8.2 },
    [`${m}.sign`]: { label: `${name} sign(w)`, description: `The sign of the followed weight (sign(0) = 0), in the ${name} run.`, decimals: 0, chars: 2 },
    [`${m}.pgrad`]: {
      label: `${name} penalty gradient`,
      description: m === 'l1' ? 'The L1 penalty’s gradient at the followed weight, λ·sign(w).' : 'The L2 penalty’s gradient at the followed weight, λw.',
      decimals: 5,
      chars: 8.2,
    },
    // The step's parts with one decimal more than the weights: late in training η·∂E/∂w is a few millionths,
    // which five decimals would print as 0.00000 beside a gradient that is not zero.
    [`${m}.dmove`]: { label: `${name} η·∂E/∂w`, description: `The data loss’s part of the step, η·∂E/∂w, in the ${name} run.`, decimals: 6, chars: 9.2 },
    [`${m}.move`]: { label: `${name} η(∂E/∂w + penalty gradient)`, description: `How far the step moves the followed weight down, in the ${name} run.`, decimals: 6, chars: 9.2 },
    [`${m}.pmove`]: {
      label: m === 'l1' ? `${name} ηλ·sign(w)` : `${name} ηλw`,
      description: `The penalty’s part of the step, in the ${name} run.`,
      decimals: 6,
      chars: 9.2,
    },
    [`${m}.next`]: { label: `${name} new w`, description: `The followed weight after the step, in the ${name} run (the core’s training step).`, decimals: 5, chars: 8.2 },
  };
};

/** The numbers of a step that formulas can show. */
export function liveNumbers(d: StepDetail): Record<string, number> {
  const out: Record<string, number> = {
    step: d.step, epoch: d.epoch, x: d.x, y: d.y, lambda: d.lambda, eta: d.lr,
    l: d.weight.layer, prev: d.weight.layer - 1, i: d.weight.row, j: d.weight.col,
  };
  for (const m of WALK_METHODS) {
    const s = d[m];
    const f = s.followed;
    Object.assign(out, {
      [`${m}.yhat`]: s.yhat, [`${m}.err`]: s.dataLoss, [`${m}.dout`]: s.outGrad,
      [`${m}.sum`]: m === 'l1' ? s.sumAbs : s.sumSq, [`${m}.pen`]: s.penalty, [`${m}.cost`]: s.cost,
      [`${m}.a`]: f.a, [`${m}.delta`]: f.delta, [`${m}.grad`]: f.grad,
      [`${m}.w`]: f.w, [`${m}.sign`]: f.sign, [`${m}.pgrad`]: f.penaltyGrad, [`${m}.move`]: f.move, [`${m}.dmove`]: f.dataMove, [`${m}.pmove`]: f.penaltyMove, [`${m}.next`]: f.next,
    });
  }
  return out;
}

export default defineFigure({
  name: 'SgdStep',
  description:
    'One SGD step of the experiment’s network, every number: the forward pass, the absolute error, backpropagation to a chosen weight, the penalty’s gradient and the update, for the first L1 run and the first L2 run side by side (the weight heatmaps’ runs, step for step); step, play or jump to any of the 4000 steps.',
  defaultId: 'step',
  frame: { minHeight: 1000 },
  settings: {
    step: { type: 'number', default: 1, min: 1, max: WALK_STEPS, integer: true, showRange: true, label: 'step', description: 'The training step shown (1 is the first; epoch e is steps 40(e − 1) + 1 to 40e).' },
    layer: { type: 'number', default: 2, min: 1, max: SOURCE_SIZES.length - 1, integer: true, choices: [1, 2, 3, 4], label: 'matrix l', url: 'l', description: 'The followed weight’s matrix W⁽ˡ⁾ (1 is next to the input).' },
    row: { type: 'number', default: 3, min: 1, max: widest, integer: true, step: 1, label: 'row i (from unit)', url: 'i', description: 'The followed weight’s row: the unit of layer l − 1 it comes from; beyond the matrix’s last row, the last.' },
    col: { type: 'number', default: 4, min: 1, max: widest, integer: true, step: 1, label: 'column j (to unit)', url: 'j', description: 'The followed weight’s column: the unit of layer l it feeds; beyond the matrix’s last column, the last.' },
    speed: { type: 'number', default: 2, min: 1, max: 20, choices: [1, 2, 5, 10, 20], label: 'steps per second', url: false, description: 'How fast Play steps.' },
    seed: { type: 'number', default: SOURCE_PROTOCOL.seed, min: 0, max: 1_000_000, integer: true, label: 'seed', description: 'Seed of the data and of run 1 (as the weight heatmaps’).' },
    lambda: { type: 'number', default: SOURCE_PROTOCOL.lambda, min: 0, max: 10, showRange: true, label: 'λ', description: 'Penalty strength λ of both runs.' },
  },
  live: {
    values: {
      step: { label: 'step', description: 'The step shown.', decimals: 0, chars: 4 },
      epoch: { label: 'epoch', description: 'The step’s epoch (1-based).', decimals: 0, chars: 3 },
      x: { label: 'x', description: 'The step’s example: its input x.', digits: 4, chars: 5 },
      y: { label: 'y', description: 'The step’s example: its target y.', decimals: 3, chars: 6 },
      lambda: { label: 'λ', description: 'The penalty strength λ.', digits: 3, chars: 3.2 },
      eta: { label: 'η', description: 'The learning rate η.', digits: 3, chars: 4 },
      l: { label: 'l', description: 'The followed weight’s matrix l.', decimals: 0, chars: 1 },
      prev: { label: 'l − 1', description: 'The layer the followed weight comes from, l − 1 (0 is the input).', decimals: 0, chars: 1 },
      i: { label: 'i', description: 'The followed weight’s row i.', decimals: 0, chars: 2 },
      j: { label: 'j', description: 'The followed weight’s column j.', decimals: 0, chars: 2 },
      ...perMethod('l1'),
      ...perMethod('l2'),
    },
    example: String.raw`W^{(\live{l})}_{\live{i},\live{j}} \leftarrow \live{l1.w} - (\live{l1.dmove}) - (\live{l1.pmove}) = \live{l1.next}`,
    compute(s) {
      return liveNumbers(walkFor(s).detail(s.step, { layer: s.layer, row: s.row, col: s.col }));
    },
  },
});
