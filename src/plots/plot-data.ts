import type { PlotOptions } from './render';

type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/**
 * The numbers behind a figure, read back from its Plot options: every mark's data, one row per
 * datum, with a `mark` column naming the layer it came from ("line 2", "dot 3", …). Records keep
 * their plain fields; [x, y] pairs become x and y; bare numbers become `value`. Reference lines
 * (marks whose data is only one or two numbers, such as a rule at zero) are left out.
 * This is what "Download CSV" offers when a widget hands no rows of its own.
 */
export function rowsFromPlot(options: PlotOptions): Row[] {
  const rows: Row[] = [];
  const marks = flatten(options.marks ?? []);
  marks.forEach((mark, index) => {
    const data = (mark as { data?: unknown }).data;
    if (!isArrayLike(data) || data.length === 0) return;
    const items = Array.from(data as ArrayLike<unknown>);
    if (items.length <= 2 && items.every((d) => typeof d === 'number')) return;
    const label = `${(mark as { ariaLabel?: string }).ariaLabel ?? 'mark'} ${index + 1}`;
    for (const item of items) {
      const row = toRow(item);
      if (row) rows.push({ mark: label, ...row });
    }
  });
  return rows;
}

function flatten(marks: readonly unknown[]): unknown[] {
  return marks.flatMap((m) => (Array.isArray(m) ? flatten(m) : m == null ? [] : [m]));
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function toRow(item: unknown): Row | null {
  if (typeof item === 'number' || typeof item === 'string' || typeof item === 'boolean') return { value: item };
  if (Array.isArray(item) || ArrayBuffer.isView(item)) {
    const [x, y] = Array.from(item as ArrayLike<unknown>);
    return typeof x === 'number' && typeof y === 'number' ? { x, y } : null;
  }
  if (item && typeof item === 'object') {
    const row: Row = {};
    for (const [key, value] of Object.entries(item)) {
      if (value === null || ['number', 'string', 'boolean'].includes(typeof value)) row[key] = value as Cell;
      else if (value instanceof Date) row[key] = value.toISOString();
    }
    return Object.keys(row).length ? row : null;
  }
  return null;
}
