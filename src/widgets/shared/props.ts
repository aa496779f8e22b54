/**
 * Typed widget props that fail loudly. Each widget declares its props once (name, type, default,
 * allowed values, description); the widget's .astro wrapper resolves what an article passed
 * against that declaration, and the widget gallery documents widgets from the same declaration.
 */
export type PropSpec =
  | { type: 'number'; default: number; min?: number; max?: number; integer?: boolean; description: string }
  | { type: 'enum'; values: readonly string[]; default: string; description: string }
  | { type: 'enum[]'; values: readonly string[]; default: readonly string[]; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string'; default: string; description: string };

export type PropSpecs = Record<string, PropSpec>;

type ValueOf<S extends PropSpec> = S extends { type: 'number' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'enum[]' }
      ? string[]
      : string;

export type ResolvedProps<S extends PropSpecs> = { [K in keyof S]: ValueOf<S[K]> };

export class WidgetPropError extends Error {
  constructor(widget: string, message: string) {
    super(`<${widget}>: ${message}`);
    this.name = 'WidgetPropError';
  }
}

/** Checks the props an article passed and fills in defaults; throws a message listing what is allowed. */
export function resolveProps<S extends PropSpecs>(widget: string, specs: S, given: Record<string, unknown>): ResolvedProps<S> {
  for (const name of Object.keys(given)) {
    if (!(name in specs) && name !== 'class' && name !== 'id') {
      throw new WidgetPropError(widget, `unknown prop "${name}"; allowed props: ${Object.keys(specs).join(', ')}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = given[name];
    out[name] = value === undefined ? spec.default : checkValue(widget, name, spec, value);
  }
  return out as ResolvedProps<S>;
}

function checkValue(widget: string, name: string, spec: PropSpec, value: unknown): unknown {
  const fail = (allowed: string) => {
    throw new WidgetPropError(widget, `prop "${name}" must be ${allowed} (got ${JSON.stringify(value)})`);
  };
  switch (spec.type) {
    case 'number': {
      const range =
        spec.min !== undefined && spec.max !== undefined ? ` from ${spec.min} to ${spec.max}` : spec.min !== undefined ? ` ≥ ${spec.min}` : spec.max !== undefined ? ` ≤ ${spec.max}` : '';
      const kind = spec.integer ? 'a whole number' : 'a number';
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`${kind}${range}`);
      if (spec.integer && !Number.isInteger(value)) return fail(`${kind}${range}`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) return fail(`${kind}${range}`);
      return value;
    }
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) return fail(`one of ${spec.values.map((v) => `"${v}"`).join(', ')}`);
      return value;
    case 'enum[]':
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || !spec.values.includes(v))) {
        return fail(`a non-empty list of ${spec.values.map((v) => `"${v}"`).join(', ')}`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return fail('true or false');
      return value;
    case 'string':
      if (typeof value !== 'string') return fail('a string');
      return value;
  }
}
