/**
 * Two-weight picture of a penalty: a quadratic loss L(w) = ½(w − c)ᵀA(w − c) with elliptical
 * contours, plus a penalty from `@neural-notes/nn` (a·Σ|w| + b·Σw²/2). The penalised optimum is
 * found by proximal gradient steps (soft-thresholding for the L1 part), which land on exactly 0
 * when the L1 part is strong enough.
 */
import { regularizer, type Regularizer } from '@neural-notes/nn';

export type Vec2 = [number, number];

export interface Quadratic {
  /** Unpenalised optimum c. */
  readonly center: Vec2;
  /** Curvatures along the ellipse's axes (eigenvalues of A), both > 0. */
  readonly curvatures: Vec2;
  /** Angle of the first axis, in radians. */
  readonly angle: number;
}

export const DEFAULT_QUADRATIC: Quadratic = { center: [1.6, 0.45], curvatures: [1, 4], angle: Math.PI / 7 };

/** The symmetric matrix A = R diag(curvatures) Rᵀ as [a11, a12, a22]. */
export function matrix(q: Quadratic): [number, number, number] {
  const c = Math.cos(q.angle);
  const s = Math.sin(q.angle);
  const [k1, k2] = q.curvatures;
  return [k1 * c * c + k2 * s * s, (k1 - k2) * c * s, k1 * s * s + k2 * c * c];
}

export function lossAt(q: Quadratic, w: Vec2): number {
  const [a11, a12, a22] = matrix(q);
  const d0 = w[0] - q.center[0];
  const d1 = w[1] - q.center[1];
  return 0.5 * (a11 * d0 * d0 + 2 * a12 * d0 * d1 + a22 * d1 * d1);
}

function softThreshold(v: number, t: number): number {
  return v > t ? v - t : v < -t ? v + t : 0;
}

/** argmin L(w) + penalty(w), by proximal gradient from `start` (exact zeros from the soft threshold). */
export function penalizedOptimum(q: Quadratic, penalty: Regularizer, start: Vec2 = q.center, iterations = 3000): Vec2 {
  const [a11, a12, a22] = matrix(q);
  const eta = 1 / Math.max(...q.curvatures);
  const a = penalty.l1;
  const b = penalty.l2;
  let w0 = start[0];
  let w1 = start[1];
  for (let k = 0; k < iterations; k++) {
    const d0 = w0 - q.center[0];
    const d1 = w1 - q.center[1];
    const v0 = w0 - eta * (a11 * d0 + a12 * d1);
    const v1 = w1 - eta * (a12 * d0 + a22 * d1);
    const n0 = softThreshold(v0, eta * a) / (1 + eta * b);
    const n1 = softThreshold(v1, eta * a) / (1 + eta * b);
    if (n0 === w0 && n1 === w1) break;
    w0 = n0;
    w1 = n1;
  }
  return [w0, w1];
}

export type GeometryMethod = 'l1' | 'l2' | 'elastic';

export function penaltyFor(method: GeometryMethod, lambda: number, mix: number): Regularizer {
  return regularizer(method, lambda, mix);
}

/** The optimum for λ = 0 … lambdaMax (steps + 1 points), each started from the previous one. */
export function optimumPath(q: Quadratic, method: GeometryMethod, mix: number, lambdaMax: number, steps = 60): { lambda: number; w: Vec2 }[] {
  const path: { lambda: number; w: Vec2 }[] = [];
  let w: Vec2 = q.center;
  for (let k = 0; k <= steps; k++) {
    const lambda = (lambdaMax * k) / steps;
    w = penalizedOptimum(q, penaltyFor(method, lambda, mix), w);
    path.push({ lambda, w });
  }
  return path;
}

/**
 * Closed curve {w : a·(|w₁| + |w₂|) + b·(w₁² + w₂²)/2 = level}: the L1 diamond (b = 0), the L2
 * circle (a = 0) or the elastic-net shape in between. Empty for level ≤ 0 or no penalty.
 */
export function penaltyLevelSet(penalty: Regularizer, level: number, points = 241): Vec2[] {
  const a = penalty.l1;
  const b = penalty.l2;
  if (!(level > 0) || (a <= 0 && b <= 0)) return [];
  const out: Vec2[] = [];
  for (let k = 0; k < points; k++) {
    const t = (2 * Math.PI * k) / (points - 1);
    const c = Math.cos(t);
    const s = Math.sin(t);
    const l1 = Math.abs(c) + Math.abs(s);
    const r = b > 0 ? (-a * l1 + Math.sqrt(a * a * l1 * l1 + 2 * b * level)) / b : level / (a * l1);
    out.push([r * c, r * s]);
  }
  return out;
}

/** Ellipse {w : L(w) = level}. */
export function lossLevelSet(q: Quadratic, level: number, points = 121): Vec2[] {
  if (!(level > 0)) return [];
  const c = Math.cos(q.angle);
  const s = Math.sin(q.angle);
  const out: Vec2[] = [];
  for (let k = 0; k < points; k++) {
    const t = (2 * Math.PI * k) / (points - 1);
    const u = Math.sqrt((2 * level) / q.curvatures[0]) * Math.cos(t);
    const v = Math.sqrt((2 * level) / q.curvatures[1]) * Math.sin(t);
    out.push([q.center[0] + c * u - s * v, q.center[1] + s * u + c * v]);
  }
  return out;
}
