/**
 * Seeded pseudo-random numbers: sfc32 (Chris Doty-Humphrey's "small fast counting"
 * generator) on four 32-bit words. Only integer arithmetic, so the stream is the
 * same in every JavaScript engine. Every random draw in this package goes through
 * an `Rng` that the caller passes in; nothing reads `Math.random`.
 */
import { checkInteger, fail } from './check';

/** Plain-JSON state of an `Rng`; `createRng(state)` resumes the stream bit-exactly. */
export interface RngState {
  readonly algorithm: 'sfc32';
  /** The four sfc32 words a, b, c, d as unsigned 32-bit integers (d is the counter). */
  readonly words: readonly [number, number, number, number];
  /** The second normal deviate of the last Box–Muller pair, not yet returned (null if none). */
  readonly spare: number | null;
}

export interface Rng {
  /** Uniform on [0, 1), with 32 random bits (multiples of 2^-32). */
  next(): number;
  /** Uniform on [lo, hi): lo + (hi − lo)·next(). */
  uniform(lo?: number, hi?: number): number;
  /** Uniform integer in 0 … n−1 (floor(n·next()); n ≤ 2^32). */
  int(n: number): number;
  /** Normal deviate by the Box–Muller transform; draws come in pairs, the second is cached in the state. */
  normal(mean?: number, sd?: number): number;
  /** A copy of the current state, as plain JSON. */
  state(): RngState;
}

const TWO_POW_32 = 4294967296;

/** murmur3's 32-bit finaliser: a bijective scramble used only for seeding. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

class Sfc32 implements Rng {
  /** sfc32 word a (int32). */
  private a: number;
  /** sfc32 word b (int32). */
  private b: number;
  /** sfc32 word c (int32). */
  private c: number;
  /** sfc32 counter word d (int32), incremented by one per 32-bit draw. */
  private d: number;
  /** Cached second deviate of the last Box–Muller pair, or null. */
  private spare: number | null;

  constructor(words: readonly number[], spare: number | null) {
    this.a = words[0] | 0;
    this.b = words[1] | 0;
    this.c = words[2] | 0;
    this.d = words[3] | 0;
    this.spare = spare;
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  }

  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  int(n: number): number {
    return Math.floor(n * this.next());
  }

  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + sd * z;
    }
    const u1 = 1 - this.next(); // (0, 1]: log never sees 0
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    return mean + sd * r * Math.cos(theta);
  }

  state(): RngState {
    return {
      algorithm: 'sfc32',
      words: [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0],
      spare: this.spare,
    };
  }
}

function isState(value: unknown): value is RngState {
  return typeof value === 'object' && value !== null && (value as RngState).algorithm === 'sfc32';
}

/**
 * A generator from an integer seed (any safe integer; `stream` picks one of 2^32
 * independent-looking streams for the same seed), or resumed from `rng.state()`.
 */
export function createRng(seed: number | RngState, stream = 0): Rng {
  if (isState(seed)) {
    const { words, spare } = seed;
    if (!Array.isArray(words) || words.length !== 4 || !words.every((w) => Number.isInteger(w) && w >= 0 && w < TWO_POW_32)) {
      fail('state.words', 'four unsigned 32-bit integers', words);
    }
    if (spare !== null && !Number.isFinite(spare)) fail('state.spare', 'a finite number or null', spare);
    return new Sfc32(words, spare);
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) fail('seed', 'a safe integer or an RngState', seed);
  checkInteger('stream', stream, 0);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  const rng = new Sfc32([mix32(lo ^ 0x9e3779b9), mix32(hi ^ 0x7f4a7c15), mix32((stream >>> 0) ^ 0x85ebca77), 1], null);
  for (let i = 0; i < 15; i++) rng.next(); // let the seed words diffuse
  return rng;
}
