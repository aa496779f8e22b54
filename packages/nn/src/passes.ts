/**
 * The hot loops of a network: forward pass, backward pass, and the fused
 * backward-and-update used for batches of one. They work on a network's layers
 * and on its `Workspace`, allocate nothing, and check nothing (the public
 * `Network.forward`/`backward` and the training loop check their arguments first).
 */
import type { Activation, RReluActivation } from './activations';
import type { Gradients, Layer } from './layout';
import type { Regularizer } from './regularizers';
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
function layerDelta(L: Layer, l: number, work: Workspace, g: ArrayLike<number>): ArrayLike<number> {
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

/**
 * sign(w), as `signOf` in regularizers.ts, kept here as a function of this module for
 * the update loops. Imported, the call can cost far more: run under tsx from a
 * CommonJS script, each call went through a getter on the module object, V8 stopped
 * inlining it once `backwardUpdate` had inlined several update cases, and L1
 * training ran 5–6× slower. Written out as an expression in the loop instead, V8
 * compiled it into slower code (about 10 points more L1 overhead); as a local
 * function it is inlined like the rest.
 */
function sign(w: number): number {
  return Number(w > 0) - Number(w < 0);
}

/** Update cases of `backwardUpdate`: plain SGD without penalty, with L1 only, with L2 only; anything else. */
export const PLAIN = 0;
export const L1_ONLY = 1;
export const L2_ONLY = 2;
export const GENERAL = 3;

/**
 * The update case for a momentum and a penalty. Decided by the penalty's name,
 * not by comparing its coefficients with 0, so the hot loop never compares a
 * number that is sometimes a small integer and sometimes not.
 */
export function updateCase(momentum: number, penalty: Regularizer): number {
  if (momentum !== 0) return GENERAL;
  switch (penalty.name) {
    case 'none': return PLAIN;
    case 'l1': return L1_ONLY;
    case 'l2': return L2_ONLY;
    default: return GENERAL;
  }
}

/**
 * Batch-of-one fast path: backward pass from ∂E/∂output of the last forward pass
 * that applies the SGD update in the same sweep, storing no gradient. The same
 * arithmetic, in the same order, as `backwardPass` into zeroed gradients followed
 * by `Sgd.step`: v := μv + ε(g + a·sign(w) + b·w) on weights, v := μv + εg on
 * biases and PReLU slopes, θ := θ − v. `mode` is `updateCase(μ, penalty)`; in
 * the cases with μ = 0 weights and biases skip the velocity (v = ε(…) exactly;
 * their velocity is never read). The weights of a layer are updated only after
 * they have carried δ back to the layer below. Returns the penalty
 * a·Σ|w| + b·Σw²/2 of the weights before the update.
 *
 * The coefficients come as numbers rather than one object, so that every call
 * passes the same shapes from the first step on.
 */
export function backwardUpdate(
  layers: readonly Layer[], work: Workspace, outputGrad: ArrayLike<number>,
  mode: number, lr: number, mu: number, pa: number, pb: number, velocity: Gradients,
): number {
  const plainSgd = mode !== GENERAL;
  let penalty = 0;
  let g: ArrayLike<number> = outputGrad;
  for (let l = layers.length - 1; l >= 0; l--) {
    const L = layers[l];
    const fanOut = L.fanOut;
    const d = layerDelta(L, l, work, g);
    if (L.slopes.length > 0) {
      const z = work.z[l];
      const vs = velocity.slopes[l];
      for (let j = 0; j < fanOut; j++) {
        const v = mu * vs[j] + lr * (z[j] < 0 ? g[j] * z[j] : 0);
        vs[j] = v;
        L.slopes[j] -= v;
      }
    }
    const b = L.biases;
    if (plainSgd) {
      for (let j = 0; j < fanOut; j++) b[j] -= lr * d[j];
    } else {
      const vb = velocity.biases[l];
      for (let j = 0; j < fanOut; j++) {
        const v = mu * vb[j] + lr * d[j];
        vb[j] = v;
        b[j] -= v;
      }
    }
    const a = work.acts[l];
    const ga = work.actGrad[l];
    if (mode === PLAIN) updatePlain(L, a, d, ga, lr);
    else if (mode === L1_ONLY) penalty += pa * updateL1(L, a, d, ga, lr, pa);
    else if (mode === L2_ONLY) penalty += (pb / 2) * updateL2(L, a, d, ga, lr, pb);
    else penalty += updateGeneral(L, a, d, ga, velocity.weights[l], lr, mu, pa, pb);
    g = ga;
  }
  return penalty;
}

/*
 * The weight half of `backwardUpdate` for one layer, one function per case so that
 * each does only its own arithmetic. Each sets ga[i] = Σ_j W[i, j]·d[j] (summed in
 * the order j = 0, 1, …, with the weights before the update), then updates
 * W[i, j] with the gradient a[i]·d[j].
 */

/** Plain SGD, no penalty; two rows at a time, so that two independent sums are in flight. */
function updatePlain(L: Layer, a: Float64Array, d: ArrayLike<number>, ga: Float64Array, lr: number): void {
  const W = L.weights;
  const fanIn = L.fanIn;
  const fanOut = L.fanOut;
  let i = 0;
  for (; i + 1 < fanIn; i += 2) {
    const a0 = a[i];
    const a1 = a[i + 1];
    let s0 = 0;
    let s1 = 0;
    for (let j = 0, k = i * fanOut; j < fanOut; j++, k++) {
      const dj = d[j];
      const w0 = W[k];
      const w1 = W[k + fanOut];
      s0 += w0 * dj;
      s1 += w1 * dj;
      W[k] = w0 - lr * (a0 * dj);
      W[k + fanOut] = w1 - lr * (a1 * dj);
    }
    ga[i] = s0;
    ga[i + 1] = s1;
  }
  if (i < fanIn) {
    const ai = a[i];
    let s = 0;
    for (let j = 0, k = i * fanOut; j < fanOut; j++, k++) {
      const dj = d[j];
      const w = W[k];
      s += w * dj;
      W[k] = w - lr * (ai * dj);
    }
    ga[i] = s;
  }
}

/** Plain SGD with the L1 penalty a·Σ|w|, two rows at a time; returns Σ|w| before the update. */
function updateL1(L: Layer, a: Float64Array, d: ArrayLike<number>, ga: Float64Array, lr: number, pa: number): number {
  const W = L.weights;
  const fanIn = L.fanIn;
  const fanOut = L.fanOut;
  let sumAbs = 0;
  let i = 0;
  for (; i + 1 < fanIn; i += 2) {
    const a0 = a[i];
    const a1 = a[i + 1];
    let s0 = 0;
    let s1 = 0;
    let abs0 = 0;
    let abs1 = 0;
    for (let j = 0, k = i * fanOut; j < fanOut; j++, k++) {
      const dj = d[j];
      const w0 = W[k];
      const w1 = W[k + fanOut];
      s0 += w0 * dj;
      s1 += w1 * dj;
      const sg0 = sign(w0);
      const sg1 = sign(w1);
      abs0 += sg0 * w0;
      abs1 += sg1 * w1;
      W[k] = w0 - lr * (a0 * dj + pa * sg0);
      W[k + fanOut] = w1 - lr * (a1 * dj + pa * sg1);
    }
    ga[i] = s0;
    ga[i + 1] = s1;
    sumAbs += abs0;
    sumAbs += abs1;
  }
  if (i < fanIn) {
    const ai = a[i];
    let s = 0;
    let rowAbs = 0;
    for (let j = 0, k = i * fanOut; j < fanOut; j++, k++) {
      const dj = d[j];
      const w = W[k];
      s += w * dj;
      const sg = sign(w);
      rowAbs += sg * w;
      W[k] = w - lr * (ai * dj + pa * sg);
    }
    ga[i] = s;
    sumAbs += rowAbs;
  }
  return sumAbs;
}

/** Plain SGD with the L2 penalty b·Σw²/2, two rows at a time; returns Σw² before the update. */
function updateL2(L: Layer, a: Float64Array, d: ArrayLike<number>, ga: Float64Array, lr: number, pb: number): number {
  const W = L.weights;
  const fanIn = L.fanIn;
  const fanOut = L.fanOut;
  let sumSq = 0;
  let i = 0;
  for (; i + 1 < fanIn; i += 2) {
    const a0 = a[i];
    const a1 = a[i + 1];
    let s0 = 0;
    let s1 = 0;
    let sq0 = 0;
    let sq1 = 0;
    for (let j = 0, k = i * fanOut; j < fanOut; j++, k++) {
      const dj = d[j];
      const w0 = W[k];
      const w1 = W[k + fanOut];
      s0 += w0 * dj;
      s1 += w1 * dj;
      sq0 += w0 * w0;
      sq1 += w1 * w1;
      W[k] = w0 - lr * (a0 * dj + pb * w0);
      W[k + fanOut] = w1 - lr * (a1 * dj + pb * w1);
    }
    ga[i] = s0;
    ga[i + 1] = s1;
    sumSq += sq0;
    sumSq += sq1;
  }
  if (i < fanIn) {
    const ai = a[i];
    let s = 0;
    let rowSq = 0;
    for (let j = 0, k = i * fanOut; j < fanOut; j++, k++) {
      const dj = d[j];
      const w = W[k];
      s += w * dj;
      rowSq += w * w;
      W[k] = w - lr * (ai * dj + pb * w);
    }
    ga[i] = s;
    sumSq += rowSq;
  }
  return sumSq;
}

/** Momentum and/or both penalties: v := μv + ε(g + a·sign(w) + b·w); returns the layer's penalty before the update. */
function updateGeneral(
  L: Layer, a: Float64Array, d: ArrayLike<number>, ga: Float64Array, vw: Float64Array, lr: number, mu: number, pa: number, pb: number,
): number {
  const W = L.weights;
  const fanIn = L.fanIn;
  const fanOut = L.fanOut;
  let sumAbs = 0;
  let sumSq = 0;
  for (let i = 0; i < fanIn; i++) {
    const ai = a[i];
    let s = 0;
    let rowAbs = 0;
    let rowSq = 0;
    for (let j = 0, k = i * fanOut; j < fanOut; j++, k++) {
      const dj = d[j];
      const w = W[k];
      s += w * dj;
      const sg = sign(w);
      rowAbs += sg * w;
      rowSq += w * w;
      const v = mu * vw[k] + lr * (ai * dj + pa * sg + pb * w);
      vw[k] = v;
      W[k] = w - v;
    }
    ga[i] = s;
    sumAbs += rowAbs;
    sumSq += rowSq;
  }
  return pa * sumAbs + (pb / 2) * sumSq;
}
