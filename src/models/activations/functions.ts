/**
 * The activation functions of the article as the figures use them: their names, the explorer's
 * parameters, sampled curves, RReLU's training-mode slopes and the cursor's keyboard steps. Every
 * f(x), f′(x) and slope draw comes from @neural-notes/nn.
 */
import { activation, createRng, rrelu, type Activation } from '@neural-notes/nn';

export const FUNCTIONS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'prelu', 'rrelu', 'elu'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/** Parameters of the parametric functions, as the explorer's controls set them. */
export interface FunctionParams {
  /** Leaky ReLU negative slope. */
  slope: number;
  /** PReLU slope a (fixed here; it is learned in a network). */
  a: number;
  /** ELU α. */
  alpha: number;
  /** RReLU bounds l ≤ u of a ~ U(l, u). */
  lower: number;
  upper: number;
}

/** The nn activation for a name and the explorer's parameters (RReLU in evaluation mode). */
export function makeActivation(name: FunctionName, p: FunctionParams): Activation {
  return activation(name, { slope: p.slope, initial: p.a, alpha: p.alpha, lower: p.lower, upper: p.upper });
}

/** True for functions with a kink or a jump in f' at 0 (drawn as two pieces). */
export function isPiecewise(name: FunctionName): boolean {
  return name !== 'sigmoid' && name !== 'tanh';
}

export interface CurvePoint {
  x: number;
  y: number;
  /** Piece of the curve: 0 for x ≤ 0, 1 for x ≥ 0 (so a jump at 0 is not joined by a line). */
  seg: number;
}

export interface Curves {
  f: CurvePoint[];
  d: CurvePoint[];
}

/**
 * f and f' sampled on [xMin, xMax] with `n` points, plus x = 0 on both sides of the kink.
 * Non-finite values are dropped, so a plot never receives NaN or Infinity.
 */
export function sampleCurves(act: Activation, xMin: number, xMax: number, n = 161, piecewise = true): Curves {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(xMin + ((xMax - xMin) * i) / (n - 1));
  const f: CurvePoint[] = [];
  const d: CurvePoint[] = [];
  const push = (x: number, seg: number, left: boolean) => {
    const probe = left && x === 0 ? -Number.MIN_VALUE : x;
    const y = act.output(probe);
    const dy = act.der(probe);
    if (Number.isFinite(y)) f.push({ x, y, seg });
    if (Number.isFinite(dy)) d.push({ x, y: dy, seg });
  };
  if (!piecewise || xMin >= 0 || xMax <= 0) {
    for (const x of xs) push(x, x < 0 ? 0 : 1, false);
    return { f, d };
  }
  for (const x of xs) if (x < 0) push(x, 0, false);
  push(0, 0, true);
  push(0, 1, false);
  for (const x of xs) if (x > 0) push(x, 1, false);
  return { f, d };
}

/**
 * `count` negative slopes 1/a, a ~ U(lower, upper), drawn the way RReLU draws them in training
 * (one per unit), from a seeded generator.
 */
export function rreluTrainingSlopes(lower: number, upper: number, seed: number, count = 8): number[] {
  const act = rrelu({ lower, upper });
  const rng = createRng(seed, 7);
  return Array.from({ length: count }, () => act.sampleSlope(rng));
}

/** Readout values at x for one function (formatted by the widget). */
export function valuesAt(act: Activation, x: number): { f: number; d: number } {
  return { f: act.output(x), d: act.der(x) };
}

/** Moves a cursor by one keyboard step (1/100 of the range; 1/10 with a larger step), clamped to the range. */
export function stepCursor(x: number, key: string, xMin: number, xMax: number): number | null {
  const small = (xMax - xMin) / 100;
  const big = (xMax - xMin) / 10;
  const clamp = (v: number) => Math.min(xMax, Math.max(xMin, Number(v.toPrecision(12))));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(x - small);
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(x + small);
    case 'PageDown':
      return clamp(x - big);
    case 'PageUp':
      return clamp(x + big);
    case 'Home':
      return xMin;
    case 'End':
      return xMax;
    default:
      return null;
  }
}
