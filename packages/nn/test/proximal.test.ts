import { describe, expect, it } from 'vitest';
import { optimumPath, penalizedOptimum, quadraticLoss, quadraticMatrix, softThreshold, type Quadratic } from '../src/proximal';
import { elasticNet, l1, l2, none } from '../src/regularizers';

const tilted: Quadratic = { center: [1.6, 0.45], curvatures: [1, 4], angle: Math.PI / 7 };

describe('quadratic', () => {
  it('A has the curvatures as eigenvalues (trace and determinant) and L is 0 at the centre', () => {
    const [a11, a12, a22] = quadraticMatrix(tilted);
    expect(a11 + a22).toBeCloseTo(5, 12);
    expect(a11 * a22 - a12 * a12).toBeCloseTo(4, 12);
    expect(quadraticLoss(tilted, tilted.center)).toBe(0);
    expect(quadraticLoss({ center: [0, 0], curvatures: [2, 3], angle: 0 }, [1, 1])).toBe(2.5);
  });

  it('soft-thresholds to exactly 0 inside [−t, t]', () => {
    expect(softThreshold(3, 1)).toBe(2);
    expect(softThreshold(-3, 1)).toBe(-2);
    expect(softThreshold(0.5, 1)).toBe(0);
  });
});

describe('penalizedOptimum', () => {
  it('L1 on an axis-aligned quadratic is the soft-threshold closed form w_i = S(c_i, λ/k_i)', () => {
    const q: Quadratic = { center: [1.5, -0.3], curvatures: [2, 0.5], angle: 0 };
    for (const lambda of [0, 0.1, 0.4, 1, 5]) {
      const w = penalizedOptimum(q, l1(lambda));
      expect(w[0]).toBeCloseTo(softThreshold(1.5, lambda / 2), 9);
      expect(w[1]).toBeCloseTo(softThreshold(-0.3, lambda / 0.5), 9);
    }
    expect(penalizedOptimum(q, l1(1))[1]).toBe(0); // exact zero, not merely small
  });

  it('L2 is the ridge closed form (A + λI)⁻¹Ac', () => {
    for (const lambda of [0.2, 1, 3]) {
      const [a11, a12, a22] = quadraticMatrix(tilted);
      const [c0, c1] = tilted.center;
      const r0 = a11 * c0 + a12 * c1;
      const r1 = a12 * c0 + a22 * c1;
      const m11 = a11 + lambda;
      const m22 = a22 + lambda;
      const det = m11 * m22 - a12 * a12;
      const w = penalizedOptimum(tilted, l2(lambda));
      expect(w[0]).toBeCloseTo((m22 * r0 - a12 * r1) / det, 9);
      expect(w[1]).toBeCloseTo((m11 * r1 - a12 * r0) / det, 9);
    }
  });

  it('without a penalty it stays at the centre', () => {
    expect(penalizedOptimum(tilted, none())).toEqual(tilted.center);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => penalizedOptimum({ ...tilted, curvatures: [1, 0] }, l1(1))).toThrow('quadratic.curvatures[1] must be a finite number > 0 (got 0)');
    expect(() => penalizedOptimum(tilted, l1(1), [0, NaN])).toThrow('start[1] must be a finite number (got NaN)');
    expect(() => penalizedOptimum(tilted, l1(1), tilted.center, 1.5)).toThrow('iterations must be an integer ≥ 0 (got 1.5)');
    expect(() => quadraticLoss(tilted, [1] as unknown as [number, number])).toThrow('w must be a pair of finite numbers');
  });
});

describe('optimumPath', () => {
  it('goes from the centre (λ = 0) to the origin under a strong L1 penalty, each point the optimum for its λ', () => {
    const path = optimumPath(tilted, 'l1', 0.5, 3);
    expect(path).toHaveLength(61);
    expect(path[0]).toEqual({ lambda: 0, w: tilted.center });
    expect(path[60].lambda).toBe(3);
    expect(path[60].w).toEqual([0, 0]);
    const mid = path[20];
    const direct = penalizedOptimum(tilted, l1(mid.lambda));
    expect(mid.w[0]).toBeCloseTo(direct[0], 9);
    expect(mid.w[1]).toBeCloseTo(direct[1], 9);
  });

  it('uses the elastic-net mix', () => {
    const path = optimumPath(tilted, 'elastic', 0.3, 1, 4);
    const w = penalizedOptimum(tilted, elasticNet(1, 0.3));
    expect(path[4].w[0]).toBeCloseTo(w[0], 9);
    expect(() => optimumPath(tilted, 'l1', 0.5, -1)).toThrow('lambdaMax must be a finite number ≥ 0 (got -1)');
  });
});
