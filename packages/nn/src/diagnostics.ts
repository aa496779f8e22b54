/**
 * Gradient diagnostics, e.g. for a vanishing-gradient figure: how large the
 * gradient is at each layer of a (deep) network for some inputs.
 */
import { checkLength, fail } from './check';
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
