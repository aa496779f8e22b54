/**
 * The widget gallery's data, derived from the widgets' own files so it cannot drift: each wrapper
 * in src/components/widgets/, its `PropSpecs` from src/widgets/**\/<Name>.props.ts, and the doc
 * comment of the wrapper (or of the props declaration) as its description.
 */
import type { PropSpec, PropSpecs } from '../widgets/shared/props';
import { propSpecsExport, wrapperOwnProps } from './prop-specs.mjs';

export interface GalleryProp {
  name: string;
  type: string;
  default: string;
  allowed: string;
  description: string;
}

export interface GalleryWidget {
  name: string;
  description: string;
  /** Declared props, in declaration order. */
  props: GalleryProp[];
  /** Props the wrapper takes besides its declared ones (id, class, and e.g. caption). */
  extra: string[];
  /** An MDX snippet that uses the widget with every prop at its default. */
  example: string;
  /** Path of the props file relative to src/, if the widget has one. */
  propsFile?: string;
}

const fileName = (path: string) => path.split('/').pop()!.replace(/\.props\.ts$|\.astro$/, '');

/** A value as it is written in MDX: `"text"`, `{1.5}`, `{true}`, `{['a', 'b']}`. */
export function mdxValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `{[${value.map((v) => `'${String(v)}'`).join(', ')}]}`;
  return `{${String(value)}}`;
}

export function allowedText(spec: PropSpec): string {
  switch (spec.type) {
    case 'number': {
      const kind = spec.integer ? 'whole number' : 'number';
      if (spec.min !== undefined && spec.max !== undefined) return `${kind}, ${spec.min} to ${spec.max}`;
      if (spec.min !== undefined) return `${kind} ≥ ${spec.min}`;
      if (spec.max !== undefined) return `${kind} ≤ ${spec.max}`;
      return `any ${kind}`;
    }
    case 'enum':
      return `one of: ${spec.values.join(', ')}`;
    case 'enum[]':
      return `non-empty list of: ${spec.values.join(', ')}`;
    case 'boolean':
      return 'true, false';
    case 'string':
      return 'any text';
  }
}

/** The first `/** … *\/` doc comment in a source text, as plain prose. */
export function docComment(source: string | undefined): string {
  const m = source ? /\/\*\*([\s\S]*?)\*\//.exec(source) : null;
  if (!m) return '';
  return m[1]
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trim())
    .filter(Boolean)
    .join(' ');
}

export function galleryWidgets(input: {
  /** `import.meta.glob('../components/widgets/*.astro', { query: '?raw', import: 'default', eager: true })` */
  wrapperSources: Record<string, string>;
  /** `import.meta.glob('../widgets/**\/*.props.ts', { eager: true })` */
  propsModules: Record<string, Record<string, unknown>>;
  /** `import.meta.glob('../widgets/**\/*.props.ts', { query: '?raw', import: 'default', eager: true })` */
  propsSources: Record<string, string>;
}): GalleryWidget[] {
  const props = new Map(Object.entries(input.propsModules).map(([path, mod]) => [fileName(path), { path, mod }]));
  return Object.entries(input.wrapperSources)
    .map(([path, source]) => {
      const name = fileName(path);
      const found = props.get(name);
      const specs: PropSpecs = (found && propSpecsExport(name, found.mod)) ?? {};
      const rows: GalleryProp[] = Object.entries(specs).map(([prop, spec]) => ({
        name: prop,
        type: spec.type === 'enum[]' ? 'list' : spec.type,
        default: Array.isArray(spec.default) ? spec.default.join(', ') : String(spec.default),
        allowed: allowedText(spec),
        description: spec.description,
      }));
      const extra = [...new Set(['id', 'class', ...wrapperOwnProps(source)])];
      const id = name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
      const attrs = [`id="${id}"`, ...Object.entries(specs).map(([prop, spec]) => `${prop}=${mdxValue(spec.default)}`)];
      const example = `import ${name} from '../../src/components/widgets/${name}.astro';\n\n<${name} ${attrs.join(' ')} />`;
      const description = docComment(source.split(/^---\s*$/m)[1]) || docComment(found && input.propsSources[found.path]);
      return { name, description, props: rows, extra, example, propsFile: found?.path.replace(/^\.\.\//, 'src/') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
