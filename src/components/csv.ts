import { csvFormat } from 'd3-dsv';

type Cell = string | number | boolean | null;

/**
 * Rows of records as CSV (RFC 4180), written by d3-dsv: every key that occurs is a column (in
 * order of first use), quoted where needed. d3-dsv writes NaN and ±Infinity as text; a figure's
 * CSV leaves them empty (a missing value, not a number a spreadsheet would misread), so those
 * cells are cleared first. Ends with a newline, like every line of the file.
 */
export function toCsv(rows: readonly Record<string, Cell>[]): string {
  if (rows.length === 0) return '';
  const clean = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v])),
  );
  return `${csvFormat(clean)}\n`;
}
