/**
 * The ceiling: the source's step (1-10-10-10-1, linear, |p − y| loss, plain SGD,
 * optional L1/L2 penalty) written out by hand for exactly this shape, on flat
 * arrays with constant loop bounds, backward fused with the update.
 * Weight layout as in the library: W[i * fanOut + j]. Same arithmetic, in the same
 * order, as the library's fused batch-1 path, so both end with identical weights.
 * Like the library, it has a step without penalty terms and one with them, so
 * that its penalty overhead is a fair peer of the library's.
 */
export interface UnrolledNet {
  w1: Float64Array; // (1, 10)
  b1: Float64Array;
  w2: Float64Array; // (10, 10)
  b2: Float64Array;
  w3: Float64Array; // (10, 10)
  b3: Float64Array;
  w4: Float64Array; // (10, 1)
  b4: Float64Array;
}

export function createUnrolled(params: Float64Array[]): UnrolledNet {
  const [w1, b1, w2, b2, w3, b3, w4, b4] = params.map((p) => p.slice());
  return { w1, b1, w2, b2, w3, b3, w4, b4 };
}

const h1 = new Float64Array(10);
const h2 = new Float64Array(10);
const h3 = new Float64Array(10);
const d2 = new Float64Array(10);
const d3 = new Float64Array(10);

/** One SGD step on (x, y) with penalty a·Σ|w| + b·Σw²/2; returns |p − y|. */
export function unrolledStep(n: UnrolledNet, x: number, y: number, lr: number, a: number, b: number): number {
  return a === 0 && b === 0 ? plainStep(n, x, y, lr) : penalizedStep(n, x, y, lr, a, b);
}

/** One SGD step without a penalty: the weight updates carry no penalty terms. */
function plainStep(n: UnrolledNet, x: number, y: number, lr: number): number {
  const { w1, b1, w2, b2, w3, b3, w4, b4 } = n;
  for (let j = 0; j < 10; j++) h1[j] = b1[j] + x * w1[j];
  for (let k = 0; k < 10; k++) {
    let t = b2[k];
    for (let j = 0; j < 10; j++) t += h1[j] * w2[j * 10 + k];
    h2[k] = t;
  }
  for (let k = 0; k < 10; k++) {
    let t = b3[k];
    for (let j = 0; j < 10; j++) t += h2[j] * w3[j * 10 + k];
    h3[k] = t;
  }
  let p = b4[0];
  for (let k = 0; k < 10; k++) p += h3[k] * w4[k];
  const e = p - y;
  const g = e > 0 ? 1 : e < 0 ? -1 : 0;
  // layer 4
  for (let k = 0; k < 10; k++) {
    const w = w4[k];
    d3[k] = w * g;
    w4[k] = w - lr * (h3[k] * g);
  }
  b4[0] -= lr * g;
  // layer 3
  for (let j = 0; j < 10; j++) {
    const hj = h2[j];
    const r = j * 10;
    let s = 0;
    for (let k = 0; k < 10; k++) {
      const w = w3[r + k];
      s += w * d3[k];
      w3[r + k] = w - lr * (hj * d3[k]);
    }
    d2[j] = s;
  }
  for (let k = 0; k < 10; k++) b3[k] -= lr * d3[k];
  // layer 2
  for (let j = 0; j < 10; j++) {
    const hj = h1[j];
    const r = j * 10;
    let s = 0;
    for (let k = 0; k < 10; k++) {
      const w = w2[r + k];
      s += w * d2[k];
      w2[r + k] = w - lr * (hj * d2[k]);
    }
    h1[j] = s; // now ∂E/∂h1
  }
  for (let k = 0; k < 10; k++) b2[k] -= lr * d2[k];
  // layer 1
  for (let j = 0; j < 10; j++) {
    const w = w1[j];
    w1[j] = w - lr * (x * h1[j]);
    b1[j] -= lr * h1[j];
  }
  return Math.abs(e);
}

/** One SGD step with the penalty a·Σ|w| + b·Σw²/2 (sign written branch-free, as the library does). */
function penalizedStep(n: UnrolledNet, x: number, y: number, lr: number, a: number, b: number): number {
  const { w1, b1, w2, b2, w3, b3, w4, b4 } = n;
  for (let j = 0; j < 10; j++) h1[j] = b1[j] + x * w1[j];
  for (let k = 0; k < 10; k++) {
    let t = b2[k];
    for (let j = 0; j < 10; j++) t += h1[j] * w2[j * 10 + k];
    h2[k] = t;
  }
  for (let k = 0; k < 10; k++) {
    let t = b3[k];
    for (let j = 0; j < 10; j++) t += h2[j] * w3[j * 10 + k];
    h3[k] = t;
  }
  let p = b4[0];
  for (let k = 0; k < 10; k++) p += h3[k] * w4[k];
  const e = p - y;
  const g = e > 0 ? 1 : e < 0 ? -1 : 0;
  // layer 4
  for (let k = 0; k < 10; k++) {
    const w = w4[k];
    d3[k] = w * g;
    w4[k] = w - lr * (h3[k] * g + a * (Number(w > 0) - Number(w < 0)) + b * w);
  }
  b4[0] -= lr * g;
  // layer 3
  for (let j = 0; j < 10; j++) {
    const hj = h2[j];
    const r = j * 10;
    let s = 0;
    for (let k = 0; k < 10; k++) {
      const w = w3[r + k];
      s += w * d3[k];
      w3[r + k] = w - lr * (hj * d3[k] + a * (Number(w > 0) - Number(w < 0)) + b * w);
    }
    d2[j] = s;
  }
  for (let k = 0; k < 10; k++) b3[k] -= lr * d3[k];
  // layer 2
  for (let j = 0; j < 10; j++) {
    const hj = h1[j];
    const r = j * 10;
    let s = 0;
    for (let k = 0; k < 10; k++) {
      const w = w2[r + k];
      s += w * d2[k];
      w2[r + k] = w - lr * (hj * d2[k] + a * (Number(w > 0) - Number(w < 0)) + b * w);
    }
    h1[j] = s; // now ∂E/∂h1
  }
  for (let k = 0; k < 10; k++) b2[k] -= lr * d2[k];
  // layer 1
  for (let j = 0; j < 10; j++) {
    const w = w1[j];
    w1[j] = w - lr * (x * h1[j] + a * (Number(w > 0) - Number(w < 0)) + b * w);
    b1[j] -= lr * h1[j];
  }
  return Math.abs(e);
}
