/**
 * Diagnostics of a network on some inputs, all in evaluation mode: how large the
 * gradient is at each layer (a vanishing-gradient figure), the pre-activations of a
 * layer, and how many hidden units are "dead" (get almost no gradient on any input).
 */
import type { PReluActivation } from './activations';
import { checkInteger, checkLength, checkNonNegative, fail } from './check';
import { loss as toLoss, type Loss, type LossName } from './losses';
import type { Network } from './network';

export interface LayerGradient {
  /** 0-based layer index (0 is the layer next to the input). */
  readonly layer: number;
  /** Frobenius norm ‖∂E/∂W_l‖ of the layer's weight gradient. */
  readonly weights: number;
  /** Euclidean norm ‖∂E/∂b_l‖; ∂E/∂b_l is the backpropagated error δ_l summed over the examples. */
  readonly delta: number;
}

function norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k] * values[k];
  return Math.sqrt(s);
}

/**
 * Per-layer gradient norms of E = loss(net(inputs), targets), summed over the
 * examples (evaluation-mode forward passes; the network is not changed).
 */
export function gradientNorms(
  net: Network,
  inputs: readonly ArrayLike<number>[],
  targets: readonly ArrayLike<number>[],
  lossName: LossName | Loss = 'sumSquared',
): LayerGradient[] {
  if (!Array.isArray(inputs) || inputs.length === 0) fail('inputs', 'a non-empty array', inputs);
  checkLength('targets', targets as unknown as ArrayLike<number>, inputs.length);
  const loss = toLoss(lossName);
  const grads = net.createGradients();
  inputs.forEach((input, r) => {
    const out = net.forward(input);
    checkLength(`targets[${r}]`, targets[r], out.length);
    net.backward(loss.grad(out, targets[r]), grads);
  });
  return net.layers.map((_, l) => ({ layer: l, weights: norm(grads.weights[l]), delta: norm(grads.biases[l]) }));
}

function checkInputs(inputs: readonly ArrayLike<number>[]): void {
  if (!Array.isArray(inputs) || inputs.length === 0) fail('inputs', 'a non-empty array', inputs);
}

/**
 * Pre-activations z = b + Wᵀa of layer `layer` (0-based) for every input: zs[r][j] is
 * unit j's z for inputs[r]. Evaluation-mode forward passes; the parameters are not changed.
 */
export function preActivations(net: Network, layer: number, inputs: readonly ArrayLike<number>[]): Float64Array[] {
  checkInteger('layer', layer, 0);
  if (layer >= net.layers.length) fail('layer', `an integer in [0, ${net.layers.length - 1}]`, layer);
  checkInputs(inputs);
  // net.forward fills the workspace: work.z[l] holds layer l's pre-activations of the last pass.
  return inputs.map((x) => {
    net.forward(x);
    return net.work.z[layer].slice();
  });
}

/**
 * Number of dead hidden units (every layer but the last): units whose activation
 * derivative |f'(z)| is below `threshold` on every input, so they pass (almost) no
 * gradient back. PReLU units are judged with their own learned slope.
 */
export function deadUnits(net: Network, inputs: readonly ArrayLike<number>[], threshold = 1e-3): number {
  checkInputs(inputs);
  checkNonNegative('threshold', threshold);
  let dead = 0;
  for (let l = 0; l < net.layers.length - 1; l++) {
    const L = net.layers[l];
    const zs = preActivations(net, l, inputs);
    const der = L.activation.name === 'prelu'
      ? (z: number, j: number) => (L.activation as PReluActivation).derAt(z, L.slopes[j])
      : (z: number) => L.activation.der(z);
    for (let j = 0; j < L.fanOut; j++) {
      if (zs.every((z) => Math.abs(der(z[j], j)) < threshold)) dead++;
    }
  }
  return dead;
}
