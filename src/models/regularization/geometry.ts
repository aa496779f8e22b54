/**
 * Two-weight picture of a penalty: a quadratic loss L(w) = ½(w − c)ᵀA(w − c) with elliptical
 * contours, plus a penalty from `@neural-notes/nn` (a·Σ|w| + b·Σw²/2). The penalised optimum and
 * its path over λ come from nn (proximal.ts); this file holds the figure's quadratic and samples
 * the level curves that the plot draws.
 */
import { regularizer, type Quadratic, type Regularizer, type Vec2 } from '@neural-notes/nn';

export type { Quadratic, Vec2 } from '@neural-notes/nn';

/** The square of weights the figure shows (both axes), and where its probe can go. */
export const GEOMETRY_DOMAIN: Vec2 = [-1.5, 2.5];

export const DEFAULT_QUADRATIC: Quadratic = { center: [1.6, 0.45], curvatures: [1, 4], angle: Math.PI / 7 };

export type GeometryMethod = 'l1' | 'l2' | 'elastic';

export function penaltyFor(method: GeometryMethod, lambda: number, mix: number): Regularizer {
  return regularizer(method, lambda, mix);
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
