/**
 * Weight penalties, applied to weight matrices only (never to biases or PReLU
 * slopes), each with its gradient. All four are one formula,
 *
 *   penalty(w) = a·Σ|w| + b·Σw²/2,
 *
 * - none:              a = 0,        b = 0
 * - l1(λ):             a = λ,        b = 0   (TensorFlow's l1_regularizer: λΣ|w|)
 * - l2(λ):             a = 0,        b = λ   (TensorFlow's l2_regularizer: λΣw²/2)
 * - elasticNet(λ, m):  a = λ·m,      b = λ·(1 − m), mix m ∈ [0, 1]
 *   (scikit-learn's ElasticNet with l1_ratio = m; m = 1 is l1, m = 0 is l2).
 *
 * The L1 part uses the subgradient sign(0) = 0 at w = 0.
 */
import { checkNonNegative, checkOneOf, checkRange } from './check';

/**
 * sign(w) ∈ {−1, 0, 1}, with sign(0) = sign(NaN) = 0. Written with two comparisons
 * so that optimising compilers emit no branch: under L1 many weights hover around
 * zero and change sign from step to step, which makes a branch (or `Math.sign`)
 * mispredict often.
 */
export function signOf(w: number): number {
  return Number(w > 0) - Number(w < 0);
}

export type RegularizerName = 'none' | 'l1' | 'l2' | 'elastic';
export const REGULARIZER_NAMES: readonly RegularizerName[] = ['none', 'l1', 'l2', 'elastic'];

export type RegularizerSpec =
  | { readonly name: 'none' }
  | { readonly name: 'l1'; readonly lambda: number }
  | { readonly name: 'l2'; readonly lambda: number }
  | { readonly name: 'elastic'; readonly lambda: number; readonly mix: number };

export interface Regularizer {
  readonly name: RegularizerName;
  readonly spec: RegularizerSpec;
  /** a: coefficient of Σ|w|. */
  readonly l1: number;
  /** b: coefficient of Σw²/2. */
  readonly l2: number;
  /** Penalty of one weight. */
  point(w: number): number;
  /** ∂point/∂w (0 at w = 0 for the L1 part). */
  pointDer(w: number): number;
  /** Penalty of all weights in `ws`. */
  value(ws: ArrayLike<number>): number;
  /** ∂value/∂w for every weight, added into `out` and returned. */
  addGrad(ws: ArrayLike<number>, out: Float64Array): Float64Array;
}

/**
 * The one implementation of `Regularizer`. a and b sit in a typed array behind
 * getters: as plain number fields, 0 for one regularizer and 0.3 for the next
 * would give the objects different hidden classes in V8, which throws away the
 * optimised training loop when a run switches penalty.
 */
class Penalty implements Regularizer {
  readonly name: RegularizerName;
  readonly spec: RegularizerSpec;
  /** [a, b]. */
  private readonly coefficients: Float64Array;

  constructor(spec: RegularizerSpec, a: number, b: number) {
    this.name = spec.name;
    this.spec = spec;
    this.coefficients = Float64Array.of(a, b);
  }

  get l1(): number {
    return this.coefficients[0];
  }

  get l2(): number {
    return this.coefficients[1];
  }

  point(w: number): number {
    const [a, b] = this.coefficients;
    return a * Math.abs(w) + (b * w * w) / 2;
  }

  pointDer(w: number): number {
    const [a, b] = this.coefficients;
    return a * signOf(w) + b * w;
  }

  value(ws: ArrayLike<number>): number {
    let s = 0;
    for (let i = 0; i < ws.length; i++) s += this.point(ws[i]);
    return s;
  }

  addGrad(ws: ArrayLike<number>, out: Float64Array): Float64Array {
    for (let i = 0; i < ws.length; i++) out[i] += this.pointDer(ws[i]);
    return out;
  }
}

function make(spec: RegularizerSpec, a: number, b: number): Regularizer {
  return new Penalty(spec, a, b);
}

export function none(): Regularizer {
  return make({ name: 'none' }, 0, 0);
}

export function l1(lambda: number): Regularizer {
  checkNonNegative('lambda', lambda);
  return make({ name: 'l1', lambda }, lambda, 0);
}

export function l2(lambda: number): Regularizer {
  checkNonNegative('lambda', lambda);
  return make({ name: 'l2', lambda }, 0, lambda);
}

export function elasticNet(lambda: number, mix = 0.5): Regularizer {
  checkNonNegative('lambda', lambda);
  checkRange('mix', mix, 0, 1);
  return make({ name: 'elastic', lambda, mix }, lambda * mix, lambda * (1 - mix));
}

/**
 * The regularizer for a name and λ (and mix for 'elastic'), or for a spec:
 * `regularizer('l1', 0.3)`, `regularizer({ name: 'elastic', lambda: 0.3, mix: 0.5 })`.
 */
export function regularizer(
  nameOrSpec: RegularizerName | RegularizerSpec | Regularizer,
  lambda?: number,
  mix?: number,
): Regularizer {
  if (typeof nameOrSpec === 'object' && nameOrSpec !== null) {
    const spec = ('spec' in nameOrSpec ? nameOrSpec.spec : nameOrSpec) as Partial<{ lambda: number; mix: number }> & {
      name: RegularizerName;
    };
    return regularizer(spec.name, spec.lambda, spec.mix);
  }
  const name = checkOneOf('regularizer', nameOrSpec, REGULARIZER_NAMES);
  switch (name) {
    case 'none': return none();
    case 'l1': return l1(lambda as number);
    case 'l2': return l2(lambda as number);
    case 'elastic': return elasticNet(lambda as number, mix);
  }
}
