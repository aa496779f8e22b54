/**
 * The widget gallery's data, derived from the figures' declarations (src/figures/**\/<Name>.figure.ts)
 * so it cannot drift: each figure's description, its props (every setting an author can set) with
 * type, default, allowed values and what it sets, its URL keys, and an MDX example.
 */
import type { FigureDeclaration } from '../figures/figure';
import { FRAME_PROPS } from '../figures/figure';
import { urlKey } from '../figures/setting-codecs';
import { allowedText, propNames, type SettingSpec } from '../figures/settings';

export interface GalleryProp {
  name: string;
  type: string;
  default: string;
  allowed: string;
  description: string;
  /** The key of the setting in the page URL (`?<id>.<key>=…`), or null if it is not kept there. */
  url: string | null;
}

export interface GalleryWidget {
  name: string;
  description: string;
  /** Props, in declaration order. */
  props: GalleryProp[];
  /** Settings readers change that an author cannot set (in the URL only). */
  readerOnly: GalleryProp[];
  /** Props every figure takes besides its settings (id, class, caption). */
  extra: string[];
  /** An MDX snippet that uses the figure with every prop at its default. */
  example: string;
  /** Path of the declaration relative to the repository. */
  file: string;
  /** Other figures of the page it describes. */
  reads: string[];
  /** The numbers it lends to live formulas (src/components/LiveFormula.astro), if any. */
  live: { values: { name: string; label: string; description: string }[]; example: string; mdx: string } | null;
}

/** A value as it is written in MDX: `"text"`, `{1.5}`, `{true}`, `{['a', 'b']}`, `{[[1, 2]]}`. */
export function mdxValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const literal = (v: unknown): string => (Array.isArray(v) ? `[${v.map(literal).join(', ')}]` : typeof v === 'string' ? `'${v}'` : String(v));
  return `{${literal(value)}}`;
}

const typeName = (spec: SettingSpec) => (spec.type === 'numbers' ? 'list of numbers' : spec.type === 'points' ? 'list of points' : spec.type);

function defaultText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v))).join(', ');
  return String(value);
}

function row(name: string, spec: SettingSpec): GalleryProp {
  return { name, type: typeName(spec), default: defaultText(spec.default), allowed: allowedText(spec), description: spec.description, url: urlKey(name, spec) };
}

/**
 * `declarations`: `import.meta.glob('../figures/**\/*.figure.ts', { eager: true, import: 'default' })`
 * (or the same modules loaded another way), keyed by path.
 */
export function galleryWidgets(declarations: Record<string, FigureDeclaration<any, any, any, any>>): GalleryWidget[] {
  return Object.entries(declarations)
    .map(([path, figure]) => {
      const props = propNames(figure.settings);
      const readerOnly = Object.keys(figure.settings).filter((k) => !props.includes(k));
      const id = figure.defaultId;
      const attrs = [...(figure.frame ? [`id="${id}"`] : []), ...props.map((p) => `${p}=${mdxValue(figure.settings[p].default)}`)];
      const example = `import ${figure.name} from '../../src/components/widgets/${figure.name}.astro';\n\n<${figure.name} ${attrs.join(' ')} />`;
      return {
        name: figure.name,
        description: figure.description,
        props: props.map((p) => row(p, figure.settings[p])),
        readerOnly: readerOnly.map((p) => row(p, figure.settings[p])),
        extra: figure.frame ? [...FRAME_PROPS] : [],
        example,
        file: `src/figures/${path.split('/figures/')[1] ?? path}`,
        reads: [...(figure.reads ?? [])],
        live: figure.live
          ? {
              values: Object.entries(figure.live.values).map(([name, v]) => ({ name, label: v.label, description: v.description })),
              example: figure.live.example,
              mdx: `import LiveFormula from '../../src/components/LiveFormula.astro';\n\n<LiveFormula of="${id}" tex="${figure.live.example}" />`,
            }
          : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
