/**
 * The batch-of-one fast path of training: a backward pass that applies the SGD
 * update in the same sweep (`backwardUpdate`), with one weight loop per update
 * case. Like the passes it builds on (passes.ts), it allocates nothing and checks
 * nothing.
 */
import type { Gradients, Layer } from './layout';
import { layerDelta, type Workspace } from './passes';
import type { Regularizer } from './regularizers';

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
