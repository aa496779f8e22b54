/**
 * The passes of a network in single precision, as TensorFlow 1 ran the source's script (its
 * placeholders and variables were float32): a separate path, so that the double-precision loops of
 * passes.ts stay as they are.
 *
 * Every stored number is a float32 value (held in the network's Float64Arrays), and every
 * operation is rounded to float32 with `Math.fround` as soon as it is done. An operation on two
 * float32 values computed in double and then rounded once gives exactly the float32 result (the
 * double has more than twice the bits), so this is float32 arithmetic, not an approximation of it.
 * Sums run in index order (i = 0, 1, … for a unit's inputs, j = 0, 1, … for a unit's outputs),
 * starting from 0; a framework may sum in another order and differ in the last bits.
 *
 * The step of one example, with f = Math.fround:
 * - forward: z_j = f(f(Σ_i f(a_i·W_ij)) + b_j), then the activation's output, rounded;
 * - data loss: d = f(p − y), loss f(ℓ(d)), ∂loss/∂p = f(ℓ'(d));
 * - backward: δ = f(g·f(activation'(z))) (δ = g on linear layers), ∂E/∂a_i = Σ_j f(W_ij·δ_j)
 *   with the weights before the update, ∂E/∂W_ij = f(a_i·δ_j), ∂E/∂b_j = δ_j;
 * - the penalty's gradient f(f(α·sign(w)) + f(β·w)) with α = f(a), β = f(b) (TensorFlow's
 *   l1_regularizer and l2_regularizer: f(α·sign w) and f(β·w)), added to the data gradient in
 *   float32, as a framework adds the two gradients of the cost;
 * - SGD: v = f(f(μ·v) + f(ε·g)), θ = f(θ − v); with μ = 0 simply θ = f(θ − f(ε·g)).
 *
 * Rectifier and smooth activations go through their `output` and `der`; PReLU (a trained slope)
 * and RReLU in training (random slopes) are not supported here.
 */
import { fail } from './check';
import type { Gradients, Layer } from './layout';
import type { Loss } from './losses';
import { LINEAR, type Workspace } from './passes';

const f = Math.fround;

/** Throws unless every layer can be computed in float32 here (no PReLU, no RReLU). */
export function checkFloat32Layers(layers: readonly Layer[]): void {
  for (const L of layers) {
    const name = L.activation.name;
    if (name === 'prelu' || name === 'rrelu') fail('arithmetic', `'float64' for a network with ${name} layers`, 'float32');
  }
}

/** Rounds every entry to float32 in place. */
export function roundToFloat32(values: Float64Array): void {
  for (let k = 0; k < values.length; k++) values[k] = f(values[k]);
}

/**
 * Forward pass of the input x[offset … offset + inputSize), rounded to float32, in float32.
 * Returns work.acts of the last layer.
 */
export function forwardPass32(layers: readonly Layer[], work: Workspace, x: ArrayLike<number>, offset: number): Float64Array {
  const input = work.acts[0];
  for (let i = 0; i < input.length; i++) input[i] = f(x[offset + i]);
  for (let l = 0; l < layers.length; l++) {
    const L = layers[l];
    const W = L.weights;
    const b = L.biases;
    const fanIn = L.fanIn;
    const fanOut = L.fanOut;
    const a = work.acts[l];
    const z = work.z[l];
    for (let j = 0; j < fanOut; j++) {
      let s = 0;
      for (let i = 0, k = j; i < fanIn; i++, k += fanOut) s = f(s + f(a[i] * W[k]));
      z[j] = f(s + b[j]);
    }
    if (work.kinds[l] === LINEAR) continue;
    const out = work.acts[l + 1];
    const act = L.activation;
    for (let j = 0; j < fanOut; j++) out[j] = f(act.output(z[j]));
  }
  return work.acts[layers.length];
}

/**
 * Data loss of the last forward pass against `targets` (float32 values), in float32; writes
 * ∂loss/∂output (× scale) into `outGrad`.
 */
export function outputLoss32(loss: Loss, out: ArrayLike<number>, targets: ArrayLike<number>, offset: number, scale: number, outGrad: Float64Array): number {
  let data = 0;
  const s = f(scale);
  for (let o = 0; o < outGrad.length; o++) {
    const d = f(out[o] - targets[offset + o]);
    data = f(data + f(loss.point(d, 0)));
    outGrad[o] = f(f(loss.pointDer(d, 0)) * s);
  }
  return f(data * s);
}

/**
 * Backward pass from ∂E/∂output of the last forward pass with the SGD update in the same sweep,
 * all in float32 (see the file's comment). Returns the penalty a·Σ|w| + b·Σw²/2 of the weights
 * before the update, computed as TensorFlow's regularizers do in float32: per layer
 * f(α·S₁) with S₁ = Σ|w|, or f(β·f(S₂/2)) with S₂ = Σw², both sums in storage order, and the
 * layers' terms added first layer first. When `record` is given, the gradient of every weight
 * (data and penalty) and bias is written into it as well (for the parity tests).
 */
export function backwardUpdate32(
  layers: readonly Layer[], work: Workspace, outputGrad: ArrayLike<number>,
  lr: number, mu: number, pa: number, pb: number, velocity: Gradients, layerPenalty: Float64Array, record?: Gradients,
): number {
  const eps = f(lr);
  const m = f(mu);
  const alpha = f(pa);
  const beta = f(pb);
  let g: ArrayLike<number> = outputGrad;
  for (let l = layers.length - 1; l >= 0; l--) {
    const L = layers[l];
    const fanIn = L.fanIn;
    const fanOut = L.fanOut;
    const W = L.weights;
    const b = L.biases;
    let d: ArrayLike<number> = g;
    if (work.kinds[l] !== LINEAR) {
      const delta = work.delta[l];
      const z = work.z[l];
      for (let j = 0; j < fanOut; j++) delta[j] = f(g[j] * f(L.activation.der(z[j])));
      d = delta;
    }
    const vb = velocity.biases[l];
    if (record) for (let j = 0; j < fanOut; j++) record.biases[l][j] = d[j];
    for (let j = 0; j < fanOut; j++) {
      const v = f(f(m * vb[j]) + f(eps * d[j]));
      vb[j] = v;
      b[j] = f(b[j] - v);
    }
    const a = work.acts[l];
    const ga = work.actGrad[l];
    const vw = velocity.weights[l];
    let sumAbs = 0;
    let sumSq = 0;
    for (let i = 0; i < fanIn; i++) {
      const ai = a[i];
      let s = 0;
      for (let j = 0, k = i * fanOut; j < fanOut; j++, k++) {
        const dj = d[j];
        const w = W[k];
        s = f(s + f(w * dj));
        const sg = Number(w > 0) - Number(w < 0);
        sumAbs = f(sumAbs + sg * w);
        sumSq = f(sumSq + f(w * w));
        const grad = f(f(ai * dj) + f(f(alpha * sg) + f(beta * w)));
        if (record) record.weights[l][k] = grad;
        const v = f(f(m * vw[k]) + f(eps * grad));
        vw[k] = v;
        W[k] = f(w - v);
      }
      ga[i] = s;
    }
    layerPenalty[l] = f(f(alpha * sumAbs) + f(beta * f(sumSq / 2)));
    g = ga;
  }
  let penalty = 0;
  for (let l = 0; l < layers.length; l++) penalty = f(penalty + layerPenalty[l]);
  return penalty;
}
