/**
 * Two weights, a quadratic loss and a penalty: the smallest setting in which to see why
 * L1 gives exact zeros and L2 does not. The loss is L(w) = ½(w − c)ᵀA(w − c), an elliptical
 * bowl around c; the penalty is a regularizer from regularizers.ts, a·Σ|w| + b·Σw²/2.
 * The penalised optimum argmin L(w) + penalty(w) is found by proximal gradient steps:
 * a gradient step on L, then the penalty's proximal map (soft-thresholding by ηa, then
 * shrinking by 1/(1 + ηb)), which lands on exactly 0 when the L1 part is strong enough.
 */
import { checkFinite, checkInteger, checkNonNegative, checkPositive, fail } from './check';
import { regularizer, type Regularizer, type RegularizerName } from './regularizers';

/** Two weights (w₁, w₂). */
export type Vec2 = [number, number];

/** L(w) = ½(w − c)ᵀA(w − c) with A = R(angle)·diag(curvatures)·R(angle)ᵀ. */
export interface Quadratic {
  /** Unpenalised optimum c. */
  readonly center: Vec2;
  /** Curvatures along the ellipse's axes (eigenvalues of A), both > 0. */
  readonly curvatures: Vec2;
  /** Angle of the first axis, in radians. */
  readonly angle: number;
}

function checkVec2(name: string, v: unknown): Vec2 {
  if (!Array.isArray(v) || v.length !== 2) fail(name, 'a pair of finite numbers', v);
  checkFinite(`${name}[0]`, v[0]);
  checkFinite(`${name}[1]`, v[1]);
  return v as Vec2;
}

function checkQuadratic(q: Quadratic): void {
  if (q == null || typeof q !== 'object') fail('quadratic', 'an object { center, curvatures, angle }', q);
  checkVec2('quadratic.center', q.center);
  checkVec2('quadratic.curvatures', q.curvatures);
  checkPositive('quadratic.curvatures[0]', q.curvatures[0]);
  checkPositive('quadratic.curvatures[1]', q.curvatures[1]);
  checkFinite('quadratic.angle', q.angle);
}

/** The symmetric matrix A as [a11, a12, a22]. */
export function quadraticMatrix(q: Quadratic): [number, number, number] {
  checkQuadratic(q);
  const c = Math.cos(q.angle);
  const s = Math.sin(q.angle);
  const [k1, k2] = q.curvatures;
  return [k1 * c * c + k2 * s * s, (k1 - k2) * c * s, k1 * s * s + k2 * c * c];
}

/** L(w) = ½(w − c)ᵀA(w − c). */
export function quadraticLoss(q: Quadratic, w: Vec2): number {
  const [a11, a12, a22] = quadraticMatrix(q);
  checkVec2('w', w);
  const d0 = w[0] - q.center[0];
  const d1 = w[1] - q.center[1];
  return 0.5 * (a11 * d0 * d0 + 2 * a12 * d0 * d1 + a22 * d1 * d1);
}

/** The proximal map of t·|v|: v − t, v + t or exactly 0 when |v| ≤ t. */
export function softThreshold(v: number, t: number): number {
  return v > t ? v - t : v < -t ? v + t : 0;
}

/**
 * argmin L(w) + penalty(w), by proximal gradient from `start` with step η = 1/(largest
 * curvature): v = w − η∇L(w), then w = softThreshold(v, ηa)/(1 + ηb) per weight. Stops
 * after `iterations` steps or as soon as a step changes nothing.
 */
export function penalizedOptimum(q: Quadratic, penalty: Regularizer, start: Vec2 = q.center, iterations = 3000): Vec2 {
  const [a11, a12, a22] = quadraticMatrix(q);
  if (penalty == null || typeof penalty !== 'object') fail('penalty', 'a Regularizer', penalty);
  const a = checkNonNegative('penalty.l1', penalty.l1);
  const b = checkNonNegative('penalty.l2', penalty.l2);
  checkVec2('start', start);
  checkInteger('iterations', iterations, 0);
  const eta = 1 / Math.max(...q.curvatures);
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

/**
 * The penalised optimum for λ = 0, λmax/steps, …, λmax (steps + 1 points) with the penalty
 * `regularizer(method, λ, mix)`, each solve started from the previous optimum.
 */
export function optimumPath(
  q: Quadratic, method: RegularizerName, mix: number, lambdaMax: number, steps = 60,
): { lambda: number; w: Vec2 }[] {
  checkQuadratic(q);
  checkNonNegative('lambdaMax', lambdaMax);
  checkInteger('steps', steps, 1);
  const path: { lambda: number; w: Vec2 }[] = [];
  let w: Vec2 = q.center;
  for (let k = 0; k <= steps; k++) {
    const lambda = (lambdaMax * k) / steps;
    w = penalizedOptimum(q, regularizer(method, lambda, mix), w);
    path.push({ lambda, w });
  }
  return path;
}
