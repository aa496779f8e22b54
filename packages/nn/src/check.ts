/**
 * Argument checks shared by every public function. Each throws an Error whose
 * message names the argument, says what is allowed and shows what it got, e.g.
 * `lambda must be a finite number ≥ 0 (got -1)`.
 */

/** A short, readable rendering of a bad value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function fail(name: string, allowed: string, value: unknown): never {
  throw new Error(`${name} must be ${allowed} (got ${describe(value)})`);
}

/** A finite number ≥ min (default 0). */
export function checkNonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(name, 'a finite number ≥ 0', value);
  }
  return value;
}

export function checkFinite(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, 'a finite number', value);
  return value;
}

export function checkPositive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(name, 'a finite number > 0', value);
  }
  return value;
}

/** A finite number in [lo, hi] (or [lo, hi) when `openHigh`). */
export function checkRange(name: string, value: unknown, lo: number, hi: number, openHigh = false): number {
  const ok =
    typeof value === 'number' && Number.isFinite(value) && value >= lo && (openHigh ? value < hi : value <= hi);
  if (!ok) fail(name, `a number in [${lo}, ${hi}${openHigh ? ')' : ']'}`, value);
  return value as number;
}

/** An integer ≥ min. */
export function checkInteger(name: string, value: unknown, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    fail(name, `an integer ≥ ${min}`, value);
  }
  return value;
}

/** One of a fixed list of strings; the message lists them all. */
export function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  }
  return value as T;
}

/** Every entry of `values` is a finite number. */
export function checkAllFinite(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) fail(`${name}[${i}]`, 'a finite number', values[i]);
  }
}

/** An array-like of exactly `length` entries. */
export function checkLength(name: string, values: ArrayLike<number> | undefined, length: number): void {
  if (values == null || typeof values.length !== 'number') fail(name, `an array of length ${length}`, values);
  if (values.length !== length) {
    throw new Error(`${name} must have length ${length} (got length ${values.length})`);
  }
}
