/**
 * How live numbers are written (shared by the build, live-formula.ts, and the page,
 * live-formula-client.ts, so a number reads the same before and after the figure sends it).
 */
import { formatMagnitude } from './format';

/** How a live number is written: significant `digits` (default 3), or fixed `decimals`; `chars` of room. */
export interface LiveFormat {
  readonly digits?: number;
  readonly decimals?: number;
  readonly chars?: number;
}

/** The format as the page carries it on each number (`data-format`): "d3" (3 significant digits) or "f2" (2 decimals). */
export function formatCode(format: LiveFormat = {}): string {
  return format.decimals !== undefined ? `f${format.decimals}` : `d${format.digits ?? 3}`;
}

/** Writes a live number in the format a `data-format` code names (∞ for an overflow, an em dash for no number). */
export function formatLive(value: number, code: string): string {
  const n = Number(code.slice(1)) || 0;
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (code[0] === 'f') return Number.isFinite(value) ? value.toFixed(n).replace('-', '\u2212') : '—';
  return formatMagnitude(value, n || 3);
}

/**
 * The room kept for a number, in characters: `chars` if given, else the widest number the format
 * writes for values in −99.9…99.9 ("−0.0123" with 3 digits: sign, "0.", 3 digits, and one more).
 */
export function reservedChars(format: LiveFormat = {}): number {
  if (format.chars !== undefined) return format.chars;
  return format.decimals !== undefined ? format.decimals + 4 : (format.digits ?? 3) + 3;
}

