/**
 * A figure's settings, each declared once: type, default, range, label, description and URL key.
 * Everything else reads them from here — the article checks (a bad prop fails the build), the
 * wrapper's resolution, the URL codecs (setting-codecs.ts), the controls' ranges and labels, the worker's validation
 * of a job's input, the gallery and the CONTRIBUTING reference.
 *
 * A setting is also a prop of the figure (an author can set its first value in MDX) unless it
 * says `prop: false`, and it travels in the page URL as `?<figure id>.<url key>=…` unless it says
 * `url: false`.
 */

export { DATA_URL_MAX, formatData } from './data-url';

interface Common {
  /** What the control next to the figure is labelled. */
  readonly label: string;
  /** One sentence for authors: what the setting does (gallery, CONTRIBUTING). */
  readonly description: string;
  /** Key in the page URL (default: the setting's name); false keeps it out of the URL. */
  readonly url?: string | false;
  /** False: readers change it, authors cannot set it in MDX. Default true. */
  readonly prop?: boolean;
}

export interface NumberSetting extends Common {
  readonly type: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** Shown as a slider with this step (default: a typed field). */
  readonly step?: number;
  /** Only these values (shown as a drop-down list). */
  readonly choices?: readonly number[];
  /** A typed field's label ends with the range, e.g. "λ (0–10)". */
  readonly showRange?: boolean;
}

export interface EnumSetting<V extends string = string> extends Common {
  readonly type: 'enum';
  readonly values: readonly V[];
  readonly default: V;
  /** What each value is called on screen (default: the value). */
  readonly labels?: { readonly [K in V]?: string };
}

export interface ListSetting<V extends string = string> extends Common {
  readonly type: 'list';
  readonly values: readonly V[];
  readonly default: readonly V[];
  /** At least this many stay chosen (default 1). */
  readonly minItems?: number;
  readonly labels?: { readonly [K in V]?: string };
}

export interface BooleanSetting extends Common {
  readonly type: 'boolean';
  readonly default: boolean;
}

/** A list of numbers, each within [min, max] (e.g. the logits of a softmax). */
export interface NumbersSetting extends Common {
  readonly type: 'numbers';
  readonly default: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly minItems: number;
  readonly maxItems: number;
}

/** A list of points (x, y) inside a box (e.g. outliers the reader placed). */
export interface PointsSetting extends Common {
  readonly type: 'points';
  readonly default: readonly (readonly [number, number])[];
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly maxItems: number;
}

/**
 * A dataset of the reader's own: points [x, y] drawn on a plot, pasted or opened as CSV (the
 * parser, data-csv.ts, reads them against these limits). Its default is null, the figure's own
 * data (what the build computes with); authors cannot set it (it is a reader's setting, `prop`
 * false). In the URL it is compressed (lz-string); a dataset whose compressed text is longer than
 * DATA_URL_MAX stays out of the URL, and the figure says so.
 */
export interface DataSetting extends Common {
  readonly type: 'data';
  readonly default: null;
  /** Every point's x within [x[0], x[1]] and y within [y[0], y[1]]. */
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  /** At least this many points, at most `maxItems`. */
  readonly minItems: number;
  readonly maxItems: number;
  /** The box a plot to draw points on shows (it grows to take in points outside it). */
  readonly view: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  /** The figure's own data, in words, for the controls: "the 50 generated points". */
  readonly defaultText: string;
  readonly prop: false;
}

export type SettingSpec = NumberSetting | EnumSetting | ListSetting | BooleanSetting | NumbersSetting | PointsSetting | DataSetting;
export type SettingSpecs = Readonly<Record<string, SettingSpec>>;

/** The value a setting holds (an enum's or a list's values are the declared `values`). */
export type ValueOf<S extends SettingSpec> = S extends { type: 'number' }
  ? number
  : S extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : S extends { type: 'list'; values: readonly (infer V)[] }
      ? V[]
      : S extends { type: 'boolean' }
        ? boolean
        : S extends { type: 'numbers' }
          ? number[]
          : S extends { type: 'points' }
            ? [number, number][]
            : S extends { type: 'data' }
              ? [number, number][] | null
              : never;

export type Values<S extends SettingSpecs> = { -readonly [K in keyof S]: ValueOf<S[K]> };

// ── checking a value ─────────────────────────────────────────────────────────────────────────

export type Checked<T> = { ok: true; value: T } | { ok: false; expected: string };

const minus = (x: number) => String(x).replace('-', '\u2212');

/** "a number from 0 to 10", "one of "l1", "l2"" …: what a setting accepts, for messages. */
export function expected(spec: SettingSpec): string {
  switch (spec.type) {
    case 'number':
      if (spec.choices) return `one of ${spec.choices.join(', ')}`;
      return `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}`;
    case 'enum':
      return `one of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
    case 'list':
      return `a list of ${spec.minItems ?? 1} or more different values of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'numbers':
      return `a list of ${spec.minItems} to ${spec.maxItems} numbers, each from ${spec.min} to ${spec.max}`;
    case 'points':
      return `a list of at most ${spec.maxItems} points [x, y] with x from ${spec.x[0]} to ${spec.x[1]} and y from ${spec.y[0]} to ${spec.y[1]}`;
    case 'data':
      return `${spec.minItems} to ${spec.maxItems} points [x, y] with x from ${spec.x[0]} to ${spec.x[1]} and y from ${spec.y[0]} to ${spec.y[1]}`;
  }
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const within = (v: number, lo: number, hi: number) => v >= lo && v <= hi;

/**
 * Checks a value against its setting and returns it normalised (a list keeps the declared order,
 * each value once), or what was expected. One rule for MDX props, URL values, typed values and a
 * worker's input.
 */
export function checkValue(spec: SettingSpec, value: unknown): Checked<unknown> {
  const bad = { ok: false as const, expected: expected(spec) };
  switch (spec.type) {
    case 'number':
      if (!finite(value) || !within(value, spec.min, spec.max) || (spec.integer && !Number.isInteger(value))) return bad;
      if (spec.choices && !spec.choices.includes(value)) return bad;
      return { ok: true, value };
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? { ok: true, value } : bad;
    case 'list': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !spec.values.includes(v))) return bad;
      const list = spec.values.filter((v) => value.includes(v));
      return list.length >= (spec.minItems ?? 1) ? { ok: true, value: list } : bad;
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : bad;
    case 'numbers':
      if (!Array.isArray(value) || !within(value.length, spec.minItems, spec.maxItems)) return bad;
      return value.every((v) => finite(v) && within(v, spec.min, spec.max)) ? { ok: true, value: [...value] } : bad;
    case 'points':
      if (!Array.isArray(value) || value.length > spec.maxItems) return bad;
      for (const p of value) {
        if (!Array.isArray(p) || p.length !== 2 || !finite(p[0]) || !finite(p[1])) return bad;
        if (!within(p[0], spec.x[0], spec.x[1]) || !within(p[1], spec.y[0], spec.y[1])) return bad;
      }
      return { ok: true, value: value.map((p) => [p[0], p[1]]) };
    case 'data':
      if (value === null) return { ok: true, value: null };
      if (!Array.isArray(value) || !within(value.length, spec.minItems, spec.maxItems)) return bad;
      for (const p of value) {
        if (!Array.isArray(p) || p.length !== 2 || !finite(p[0]) || !finite(p[1])) return bad;
        if (!within(p[0], spec.x[0], spec.x[1]) || !within(p[1], spec.y[0], spec.y[1])) return bad;
      }
      return { ok: true, value: value.map((p) => [p[0], p[1]]) };
  }
}

// ── typed numbers ────────────────────────────────────────────────────────────────────────────

/** Decimal notation only: digits with an optional point and exponent; a Unicode minus counts. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads decimal text as a number (never hex, binary, "Infinity" or an empty string); else undefined. */
export function readDecimal(text: string): number | undefined {
  const t = text.trim().replace(/^\u2212/, '-');
  if (!DECIMAL.test(t)) return undefined;
  const value = Number(t);
  return Number.isFinite(value) ? value : undefined;
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

function describeRange({ min, max }: NumberRule): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

/** Parses what a reader typed as a number within the rule; the message quotes what was typed. */
export function parseNumber(text: string, rule: NumberRule = {}): Parsed {
  const typed = text.trim();
  const range = describeRange(rule);
  if (typed === '') return { ok: false, message: `Enter a number${range}.` };
  const value = readDecimal(typed);
  if (value === undefined) return { ok: false, message: `“${typed}” is not a number; enter a number${range}.` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: `Enter a whole number${range}.` };
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
    return { ok: false, message: `${typed} is out of range; enter a number${range}.` };
  }
  return { ok: true, value };
}

// ── labels ───────────────────────────────────────────────────────────────────────────────────

/** The label of a setting's control: "λ (0–10)" for a typed number that shows its range. */
export function controlLabel(spec: SettingSpec): string {
  if (spec.type === 'number' && spec.showRange) return `${spec.label} (${minus(spec.min)}–${minus(spec.max)})`;
  return spec.label;
}

/** What a value of an enum or list setting is called on screen. */
export function optionLabel(spec: EnumSetting | ListSetting, value: string): string {
  return spec.labels?.[value] ?? value;
}

/** The allowed values in short, for the gallery's table: "number, 0 to 10". */
export function allowedText(spec: SettingSpec): string {
  switch (spec.type) {
    case 'number':
      return spec.choices ? `one of: ${spec.choices.join(', ')}` : `${spec.integer ? 'whole number' : 'number'}, ${spec.min} to ${spec.max}`;
    case 'enum':
      return `one of: ${spec.values.join(', ')}`;
    case 'list':
      return `list of at least ${spec.minItems ?? 1} of: ${spec.values.join(', ')}`;
    case 'boolean':
      return 'true, false';
    case 'numbers':
      return `${spec.minItems} to ${spec.maxItems} numbers, each ${spec.min} to ${spec.max}`;
    case 'points':
      return `up to ${spec.maxItems} points [x, y], x ${spec.x[0]} to ${spec.x[1]}, y ${spec.y[0]} to ${spec.y[1]}`;
    case 'data':
      return `${spec.minItems} to ${spec.maxItems} points [x, y], x ${spec.x[0]} to ${spec.x[1]}, y ${spec.y[0]} to ${spec.y[1]}`;
  }
}

/** The settings an author can set in MDX. */
export function propNames(settings: SettingSpecs): string[] {
  return Object.keys(settings).filter((k) => settings[k].prop !== false);
}

/** Every setting at its default. */
export function defaultValues<S extends SettingSpecs>(settings: S): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(settings)) out[k] = structuredClone(spec.default);
  return out as Values<S>;
}
