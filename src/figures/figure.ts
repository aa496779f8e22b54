/**
 * One declaration per figure: its settings (settings.ts) and its computation, the pure function
 * that the build runs for the HTML and the worker runs in the browser. Declared in
 * `src/figures/<article>/<Name>.figure.ts`, where `<Name>` is also the name of the wrapper an
 * article imports (`src/components/widgets/<Name>.astro`) and of the widget
 * (`src/widgets/<article>/<Name>.tsx`).
 */
import { checkValue, propNames, type SettingSpecs, type Values } from './settings';

/** Reports how far a computation has got; `partial` carries something that can be shown already. */
export type Report<P> = (done: number, total: number, partial?: P) => void;

/** The computation of a figure: a pure function of some of its settings (its inputs). */
export interface Computation<S extends SettingSpecs, K extends keyof S, R, P> {
  /** The settings the computation reads; a job's input is exactly these. */
  readonly inputs: readonly K[];
  /**
   * Loads the function (a dynamic import, so a page that never runs it never downloads it) that
   * computes the figure. The build calls it for the HTML, the worker for a rerun: same code, same
   * numbers.
   */
  readonly load: () => Promise<(input: Pick<Values<S>, K>, report: Report<P>) => R>;
  /**
   * Small jobs like the reader's next one, which the worker runs and throws away while the page is
   * idle (before the first job and after a Stop), so that the engine has compiled the hot loops
   * before the reader presses Rerun: a training loop's first run, compiled as it goes, is many times
   * slower than the next. Each is run in a task of its own, and a job that arrives stops the rest, so
   * a reader waits at most for one of them. Given the reader's current input.
   */
  readonly warmup?: (input: Pick<Values<S>, K>) => readonly Pick<Values<S>, K>[];
}

/** A value a formula in the article can show from a figure, as the figure changes. */
export interface LiveValue {
  /** How it is named where it is announced ("x", "σ(x)", "p₁"). */
  readonly label: string;
  /** What it is, for authors (gallery, CONTRIBUTING, error messages). */
  readonly description: string;
  /** Significant digits it is written with (default 3), unless `decimals` is given. */
  readonly digits?: number;
  /** Written with this many decimals instead (e.g. 2 for a probability: 0.27, 0.70). */
  readonly decimals?: number;
  /** The room kept for it, in characters (default: the widest number its format writes in −99.9…). */
  readonly chars?: number;
}

/**
 * The numbers a figure lends to the formulas around it (src/components/LiveFormula.astro): a formula
 * writes `\live{name}` where a number goes; the page shows the value for the figure's first state,
 * and the figure sends new values as the reader changes it.
 */
export interface LiveValues<S extends SettingSpecs, R = unknown> {
  readonly values: Readonly<Record<string, LiveValue>>;
  /** A formula that uses some of them, shown in the gallery and the widget reference (TeX with `\live{name}`). */
  readonly example: string;
  /**
   * The values for these settings; `at` holds what the reader points at (e.g. the explorer's cursor
   * `x`); `result` is the figure's computed result (the build's, then each finished rerun's), for a
   * figure whose numbers come out of its computation (e.g. the last step of a training run). A value
   * missing from the record is shown as a dash.
   */
  compute(settings: Values<S>, at?: Readonly<Record<string, number>>, result?: R): Record<string, number>;
}

export interface FigureDeclaration<S extends SettingSpecs = SettingSpecs, K extends keyof S = keyof S, R = unknown, P = unknown> {
  /** The wrapper's and the widget's file name, e.g. "Experiment". */
  readonly name: string;
  /** One or two sentences for the gallery and CONTRIBUTING. */
  readonly description: string;
  readonly settings: S;
  /**
   * How the figure sits in the page: the height reserved before it draws (so nothing jumps) and
   * whether it may be wider than the text. Null for a component that is not a figure (e.g. text).
   */
  readonly frame: { readonly minHeight: number; readonly wide?: boolean } | null;
  /** The figure's id when the article gives none. */
  readonly defaultId: string;
  /** Rules that tie settings together (e.g. xMin < xMax): a message, or null when they hold. */
  readonly rules?: (values: Values<S>) => string | null;
  /** Set for a figure computed by a function that the build runs and the browser reruns in a worker. */
  readonly compute?: Computation<S, K, R, P>;
  /**
   * What of the build's result the page carries to the island, when that is less than all of it
   * (e.g. only the frame on screen of an animation): the widget asks the worker for the rest when
   * the reader needs it. Default: all of it.
   */
  island?(result: R, values: Values<S>): R;
  /** Other figures on the same page whose settings this one reads (e.g. Findings reads Experiment). */
  readonly reads?: readonly string[];
  /** Numbers the figure lends to live formulas on its page. */
  readonly live?: LiveValues<S, R>;
}

/** Declares a figure (the identity, typed, so a declaration's mistakes are type errors). */
export function defineFigure<S extends SettingSpecs, K extends keyof S = never, R = never, P = never>(
  declaration: FigureDeclaration<S, K, R, P>,
): FigureDeclaration<S, K, R, P> {
  return declaration;
}

/** The settings of a figure as a widget holds them. */
export type FigureValues<F> = F extends FigureDeclaration<infer S, infer _K, infer _R, infer _P> ? Values<S> : never;
/** What a figure's computation returns. */
export type FigureResult<F> = F extends FigureDeclaration<infer _S, infer _K, infer R, infer _P> ? R : never;
/** What a figure's computation streams while it runs. */
export type FigurePartial<F> = F extends FigureDeclaration<infer _S, infer _K, infer _R, infer P> ? P : never;
/** A job's input: the settings the computation reads. */
export type FigureInput<F> = F extends FigureDeclaration<infer S, infer K, infer _R, infer _P> ? Pick<Values<S>, K> : never;

/**
 * A value carried as one JSON string (`pack`, `unpack`). An island's props are written into the
 * page, and Astro writes every array element and object field of a prop with a type tag of its own
 * (`[0,3.52]`): a build-time result of a few thousand numbers costs two to three times its JSON.
 */
export type Packed<T> = string & { readonly __packed?: T };
export const pack = <T>(value: T): Packed<T> => JSON.stringify(value) as Packed<T>;
export const unpack = <T>(packed: Packed<T>): T => JSON.parse(packed) as T;

/** What every figure's island receives from its wrapper. */
export interface IslandProps<F> {
  /** The figure's id: its anchor is `fig-<id>`, its URL keys start `<id>.`. */
  readonly id: string;
  /** The settings the article chose (the defaults where it chose none): the figure's first state. */
  readonly settings: FigureValues<F>;
  /** The computation's result for those settings, made when the page was built (computed figures only), packed. */
  readonly initial: Packed<FigureResult<F>>;
}

export class FigureSettingsError extends Error {
  constructor(figure: string, message: string) {
    super(`<${figure}>: ${message}`);
    this.name = 'FigureSettingsError';
  }
}

/** Props every figure takes besides its settings. */
export const FRAME_PROPS = ['id', 'class', 'caption'] as const;

/**
 * Resolves what an article passed: checks each prop against its setting (unknown props and bad
 * values throw a message that lists what is allowed) and fills in the defaults.
 */
export function resolveSettings<S extends SettingSpecs>(figure: FigureDeclaration<S, any, any, any>, given: Record<string, unknown>): Values<S> {
  const props = propNames(figure.settings);
  for (const name of Object.keys(given)) {
    if (given[name] === undefined || (FRAME_PROPS as readonly string[]).includes(name)) continue;
    if (!props.includes(name)) {
      throw new FigureSettingsError(figure.name, `unknown prop "${name}"; allowed props: ${[...props, ...FRAME_PROPS].join(', ')}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(figure.settings)) {
    const value = props.includes(name) ? given[name] : undefined;
    if (value === undefined) {
      out[name] = structuredClone(spec.default);
      continue;
    }
    const c = checkValue(spec, value);
    if (!c.ok) throw new FigureSettingsError(figure.name, `prop "${name}" must be ${c.expected} (got ${JSON.stringify(value)})`);
    out[name] = c.value;
  }
  const values = out as Values<S>;
  const broken = figure.rules?.(values);
  if (broken) throw new FigureSettingsError(figure.name, broken);
  return values;
}

/**
 * Checks a job's input at the worker boundary: an object with exactly the computation's inputs,
 * each valid for its setting. Returns the checked input, or a message naming the field.
 */
export function checkJobInput(figure: FigureDeclaration<any, any, any, any>, input: unknown): { ok: true; input: Record<string, unknown> } | { ok: false; message: string } {
  const inputs = (figure.compute?.inputs ?? []) as string[];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, message: `${figure.name}: the input must be an object with ${inputs.join(', ')}` };
  }
  const given = input as Record<string, unknown>;
  const extra = Object.keys(given).filter((k) => !inputs.includes(k));
  if (extra.length) return { ok: false, message: `${figure.name}: unknown field "${extra[0]}"; the input has ${inputs.join(', ')}` };
  const out: Record<string, unknown> = {};
  for (const name of inputs) {
    if (!(name in given)) return { ok: false, message: `${figure.name}: field "${name}" is missing` };
    const c = checkValue(figure.settings[name], given[name]);
    if (!c.ok) return { ok: false, message: `${figure.name}: field "${name}" must be ${c.expected} (got ${short(given[name])})` };
    out[name] = c.value;
  }
  return { ok: true, input: out };
}

function short(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The job input of a figure's current settings: exactly the computation's inputs. */
export function jobInput<F extends FigureDeclaration<any, any, any, any>>(figure: F, values: FigureValues<F>): FigureInput<F> {
  const out: Record<string, unknown> = {};
  for (const k of (figure.compute?.inputs ?? []) as string[]) out[k] = (values as Record<string, unknown>)[k];
  return out as FigureInput<F>;
}

/** A key for a job input that does not depend on the order of its fields. */
export function inputKey(input: unknown): string {
  if (input === null || typeof input !== 'object') return JSON.stringify(input);
  const o = input as Record<string, unknown>;
  return JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
}
