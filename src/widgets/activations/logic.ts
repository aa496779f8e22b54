/**
 * Display shaping for the activation-function widgets: names, colours, sampled curves,
 * softmax presets and number formats. No maths of its own: every f(x), f'(x), slope draw and
 * probability comes from @neural-notes/nn.
 */
import { activation, createRng, rrelu, type Activation } from '@neural-notes/nn';

export const FUNCTIONS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'prelu', 'rrelu', 'elu'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export const FUNCTION_LABELS: Record<FunctionName, string> = {
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'Leaky ReLU',
  prelu: 'PReLU',
  rrelu: 'RReLU',
  elu: 'ELU',
};

/** One mid-tone colour per function, readable on the light and the dark background. */
export const FUNCTION_COLORS: Record<FunctionName, string> = {
  sigmoid: '#3b7dd8',
  tanh: '#0c8599',
  relu: '#e0621b',
  leakyRelu: '#2f9e44',
  prelu: '#c2255c',
  rrelu: '#7950f2',
  elu: '#b08800',
};

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

export const DEFAULT_PARAMS: FunctionParams = { slope: 0.01, a: 0.25, alpha: 1, lower: 3, upper: 8 };

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

// ── softmax ──────────────────────────────────────────────────────────────

/** The source's three worked cases, plus a large-logit case that needs the stable computation. */
export const SOFTMAX_PRESETS = [
  { key: 'clear', label: 'Case 1', logits: [3, 0.7, 0.5] },
  { key: 'close', label: 'Case 2', logits: [1.2, 1, 1.5] },
  { key: 'crowd', label: 'Case 3', logits: [1.5, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2] },
  { key: 'huge', label: 'Huge logits', logits: [1000, 999, 998] },
] as const;

export const MAX_CLASSES = 12;
export const MIN_CLASSES = 2;
/** Largest |logit| accepted. */
export const LOGIT_LIMIT = 10000;

/**
 * A probability rounded to 3 decimals with trailing zeros dropped (0.130 → "0.13"), the way the
 * worked cases are written; a positive value that rounds to 0 shows as "< 0.001".
 */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p > 0 && p < 0.0005) return '< 0.001';
  return String(Number(p.toFixed(3)));
}

/**
 * Whether the textbook formula exp(z_j/T) / Σ exp(z_k/T), evaluated as written in 64-bit floats,
 * breaks down for these logits: an exponential overflows, or every one underflows to 0.
 */
export function naiveSoftmaxFails(logits: readonly number[], temperature: number): boolean {
  let sum = 0;
  for (const z of logits) sum += Math.exp(z / temperature);
  return !Number.isFinite(sum) || sum === 0;
}

/** Class labels for a bar chart: "1", "2", … */
export function classLabels(k: number): string[] {
  return Array.from({ length: k }, (_, i) => String(i + 1));
}
