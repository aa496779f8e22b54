/** Reading a number a reader typed: either a value, or a message saying what is allowed. */
export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Parses typed text as a finite number within the rule; the message says what is allowed. */
export function parseNumber(text: string, rule: NumberRule = {}): Parsed {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  const range = describeRange(rule);
  if (trimmed === '') return { ok: false, message: `Enter a number${range}.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” is not a number; enter a number${range}.` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: `Enter a whole number${range}.` };
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
    return { ok: false, message: `${value} is out of range; enter a number${range}.` };
  }
  return { ok: true, value };
}

function describeRange({ min, max }: NumberRule): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

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
