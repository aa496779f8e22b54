/**
 * Weight initialisers. Each fills a layer's weight array (row-major
 * (fanIn, fanOut), see network.ts) in storage order, drawing from the Rng passed in.
 *
 * - glorotUniform: U(−L, L) with L = √(6/(fanIn + fanOut)) (Glorot & Bengio 2010;
 *   TensorFlow's xavier_initializer / glorot_uniform).
 * - heNormal: N(0, 2/fanIn), not truncated (He et al. 2015). Uses Math.log/cos/sin,
 *   so results are bit-exact within one JavaScript engine; the uniform ones use only
 *   +, ×, √ and are bit-exact everywhere.
 * - heUniform: U(−L, L) with L = √(6/fanIn) (same variance as heNormal).
 * - zeros: all 0; draws nothing.
 */
import { checkOneOf } from './check';
import type { Rng } from './rng';

export type InitName = 'glorotUniform' | 'heNormal' | 'heUniform' | 'zeros';
export const INIT_NAMES: readonly InitName[] = ['glorotUniform', 'heNormal', 'heUniform', 'zeros'];

export interface Initializer {
  readonly name: InitName;
  /** True if `fill` draws from the Rng. */
  readonly random: boolean;
  fill(weights: Float64Array, fanIn: number, fanOut: number, rng?: Rng): Float64Array;
}

function needRng(name: string, rng: Rng | undefined): Rng {
  if (!rng) throw new Error(`rng is required by the '${name}' initializer (got undefined)`);
  return rng;
}

function uniformFill(weights: Float64Array, limit: number, rng: Rng): Float64Array {
  for (let i = 0; i < weights.length; i++) weights[i] = rng.uniform(-limit, limit);
  return weights;
}

export const zeros: Initializer = {
  name: 'zeros',
  random: false,
  fill: (weights) => weights.fill(0),
};

export const glorotUniform: Initializer = {
  name: 'glorotUniform',
  random: true,
  fill: (weights, fanIn, fanOut, rng) =>
    uniformFill(weights, Math.sqrt(6 / (fanIn + fanOut)), needRng('glorotUniform', rng)),
};

export const heUniform: Initializer = {
  name: 'heUniform',
  random: true,
  fill: (weights, fanIn, _fanOut, rng) => uniformFill(weights, Math.sqrt(6 / fanIn), needRng('heUniform', rng)),
};

export const heNormal: Initializer = {
  name: 'heNormal',
  random: true,
  fill(weights, fanIn, _fanOut, rng) {
    const r = needRng('heNormal', rng);
    const sd = Math.sqrt(2 / fanIn);
    for (let i = 0; i < weights.length; i++) weights[i] = r.normal(0, sd);
    return weights;
  },
};

const INITS: Record<InitName, Initializer> = { glorotUniform, heNormal, heUniform, zeros };

export function initializer(name: InitName | Initializer): Initializer {
  if (typeof name === 'object' && name !== null) return initializer(name.name);
  return INITS[checkOneOf('init', name, INIT_NAMES)];
}
