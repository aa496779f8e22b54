import { CHAIN_MAX_DEPTH, reachedLayer, traceChain, unrolled } from '../../models/activations/chain';
import { DEEP_ACTIVATIONS, DEEP_INITS } from '../../models/activations/deep';
import { FUNCTION_LABELS } from '../../plots/activations/labels';
import { defineFigure } from '../figure';
import type { SettingSpecs } from '../settings';

const settings = {
  activation: { type: 'enum', values: DEEP_ACTIVATIONS, labels: FUNCTION_LABELS, default: 'sigmoid', label: 'Activation f', url: 'f', description: 'The activation of every unit, the output’s too.' },
  depth: { type: 'number', default: 6, min: 2, max: CHAIN_MAX_DEPTH, integer: true, step: 1, label: 'Layers L', description: 'Layers of the chain, one unit each (layer L is the output).' },
  init: { type: 'enum', values: DEEP_INITS, labels: { glorotUniform: 'Glorot uniform', heUniform: 'He uniform' }, default: 'glorotUniform', label: 'Initial weights', description: 'How the weights are drawn.' },
  seed: { type: 'number', default: 1, min: 0, max: 1e9, integer: true, label: 'seed', description: 'Seed of the weights.' },
  x: { type: 'number', default: 1, min: -3, max: 3, step: 0.1, label: 'Input x', description: 'The example’s input.' },
  y: { type: 'number', default: 0, min: -3, max: 3, step: 0.1, label: 'Target y', description: 'The example’s target.' },
  step: { type: 'number', default: 1, min: 1, max: CHAIN_MAX_DEPTH - 1, integer: true, label: 'Steps back', url: 'at', description: 'How many layers back from the output the reader has stepped: layer l = L − steps (beyond layer 1, layer 1).' },
} as const satisfies SettingSpecs;

export default defineFigure({
  name: 'BackpropChain',
  description:
    'Backpropagation through a chain of one unit per layer, followed one layer at a time from the output back to the input: each weight, each slope f′(z) and the running product of the unrolled δ formula, computed by the core’s backward pass.',
  defaultId: 'chain',
  frame: { minHeight: 640 },
  settings,
  live: {
    example: String.raw`\delta^{(\live{l})} = w^{(\live{next})}\, \delta^{(\live{next})}\, f'\bigl(z^{(\live{l})}\bigr) = \live{w} \times \live{dnext} \times \live{slope} = \live{delta}`,
    values: {
      L: { label: 'L', description: 'The number of layers.', digits: 2, chars: 2 },
      l: { label: 'l', description: 'The layer reached.', digits: 2, chars: 2 },
      prev: { label: 'l − 1', description: 'The layer under the one reached (0 is the input).', digits: 2, chars: 2 },
      next: { label: 'l + 1', description: 'The layer above the one reached.', digits: 2, chars: 2 },
      x: { label: 'x', description: 'The input.', digits: 3, chars: 4 },
      y: { label: 'y', description: 'The target.', digits: 3, chars: 4 },
      yhat: { label: 'ŷ', description: 'The prediction a⁽ᴸ⁾.', digits: 4 },
      err: { label: 'ŷ − y', description: 'The error that starts the backward pass.', digits: 4 },
      slopeL: { label: 'f′(z⁽ᴸ⁾)', description: 'The output unit’s slope.', digits: 4 },
      deltaL: { label: 'δ⁽ᴸ⁾', description: 'The output’s error (ŷ − y) f′(z⁽ᴸ⁾).', digits: 4 },
      w: { label: 'w⁽ˡ⁺¹⁾', description: 'The weight from layer l to layer l + 1.', digits: 4 },
      dnext: { label: 'δ⁽ˡ⁺¹⁾', description: 'The error one layer above.', digits: 4 },
      wl: { label: 'w⁽ˡ⁾', description: 'The weight into layer l.', digits: 4 },
      b: { label: 'b⁽ˡ⁾', description: 'Layer l’s bias (0 as initialised).', digits: 4 },
      aprev: { label: 'a⁽ˡ⁻¹⁾', description: 'What layer l receives: the previous layer’s output (x for layer 1).', digits: 4 },
      z: { label: 'z⁽ˡ⁾', description: 'Layer l’s pre-activation.', digits: 4 },
      a: { label: 'a⁽ˡ⁾', description: 'Layer l’s output f(z⁽ˡ⁾).', digits: 4 },
      gradW: { label: '∂E/∂w⁽ˡ⁾', description: 'The gradient of the weight into layer l, δ⁽ˡ⁾a⁽ˡ⁻¹⁾, as the core computed it.', digits: 4 },
      slope: { label: 'f′(z⁽ˡ⁾)', description: 'Layer l’s slope.', digits: 4 },
      delta: { label: 'δ⁽ˡ⁾', description: 'Layer l’s error, as the core’s backward pass computed it.', digits: 4 },
      prodW: { label: '∏ w', description: 'The product of the weights w⁽ˡ⁺¹⁾ … w⁽ᴸ⁾.', digits: 4 },
      prodF: { label: '∏ f′', description: 'The product of the slopes f′(z⁽ˡ⁾) … f′(z⁽ᴸ⁾).', digits: 4 },
      product: { label: '(ŷ − y) ∏ w ∏ f′', description: 'The unrolled formula multiplied out (equal to δ⁽ˡ⁾).', digits: 4 },
    },
    compute(s) {
      const trace = traceChain(s);
      const l = reachedLayer(s.depth, s.step);
      const L = s.depth;
      const at = (k: number) => trace.layers[k - 1];
      const u = unrolled(trace, l);
      return {
        L, l, prev: l - 1, next: l + 1, x: s.x, y: s.y, yhat: trace.prediction, err: trace.error,
        slopeL: at(L).slope, deltaL: at(L).delta,
        w: at(l + 1).w, dnext: at(l + 1).delta, slope: at(l).slope, delta: at(l).delta,
        wl: at(l).w, b: at(l).b, aprev: l > 1 ? at(l - 1).a : s.x, z: at(l).z, a: at(l).a, gradW: at(l).gradW,
        prodW: u.weights, prodF: u.slopes, product: u.delta,
      };
    },
  },
});
