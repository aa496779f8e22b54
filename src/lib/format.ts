/**
 * How numbers are written on the site, in one place: never "NaN" or "Infinity" (an em dash
 * instead, which the figure explains next to it), a real minus sign (U+2212), and the notations the
 * figures share (test errors to two decimals, mean ± sd, probabilities, magnitudes over many
 * orders, fitted lines).
 */

/**
 * Formats a number for display: never "NaN" or "Infinity" on the page. Non-finite values are
 * shown as an em dash, which widgets explain next to it (e.g. "training diverged").
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(Math.max(0, digits - 1)).replace('-', '\u2212');
  const text = Number(value.toPrecision(digits)).toString();
  return text.replace('-', '\u2212');
}

// ── test errors (L1 vs L2) ──────────────────────────────────────────────────────────────────

/**
 * A test error with two decimals, like the tables' mean ± sd rows (so the columns line up and fit
 * a phone); an em dash when the run did not finish. `decimals` = 8 gives the source's precision,
 * which the table cells keep in their tooltip and the figure's CSV keeps in full.
 */
export function formatError(x: number | null | undefined, decimals = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(decimals);
}

/** A table cell's tooltip: the test error to the source's 8 decimals; none for an empty or unfinished cell. */
export function exactError(x: number | null | undefined): string | undefined {
  return x === null || x === undefined || !Number.isFinite(x) ? undefined : formatError(x, 8);
}

/**
 * "mean ± sd" of test errors, both with two decimals (so columns line up), joined by
 * no-break spaces so a narrow column never splits the pair; '—' when there is no mean.
 */
export function formatMeanSd(s: { readonly mean: number | null; readonly sd: number | null }): string {
  if (s.mean === null || !Number.isFinite(s.mean)) return '—';
  return s.sd === null || !Number.isFinite(s.sd) ? s.mean.toFixed(2) : `${s.mean.toFixed(2)}\u00a0±\u00a0${s.sd.toFixed(2)}`;
}

// ── probabilities (softmax) ─────────────────────────────────────────────────────────────────

/**
 * A probability rounded to 3 decimals with trailing zeros dropped (0.130 → "0.13"), the way the
 * worked cases are written; a positive value that rounds to 0 shows as "< 0.001".
 */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p > 0 && p < 0.0005) return '< 0.001';
  return String(Number(p.toFixed(3)));
}

// ── magnitudes over many orders (vanishing gradients) ──────────────────────────────────────
// Plain decimals from 0.001 up to 10 000, powers of ten (7.46 × 10⁻¹²) outside that range; never
// SI prefixes ("100a", "10f"), never "e−12".

/** Magnitudes written as plain decimals: PLAIN_MIN ≤ |v| < PLAIN_MAX. */
export const PLAIN_MIN = 1e-3;
export const PLAIN_MAX = 1e4;

const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};
/** Narrow no-break space: keeps "7.46 × 10⁻¹²" on one line. */
const NNBSP = '\u202f';

/** An integer in superscript digits: −12 → "⁻¹²". */
export function superscript(n: number): string {
  return String(Math.trunc(n))
    .split('')
    .map((c) => SUPERSCRIPTS[c] ?? c)
    .join('');
}

/** m × 10ⁿ with `digits` significant digits, trailing zeros dropped; a mantissa of 1 is left out (10ⁿ). */
export function formatPowerOfTen(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const sign = value < 0 ? '\u2212' : '';
  const [m, e] = Math.abs(value).toExponential(Math.max(0, digits - 1)).split('e');
  const mantissa = Number(m);
  const power = `10${superscript(Number(e))}`;
  return sign + (mantissa === 1 ? power : `${mantissa}${NNBSP}×${NNBSP}${power}`);
}

/** A plain decimal between 0.001 and 10 000 (in size), a power of ten outside; "—" for a value that is not finite. */
export function formatMagnitude(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const rounded = Number(Math.abs(value).toPrecision(digits));
  if (rounded < PLAIN_MIN || rounded >= PLAIN_MAX) return formatPowerOfTen(value, digits);
  return (value < 0 ? '\u2212' : '') + String(rounded);
}

// ── fitted lines ────────────────────────────────────────────────────────────────────────────

/**
 * "ŷ = a + bx", with a negative slope written as a subtraction (U+2212): "ŷ = 8.92 − 1.11x",
 * never "+ −1.11x". Numbers to `digits` significant digits.
 */
export function formatLine(line: { readonly intercept: number; readonly slope: number }, digits = 3): string {
  const slope = formatNumber(Math.abs(line.slope), digits);
  return `ŷ = ${formatNumber(line.intercept, digits)} ${line.slope < 0 ? '\u2212' : '+'} ${slope}x`;
}
