/**
 * Backpropagation through a chain of one unit per layer (the article's unrolled δ formula): a
 * seeded network of `depth` layers, each a single unit with the same activation f (the output
 * too), one example (x, y), and the squared error E = ½(ŷ − y)². The core does the forward and
 * backward passes; the same numbers are also multiplied out here, factor by factor, as the reader
 * follows them from the output back to layer 1.
 */
import { activation as makeActivation, createNetwork, createRng, type Network } from '@neural-notes/nn';
import { DEEP_SPECS, type DeepActivation, type DeepInit } from './deep';

export const CHAIN_MAX_DEPTH = 30;

export interface ChainInput {
  activation: DeepActivation;
  /** Layers L (each one unit; layer L is the output). */
  depth: number;
  init: DeepInit;
  seed: number;
  /** The input x and the target y. */
  x: number;
  y: number;
}

/** Layer k (1 … L) of the chain after one forward and one backward pass. */
export interface ChainLayer {
  k: number;
  /** w⁽ᵏ⁾, the weight into layer k, and its bias (0 as initialised). */
  w: number;
  b: number;
  /** z⁽ᵏ⁾ = w⁽ᵏ⁾a⁽ᵏ⁻¹⁾ + b⁽ᵏ⁾, a⁽ᵏ⁾ = f(z⁽ᵏ⁾), and the slope f′(z⁽ᵏ⁾). */
  z: number;
  a: number;
  slope: number;
  /** δ⁽ᵏ⁾ = ∂E/∂z⁽ᵏ⁾, as the core's backward pass computed it. */
  delta: number;
  /** ∂E/∂w⁽ᵏ⁾ = δ⁽ᵏ⁾a⁽ᵏ⁻¹⁾, as the core computed it. */
  gradW: number;
}

export interface ChainTrace {
  layers: ChainLayer[];
  /** ŷ = a⁽ᴸ⁾ and the error ŷ − y that starts the backward pass. */
  prediction: number;
  error: number;
}

/** The chain's network: weights from stream 0 of the seed, as the vanishing-gradient figure draws its own. */
export function chainNetwork({ activation, depth, init, seed }: Pick<ChainInput, 'activation' | 'depth' | 'init' | 'seed'>): Network {
  const spec = DEEP_SPECS[activation];
  return createNetwork({ sizes: Array.from({ length: depth + 1 }, () => 1), activation: spec, outputActivation: spec, init, rng: createRng(seed, 0) });
}

/** One forward and one backward pass of the core through the chain, layer by layer. */
export function traceChain(input: ChainInput): ChainTrace {
  const net = chainNetwork(input);
  const f = makeActivation(DEEP_SPECS[input.activation]);
  const prediction = net.forward([input.x])[0];
  const error = prediction - input.y;
  const grads = net.createGradients();
  // ∂E/∂ŷ for E = ½(ŷ − y)² is ŷ − y.
  net.backward([error], grads);
  const layers = net.layers.map((L, l) => ({
    k: l + 1,
    w: L.weights[0],
    b: L.biases[0],
    z: net.work.z[l][0],
    a: net.work.acts[l + 1][0],
    slope: f.der(net.work.z[l][0]),
    delta: grads.biases[l][0],
    gradW: grads.weights[l][0],
  }));
  return { layers, prediction, error };
}

/**
 * The unrolled formula at layer l: δ⁽ˡ⁾ = (ŷ − y) · ∏ₖ₌ₗ₊₁ᴸ w⁽ᵏ⁾ · ∏ₖ₌ₗᴸ f′(z⁽ᵏ⁾), its two
 * products multiplied out from the output down (the order the reader follows).
 */
export function unrolled(trace: ChainTrace, l: number): { weights: number; slopes: number; delta: number } {
  let weights = 1;
  let slopes = 1;
  for (let k = trace.layers.length; k >= l; k--) {
    const layer = trace.layers[k - 1];
    slopes *= layer.slope;
    if (k > l) weights *= layer.w;
  }
  return { weights, slopes, delta: trace.error * weights * slopes };
}

/** The layer l the reader has reached after `steps` back from the output of `depth` layers: L − steps, at least 1. */
export function reachedLayer(depth: number, steps: number): number {
  return Math.max(1, depth - steps);
}
