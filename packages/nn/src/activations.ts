/**
 * Activation functions, each paired with its derivative: a record
 * `{ name, spec, output(x), der(x) }`. Parametric ones are factories
 * (`leakyRelu(0.01)`, `elu(1)`, `rrelu({ lower: 3, upper: 8 })`); `spec` is the
 * plain-JSON description that `activation(spec)` turns back into the record.
 *
 * The rectifiers (relu, leakyRelu, prelu, rrelu) use the negative branch for
 * x < 0 and the identity for x ≥ 0, so their derivative at 0 is 1 (the kink's
 * right-hand derivative). ELU uses its exponential branch for x ≤ 0.
 */
import { checkFinite, checkNonNegative, checkOneOf, fail } from './check';
import type { Rng } from './rng';

export type ActivationSpec =
  | { readonly name: 'linear' }
  | { readonly name: 'sigmoid' }
  | { readonly name: 'tanh' }
  | { readonly name: 'relu' }
  | { readonly name: 'leakyRelu'; readonly slope: number }
  | { readonly name: 'prelu'; readonly initial: number }
  | { readonly name: 'rrelu'; readonly lower: number; readonly upper: number }
  | { readonly name: 'elu'; readonly alpha: number };

export type ActivationName = ActivationSpec['name'];

export const ACTIVATION_NAMES: readonly ActivationName[] = [
  'linear', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'prelu', 'rrelu', 'elu',
];

export interface Activation {
  readonly name: ActivationName;
  /** Plain-JSON description; `activation(spec)` rebuilds this record. */
  readonly spec: ActivationSpec;
  /** f(x). */
  output(x: number): number;
  /** f'(x). */
  der(x: number): number;
}

/** PReLU: f(x) = a·x for x < 0, x otherwise, with a learned slope a per unit. */
export interface PReluActivation extends Activation {
  readonly name: 'prelu';
  /** Slope every unit starts with (He et al. use 0.25). `output`/`der` use it. */
  readonly initial: number;
  outputAt(x: number, a: number): number;
  derAt(x: number, a: number): number;
  /** ∂f/∂a = x for x < 0, else 0. */
  derSlope(x: number): number;
}

/** RReLU: f(x) = x/a for x < 0, x otherwise; a ~ U(lower, upper) when training. */
export interface RReluActivation extends Activation {
  readonly name: 'rrelu';
  readonly lower: number;
  readonly upper: number;
  /** Negative slope used in evaluation: 2/(lower + upper), i.e. 1/mean(a). `output`/`der` use it. */
  readonly evalSlope: number;
  /** Training mode: one draw a ~ U(lower, upper) from `rng`, returned as the slope 1/a. */
  sampleSlope(rng: Rng): number;
  outputAt(x: number, slope: number): number;
  derAt(x: number, slope: number): number;
}

function leaky(x: number, k: number): number {
  return x < 0 ? k * x : x;
}

function leakyDer(x: number, k: number): number {
  return x < 0 ? k : 1;
}

export const linear: Activation = {
  name: 'linear',
  spec: { name: 'linear' },
  output: (x) => x,
  der: () => 1,
};

/** Logistic sigmoid, range (0, 1); f' = f(1 − f) ≤ 0.25. Stable for large |x|. */
export const sigmoid: Activation = {
  name: 'sigmoid',
  spec: { name: 'sigmoid' },
  output(x) {
    if (x >= 0) return 1 / (1 + Math.exp(-x));
    const e = Math.exp(x);
    return e / (1 + e);
  },
  der(x) {
    const s = sigmoid.output(x);
    return s * (1 - s);
  },
};

export const tanh: Activation = {
  name: 'tanh',
  spec: { name: 'tanh' },
  output: (x) => Math.tanh(x),
  der(x) {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
};

export const relu: Activation = {
  name: 'relu',
  spec: { name: 'relu' },
  output: (x) => (x < 0 ? 0 : x),
  der: (x) => (x < 0 ? 0 : 1),
};

export function leakyRelu(slope = 0.01): Activation {
  checkFinite('slope', slope);
  return {
    name: 'leakyRelu',
    spec: { name: 'leakyRelu', slope },
    output: (x) => leaky(x, slope),
    der: (x) => leakyDer(x, slope),
  };
}

export function prelu(initial = 0.25): PReluActivation {
  checkFinite('initial', initial);
  return {
    name: 'prelu',
    spec: { name: 'prelu', initial },
    initial,
    output: (x) => leaky(x, initial),
    der: (x) => leakyDer(x, initial),
    outputAt: leaky,
    derAt: leakyDer,
    derSlope: (x) => (x < 0 ? x : 0),
  };
}

export function rrelu({ lower = 3, upper = 8 }: { lower?: number; upper?: number } = {}): RReluActivation {
  if (!(Number.isFinite(lower) && lower > 0)) fail('lower', 'a finite number > 0', lower);
  if (!(Number.isFinite(upper) && upper >= lower)) fail('upper', `a finite number ≥ lower (${lower})`, upper);
  const evalSlope = 2 / (lower + upper);
  return {
    name: 'rrelu',
    spec: { name: 'rrelu', lower, upper },
    lower,
    upper,
    evalSlope,
    output: (x) => leaky(x, evalSlope),
    der: (x) => leakyDer(x, evalSlope),
    sampleSlope: (rng) => 1 / rng.uniform(lower, upper),
    outputAt: leaky,
    derAt: leakyDer,
  };
}

/** ELU: f(x) = α(eˣ − 1) for x ≤ 0, x otherwise; f'(x) = f(x) + α = α·eˣ for x ≤ 0. */
export function elu(alpha = 1): Activation {
  checkNonNegative('alpha', alpha);
  return {
    name: 'elu',
    spec: { name: 'elu', alpha },
    output: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
    der: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
  };
}

type Params = { slope?: number; initial?: number; lower?: number; upper?: number; alpha?: number };

/**
 * The activation for a name plus parameters, or for a spec object:
 * `activation('leakyRelu', { slope: 0.1 })`, `activation({ name: 'elu', alpha: 1 })`.
 * Missing parameters take the defaults of the factories above.
 */
export function activation(nameOrSpec: ActivationName | ActivationSpec | Activation, params: Params = {}): Activation {
  if (typeof nameOrSpec === 'object' && nameOrSpec !== null && 'spec' in nameOrSpec) {
    return activation(nameOrSpec.spec, params);
  }
  const isObject = typeof nameOrSpec === 'object' && nameOrSpec !== null;
  const name = checkOneOf('activation', isObject ? nameOrSpec.name : nameOrSpec, ACTIVATION_NAMES);
  const p: Params = isObject ? { ...(nameOrSpec as Params), ...params } : params;
  switch (name) {
    case 'linear': return linear;
    case 'sigmoid': return sigmoid;
    case 'tanh': return tanh;
    case 'relu': return relu;
    case 'leakyRelu': return leakyRelu(p.slope);
    case 'prelu': return prelu(p.initial);
    case 'rrelu': return rrelu({ lower: p.lower, upper: p.upper });
    case 'elu': return elu(p.alpha);
  }
}
