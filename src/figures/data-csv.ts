/**
 * A reader's dataset as CSV text, read against the figure's data setting (settings.ts, type
 * 'data'): two columns x and y, a header line optional, values separated by commas, semicolons or
 * tabs (d3-dsv reads each line, quotes included). Every refusal names the line and the column
 * (lines counted as the reader's editor counts them, blank ones included), and nothing is kept of
 * a text that fails: the figure keeps the data it had.
 *
 * Also the reverse, `dataCsv`: the points as CSV, each number written as JavaScript writes it, so
 * reading it back gives the same numbers bit for bit.
 */
import { dsvFormat } from 'd3-dsv';
import { readDecimal, type DataSetting } from './settings';

export { dataCsv } from './setting-codecs';

/** The most characters of text (pasted, or read from a file) the parser looks at. */
export const MAX_TEXT = 1_000_000;
/** The largest file a figure opens, in bytes (checked before the file is read). */
export const MAX_FILE_BYTES = 1_000_000;

export type Delimiter = ',' | ';' | '\t';

export type DataRead =
  | { ok: true; points: [number, number][]; header: [string, string] | null; delimiter: Delimiter }
  | { ok: false; message: string; line?: number; column?: number };

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };
const parsers = { ',': dsvFormat(','), ';': dsvFormat(';'), '\t': dsvFormat('\t') };

const count = (n: number) => n.toLocaleString('en-US');
const minus = (x: number) => String(x).replace('-', '\u2212');
/** A cell as quoted in a message: at most 20 characters. */
const quote = (cell: string) => `“${cell.length > 20 ? `${cell.slice(0, 19)}…` : cell}”`;

/** How big a text or file is, in words: "5.2 MB", "812 KB", "300 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} bytes`;
}

/** The first of tab, semicolon and comma that the line holds (comma when none). */
export function detectDelimiter(line: string): Delimiter {
  return line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',';
}

/** Why a cell is not a number, or its number. */
function readCell(cell: string, delimiter: Delimiter): { value: number } | { why: string } {
  const t = cell.trim();
  if (t === '') return { why: 'the value is missing' };
  const value = readDecimal(t);
  if (value !== undefined) return { value };
  // NaN, Infinity and decimals too large for a double (1e999) are numbers of a kind, but not finite ones.
  const plain = t.replace(/^\u2212/, '-');
  if (/^[+-]?(nan|inf|infinity)$/i.test(plain) || /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return { why: `${quote(t)} is not a finite number` };
  if (delimiter !== ',' && /^[+\-\u2212]?\d+,\d+$/.test(t)) return { why: `${quote(t)} is not a number (write decimals with a point: ${t.replace(',', '.')})` };
  return { why: `${quote(t)} is not a number` };
}

/**
 * Reads CSV text as the figure's points, or says what is wrong and where: "Line 4, column 2 (y):
 * “abc” is not a number."
 */
export function parseDataCsv(text: string, spec: DataSetting): DataRead {
  if (text.length > MAX_TEXT) return { ok: false, message: `The text is ${sizeText(text.length)} long; this figure reads at most ${sizeText(MAX_TEXT)} (${count(spec.maxItems)} points).` };
  const lines = text.split(/\r\n|\r|\n/);
  const filled: number[] = [];
  lines.forEach((l, i) => l.trim() !== '' && filled.push(i));
  if (filled.length === 0) return { ok: false, message: `There is no data: write one point per line as x,y (at least ${spec.minItems} points).` };
  // A header line counts as one more line than the points it heads.
  if (filled.length > spec.maxItems + 1) {
    return { ok: false, message: `The data has ${count(filled.length)} lines; this figure takes at most ${count(spec.maxItems)} points.` };
  }
  const delimiter = detectDelimiter(lines[filled[0]]);
  const rowOf = (i: number) => parsers[delimiter].parseRows(lines[i])[0] ?? [];
  const first = rowOf(filled[0]);
  // A first line with no number in it is a header; columns named x and y (in any case) are used, else the first two.
  const isHeader = first.every((c) => readDecimal(c.trim()) === undefined && !/^[+\-\u2212]?(nan|inf|infinity)$/i.test(c.trim()));
  let xi = 0;
  let yi = 1;
  let header: [string, string] | null = null;
  if (isHeader) {
    const names = first.map((c) => c.trim().toLowerCase());
    if (names.includes('x') && names.includes('y')) [xi, yi] = [names.indexOf('x'), names.indexOf('y')];
    header = [first[xi]?.trim() || 'x', first[yi]?.trim() || 'y'];
  }
  const names = [header?.[0] ?? 'x', header?.[1] ?? 'y'];
  const points: [number, number][] = [];
  for (const i of isHeader ? filled.slice(1) : filled) {
    const line = i + 1;
    if (points.length === spec.maxItems) {
      return { ok: false, message: `Line ${line} is point ${count(spec.maxItems + 1)}; this figure takes at most ${count(spec.maxItems)} points.`, line };
    }
    const cells = rowOf(i);
    const pair: number[] = [];
    for (const [k, index] of [xi, yi].entries()) {
      const where = `Line ${line}, column ${index + 1} (${names[k]})`;
      const read = readCell(cells[index] ?? '', delimiter);
      if ('why' in read) return { ok: false, message: `${where}: ${read.why}.`, line, column: index + 1 };
      const [lo, hi] = k === 0 ? spec.x : spec.y;
      if (read.value < lo || read.value > hi) {
        return { ok: false, message: `${where}: ${quote(cells[index].trim())} is outside the range this figure takes, ${minus(lo)} to ${minus(hi)}.`, line, column: index + 1 };
      }
      pair.push(read.value);
    }
    points.push([pair[0], pair[1]]);
  }
  if (points.length < spec.minItems) {
    return { ok: false, message: `Only ${points.length} point${points.length === 1 ? '' : 's'}; this figure needs at least ${spec.minItems}.` };
  }
  return { ok: true, points, header, delimiter };
}

/** What was read, in one sentence: "Read 12 points (a header line, separated by semicolons)." */
export function readSummary(read: Extract<DataRead, { ok: true }>): string {
  const parts = [read.header ? `columns ${read.header[0]} and ${read.header[1]} of the header line` : null, `separated by ${DELIMITER_NAMES[read.delimiter]}`].filter(Boolean);
  return `Read ${count(read.points.length)} points (${parts.join(', ')}).`;
}
