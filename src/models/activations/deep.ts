/**
 * The deep stack behind the vanishing-gradient figure: a seeded network of `depth` hidden
 * layers, one backward pass over seeded inputs (nn's gradientNorms), and the size of the
 * backpropagated error δ at every hidden layer. No training, so it is cheap enough to rerun on
 * every change.
 */
import { createNetwork, createRng, gradientNorms, type ActivationSpec } from '@neural-notes/nn';

export const DEEP_ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu'] as const;
export type DeepActivation = (typeof DEEP_ACTIVATIONS)[number];
export const DEEP_INITS = ['glorotUniform', 'heUniform'] as const;
export type DeepInit = (typeof DEEP_INITS)[number];

/** The activations of the deep figures, as the core names them (Leaky ReLU with slope 0.01, ELU with α = 1). */
export const DEEP_SPECS: Record<DeepActivation, ActivationSpec> = {
  sigmoid: { name: 'sigmoid' },
  tanh: { name: 'tanh' },
  relu: { name: 'relu' },
  leakyRelu: { name: 'leakyRelu', slope: 0.01 },
  elu: { name: 'elu', alpha: 1 },
};

export const MAX_DEPTH = 30;
/** Units per hidden layer, inputs per example and examples per backward pass. */
export const DEEP_WIDTH = 16;
const INPUTS = 8;
const EXAMPLES = 32;

export interface DeepInput {
  activation: DeepActivation;
  depth: number;
  seed: number;
  init: DeepInit;
}

/** ‖δ_l‖ for hidden layers l = 1 … depth (1 = next to the input), summed over the examples. */
export function layerErrors({ activation, depth, seed, init }: DeepInput): { layer: number; value: number }[] {
  const sizes = [INPUTS, ...Array.from({ length: depth }, () => DEEP_WIDTH), 1];
  // Stream 0 draws the weights, stream 1 the data: the same seed gives every activation the same weights and inputs.
  const net = createNetwork({ sizes, activation: DEEP_SPECS[activation], init, rng: createRng(seed, 0) });
  const data = createRng(seed, 1);
  const inputs = Array.from({ length: EXAMPLES }, () => Array.from({ length: INPUTS }, () => data.normal()));
  const targets = Array.from({ length: EXAMPLES }, () => [data.normal()]);
  return gradientNorms(net, inputs, targets, 'sumSquared')
    .slice(0, depth)
    .map((g) => ({ layer: g.layer + 1, value: g.delta }));
}

/**
 * The 0.25ⁿ line: where ‖δ‖ would be if each layer below the top multiplied it by sigmoid's
 * largest slope 0.25 and nothing else, anchored at the top hidden layer's measured value.
 */
export function quarterPowerLine(errors: readonly { layer: number; value: number }[]): { layer: number; value: number }[] {
  if (errors.length === 0) return [];
  const top = errors[errors.length - 1];
  return errors.map((e) => ({ layer: e.layer, value: top.value * 0.25 ** (top.layer - e.layer) }));
}

/**
 * How the error changed from the top hidden layer down to layer 1: the overall ratio
 * ‖δ_1‖/‖δ_top‖ and its per-layer geometric mean (null where a value is 0 or not finite).
 */
export function shrinkage(errors: readonly { layer: number; value: number }[]): { ratio: number | null; perLayer: number | null } {
  if (errors.length < 2) return { ratio: null, perLayer: null };
  const first = errors[0].value;
  const top = errors[errors.length - 1].value;
  if (!(first > 0 && top > 0 && Number.isFinite(first) && Number.isFinite(top))) return { ratio: null, perLayer: null };
  const ratio = first / top;
  return { ratio, perLayer: ratio ** (1 / (errors.length - 1)) };
}
