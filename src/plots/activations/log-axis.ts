/**
 * Numbers that span many orders of magnitude, written the way a reader of maths writes them:
 * plain decimals from 0.001 up to 10 000, powers of ten (7.46 × 10⁻¹²) outside that range.
 * Never SI prefixes ("100a", "10f"), never "e−12", never NaN. The vanishing-gradient figure uses
 * the same notation on its log axis and in its table.
 */
import { formatMagnitude, formatPowerOfTen, PLAIN_MAX, PLAIN_MIN } from '../../lib/format';

export { formatMagnitude, formatPowerOfTen, PLAIN_MAX, PLAIN_MIN, superscript } from '../../lib/format';

/** Parses "1e-12" style text exactly, so ticks are the decimal powers themselves (10 ** -12 is not). */
const decimal = (mantissa: number, exponent: number) => Number(`${mantissa}e${exponent}`);

/**
 * Ticks of a log axis over [lo, hi]: powers of ten (every 1, 2, 3, 5 … decades, on multiples of
 * that step, so that at most `maxTicks` are drawn) when the range holds three or more of them;
 * otherwise 1-2-5 steps (or finer) so that a narrow range still gets at least three labels.
 */
export function logTicks(lo: number, hi: number, maxTicks = 8): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 && hi > lo)) return [];
  const inside = (v: number) => v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12);
  const eLo = Math.floor(Math.log10(lo)) - 1;
  const eHi = Math.ceil(Math.log10(hi)) + 1;
  const powers: number[] = [];
  for (let e = eLo; e <= eHi; e++) if (inside(decimal(1, e))) powers.push(e);
  if (powers.length >= 3) {
    for (const step of [1, 2, 3, 5, 10, 20, 50, 100]) {
      const picked = powers.filter((e) => e % step === 0);
      if (picked.length <= maxTicks && picked.length >= 2) return picked.map((e) => decimal(1, e));
    }
    return [decimal(1, powers[0]), decimal(1, powers[powers.length - 1])];
  }
  let ticks: number[] = [];
  for (const mantissas of [[1, 2, 5], [1, 2, 3, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    ticks = [];
    for (let e = eLo; e <= eHi; e++) for (const m of mantissas) if (inside(decimal(m, e))) ticks.push(decimal(m, e));
    if (ticks.length >= 3) break;
  }
  if (ticks.length > maxTicks && powers.length >= 2) return powers.map((e) => decimal(1, e));
  return ticks;
}

/**
 * Formatter for the ticks of one log axis: plain decimals if every tick is between 0.001 and
 * 10 000, otherwise every tick as a power of ten (10⁻¹², 10⁰, 2 × 10⁻⁵), so one axis never mixes
 * the two notations.
 */
export function logTickFormat(ticks: readonly number[]): (value: number) => string {
  const plain = ticks.every((t) => t >= PLAIN_MIN && t < PLAIN_MAX);
  return plain ? (v) => formatMagnitude(v, 3) : (v) => formatPowerOfTen(v, 3);
}
