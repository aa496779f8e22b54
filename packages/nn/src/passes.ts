/**
 * The hot loops of a network: forward pass and backward pass (the fused
 * backward-and-update used for batches of one is in update.ts). They work on a
 * network's layers and on its `Workspace`, allocate nothing, and check nothing
 * (the public `Network.forward`/`backward` and the training loop check their
 * arguments first).
 */
import type { Activation, RReluActivation } from './activations';
import type { Gradients, Layer } from './layout';
import type { Rng } from './rng';

/** How the loops treat a layer's activation. */
export const LINEAR = 0;
/** x < 0 ? k_j·x : x with a per-unit negative slope k_j (relu, leakyRelu, prelu, rrelu). */
export const RECTIFIER = 1;
/** Calls activation.output and activation.der. */
export const GENERIC = 2;

export function kindOf(a: Activation): number {
  if (a.name === 'linear') return LINEAR;
  if (a.name === 'relu' || a.name === 'leakyRelu' || a.name === 'prelu' || a.name === 'rrelu') return RECTIFIER;
  return GENERIC;
}

/** Scratch buffers of one network: the state of its last forward and backward pass. */
export interface Workspace {
  /** kinds[l]: LINEAR, RECTIFIER or GENERIC for layer l. */
  readonly kinds: Int8Array;
  /** acts[0]: the last input; acts[l + 1]: output of layer l in the last forward pass (the same array as z[l] on linear layers). */
  readonly acts: Float64Array[];
  /** z[l][j]: pre-activation of unit j of layer l in the last forward pass. */
  readonly z: Float64Array[];
  /** negSlope[l][j]: negative slope of unit j in the last forward pass (rectifier layers; on PReLU layers the layer's slopes array itself). */
  readonly negSlope: Float64Array[];
  /** delta[l][j] = ∂E/∂z_l[j] of the last backward pass (not used on linear layers, where δ = ∂E/∂output). */
  readonly delta: Float64Array[];
  /** actGrad[l][i] = ∂E/∂acts[l][i] of the last backward pass; actGrad[0] is the input gradient. */
  readonly actGrad: Float64Array[];
  /** True while the RReLU entries of negSlope hold the evaluation slope 2/(lower + upper). */
  rreluEval: boolean;
}

export function createWorkspace(inputSize: number, layers: readonly Layer[]): Workspace {
  const kinds = Int8Array.from(layers, (L) => kindOf(L.activation));
  const z = layers.map((L) => new Float64Array(L.fanOut));
  return {
    kinds,
    z,
    acts: [new Float64Array(inputSize), ...layers.map((L, l) => (kinds[l] === LINEAR ? z[l] : new Float64Array(L.fanOut)))],
    negSlope: layers.map((L, l) => {
      const a = L.activation;
      if (a.name === 'prelu') return L.slopes;
      const k = new Float64Array(kinds[l] === RECTIFIER ? L.fanOut : 0);
      if (a.name === 'leakyRelu') k.fill((a.spec as { slope: number }).slope);
      if (a.name === 'rrelu') k.fill((a as RReluActivation).evalSlope);
      return k;
    }),
    delta: layers.map((L) => new Float64Array(L.fanOut)),
    actGrad: [inputSize, ...layers.map((L) => L.fanOut)].map((n) => new Float64Array(n)),
    rreluEval: true,
  };
}

/** Evaluation mode: every RReLU unit back to the slope 2/(lower + upper). */
function resetRrelu(layers: readonly Layer[], work: Workspace): void {
  layers.forEach((L, l) => {
    if (L.activation.name === 'rrelu') work.negSlope[l].fill((L.activation as RReluActivation).evalSlope);
  });
  work.rreluEval = true;
}

/**
 * Forward pass of the input x[offset … offset + inputSize). Training mode draws a
 * fresh RReLU slope per unit from `rng`. Returns work.acts of the last layer.
 */
export function forwardPass(
  layers: readonly Layer[], work: Workspace, x: ArrayLike<number>, offset: number, training: boolean, rng: Rng | undefined,
): Float64Array {
  const input = work.acts[0];
  for (let i = 0; i < input.length; i++) input[i] = x[offset + i];
  if (!training && !work.rreluEval) resetRrelu(layers, work);
  for (let l = 0; l < layers.length; l++) {
    const L = layers[l];
    const W = L.weights;
    const b = L.biases;
    const fanIn = L.fanIn;
    const fanOut = L.fanOut;
    const a = work.acts[l];
    const z = work.z[l];
    // z[j] = b[j] + Σ_i a[i]·W[i, j], summed in the order i = 0, 1, …; four units
    // at a time, so that four independent sums are in flight
    let j = 0;
    for (; j + 3 < fanOut; j += 4) {
      let s0 = b[j];
      let s1 = b[j + 1];
      let s2 = b[j + 2];
      let s3 = b[j + 3];
      for (let i = 0, k = j; i < fanIn; i++, k += fanOut) {
        const ai = a[i];
        s0 += ai * W[k];
        s1 += ai * W[k + 1];
        s2 += ai * W[k + 2];
        s3 += ai * W[k + 3];
      }
      z[j] = s0;
      z[j + 1] = s1;
      z[j + 2] = s2;
      z[j + 3] = s3;
    }
    for (; j < fanOut; j++) {
      let s = b[j];
      for (let i = 0, k = j; i < fanIn; i++, k += fanOut) s += a[i] * W[k];
      z[j] = s;
    }
    const kind = work.kinds[l];
    if (kind === LINEAR) continue;
    const out = work.acts[l + 1];
    if (kind === RECTIFIER) {
      const k = work.negSlope[l];
      if (training && L.activation.name === 'rrelu') {
        const act = L.activation as RReluActivation;
        for (let j = 0; j < fanOut; j++) k[j] = act.sampleSlope(rng as Rng);
        work.rreluEval = false;
      }
      for (let j = 0; j < fanOut; j++) out[j] = z[j] < 0 ? k[j] * z[j] : z[j];
    } else {
      const f = L.activation;
      for (let j = 0; j < fanOut; j++) out[j] = f.output(z[j]);
    }
  }
  return work.acts[layers.length];
}

/** δ = ∂E/∂z of layer l from g = ∂E/∂(its output): g itself on linear layers, work.delta[l] otherwise. */
export function layerDelta(L: Layer, l: number, work: Workspace, g: ArrayLike<number>): ArrayLike<number> {
  const kind = work.kinds[l];
  if (kind === LINEAR) return g;
  const delta = work.delta[l];
  const z = work.z[l];
  const fanOut = L.fanOut;
  if (kind === RECTIFIER) {
    const k = work.negSlope[l];
    for (let j = 0; j < fanOut; j++) delta[j] = z[j] < 0 ? k[j] * g[j] : g[j];
  } else {
    const f = L.activation;
    for (let j = 0; j < fanOut; j++) delta[j] = g[j] * f.der(z[j]);
  }
  return delta;
}

/**
 * Backward pass from ∂E/∂output of the last forward pass: ADDS ∂E/∂parameters into
 * `grads`; returns work.actGrad[0] = ∂E/∂input.
 */
export function backwardPass(layers: readonly Layer[], work: Workspace, outputGrad: ArrayLike<number>, grads: Gradients): Float64Array {
  let g: ArrayLike<number> = outputGrad; // ∂E/∂(output of layer l)
  for (let l = layers.length - 1; l >= 0; l--) {
    const L = layers[l];
    const W = L.weights;
    const fanIn = L.fanIn;
    const fanOut = L.fanOut;
    const d = layerDelta(L, l, work, g);
    if (L.slopes.length > 0) {
      const z = work.z[l];
      const gs = grads.slopes[l];
      for (let j = 0; j < fanOut; j++) if (z[j] < 0) gs[j] += g[j] * z[j]; // ∂f/∂a = z for z < 0
    }
    const gb = grads.biases[l];
    for (let j = 0; j < fanOut; j++) gb[j] += d[j];
    const gW = grads.weights[l];
    const a = work.acts[l];
    const ga = work.actGrad[l];
    for (let i = 0; i < fanIn; i++) {
      const ai = a[i];
      const row = i * fanOut;
      let s = 0;
      for (let j = 0; j < fanOut; j++) {
        const dj = d[j];
        gW[row + j] += ai * dj;
        s += W[row + j] * dj;
      }
      ga[i] = s;
    }
    g = ga;
  }
  return work.actGrad[0];
}
