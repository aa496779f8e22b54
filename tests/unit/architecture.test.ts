import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The house (../../README.md, "Layout"; CONTRIBUTING.md, "How the code is organised"), enforced:
 * every import of the site and of the core is read from the files and checked against the rules
 * below. A forbidden import or an import cycle fails `npm test`, naming the file and the import.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));

type Part = 'core' | 'models' | 'figures' | 'plots' | 'widgets' | 'workers' | 'pages' | 'lib' | 'other';

/** Which part of the house a file belongs to (paths relative to the repository). */
export function partOf(file: string): Part {
  if (file.startsWith('packages/nn/src/')) return 'core';
  if (file.startsWith('src/models/')) return 'models';
  if (file.startsWith('src/figures/')) return 'figures';
  if (file.startsWith('src/plots/')) return 'plots';
  if (file.startsWith('src/widgets/')) return 'widgets';
  if (file.startsWith('src/workers/')) return 'workers';
  if (/^src\/(pages|layouts|components)\//.test(file)) return 'pages';
  if (file.startsWith('src/lib/')) return 'lib';
  return 'other';
}

interface Rule {
  from: Part;
  /** Parts it must not import. */
  not: readonly (Part | 'npm')[];
  /** Why, in one line. */
  reason: string;
  /** Imports the rule lets through (repository paths). */
  except?: (target: string) => boolean;
}

/** The rules, written once. `npm` stands for any package import other than node: built-ins and the core itself. */
export const RULES: readonly Rule[] = [
  { from: 'core', not: ['models', 'figures', 'plots', 'widgets', 'workers', 'pages', 'lib', 'other', 'npm'], reason: 'the core is a library of its own: no site code and no runtime dependency' },
  { from: 'models', not: ['figures', 'plots', 'widgets', 'workers', 'pages', 'lib', 'other', 'npm'], reason: 'an article’s domain code imports only the core, so the build, the worker and the tests run it alike' },
  { from: 'figures', not: ['widgets', 'workers', 'pages'], reason: 'a declaration is read by the build, the worker and the widget; it cannot depend on any of them' },
  {
    from: 'figures', not: ['plots'], reason: 'a declaration takes its labels from the plots’ label modules, never a plot builder (the worker would load Observable Plot)',
    except: (t) => /^src\/plots\/[^/]+\/labels\.ts$/.test(t),
  },
  { from: 'plots', not: ['widgets', 'workers', 'figures', 'pages'], reason: 'plot builders are pure (data → Plot options): no UI, no work started, no page' },
  { from: 'workers', not: ['widgets', 'pages', 'plots'], reason: 'a worker computes: it shows nothing and draws nothing' },
  { from: 'pages', not: ['workers'], reason: 'pages, layouts and components never start work; only a widget does, on the reader’s request' },
  { from: 'lib', not: ['widgets', 'workers'], reason: 'the site’s build plumbing and shared helpers never depend on the browser side' },
];

const SOURCE = /\.(ts|tsx|mjs|js|astro)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE.test(name)) out.push(full);
  }
  return out;
}

const rel = (file: string) => relative(root, file).split(sep).join('/');

/** Every module a source text refers to: imports, re-exports, dynamic imports, workers (new URL) and globs. */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
    /import\.meta\.glob(?:<[^>]*>)?\(\s*['"]([^'"]+)['"]/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) out.push(m[1]);
  return out;
}

function globToRegExp(glob: string): RegExp {
  const re = glob
    .split('/')
    .map((part) => (part === '**' ? '(?:.*/)?' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '/'))
    .join('');
  return new RegExp(`^${re.replace(/\/$/, '').replace(/\(\?:\.\*\/\)\?\//g, '(?:.*/)?')}$`);
}

/** The repository files a specifier of `from` points at (none for packages). */
function resolveSpecifier(from: string, spec: string, files: Set<string>): string[] | 'npm' | 'builtin' {
  const bare = spec.split('?')[0];
  if (bare.startsWith('node:')) return 'builtin';
  if (bare === '@neural-notes/nn') return ['packages/nn/src/index.ts'];
  if (bare === '#plot-document') return ['src/plots/document.browser.ts', 'src/plots/document.node.ts'];
  if (!bare.startsWith('.')) return 'npm';
  const base = rel(resolve(root, dirname(from), bare));
  if (bare.includes('*')) {
    const re = globToRegExp(base);
    return [...files].filter((f) => re.test(f));
  }
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}.js`, `${base}/index.ts`]) {
    if (files.has(candidate)) return [candidate];
  }
  // A stylesheet, a font or a raw text: not a module of the house.
  return existsSync(join(root, base)) ? [] : [`missing:${base}`];
}

export interface Edge {
  from: string;
  to: string | 'npm';
  spec: string;
}

/** The import graph of the site and the core. */
export function importGraph(): { files: string[]; edges: Edge[] } {
  const files = [...walk(join(root, 'src')), ...walk(join(root, 'packages/nn/src'))].map(rel).sort();
  const set = new Set(files);
  const edges: Edge[] = [];
  for (const from of files) {
    for (const spec of specifiers(readFileSync(join(root, from), 'utf8'))) {
      const to = resolveSpecifier(from, spec, set);
      if (to === 'builtin') continue;
      if (to === 'npm') edges.push({ from, to: 'npm', spec });
      else for (const t of to) edges.push({ from, to: t, spec });
    }
  }
  return { files, edges };
}

/** Every import that breaks a rule, as "file imports spec: reason". */
export function violations(edges: readonly Edge[], rules: readonly Rule[] = RULES): string[] {
  const found: string[] = [];
  for (const e of edges) {
    const fromPart = partOf(e.from);
    const toPart = e.to === 'npm' ? 'npm' : partOf(e.to);
    for (const rule of rules) {
      if (rule.from !== fromPart || !rule.not.includes(toPart)) continue;
      if (e.to !== 'npm' && rule.except?.(e.to)) continue;
      found.push(`${e.from} imports '${e.spec}' (${toPart}): ${rule.reason}`);
    }
  }
  return found;
}

/** Import cycles (strongly connected components of more than one file, or a file importing itself). */
export function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.to !== 'npm') next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!order.has(v)) visit(v);
  return out;
}

describe('the house', () => {
  const { files, edges } = importGraph();

  it('reads the imports of every part', () => {
    const parts = new Set(files.map(partOf));
    for (const p of ['core', 'models', 'figures', 'plots', 'widgets', 'workers', 'pages', 'lib'] as const) expect(parts, p).toContain(p);
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.filter((e) => e.to.startsWith('missing:')), 'every relative import resolves').toEqual([]);
  });

  it('has no import that breaks a rule', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('would catch a forbidden import and a cycle (the checks can fail)', () => {
    const forbidden: Edge[] = [
      { from: 'packages/nn/src/network.ts', to: 'src/lib/format.ts', spec: '../../../src/lib/format' },
      { from: 'src/plots/regularization/experiment.ts', to: 'src/widgets/shared/DualPlot.tsx', spec: '../../widgets/shared/DualPlot' },
      { from: 'src/workers/serve.ts', to: 'src/widgets/shared/jobs.ts', spec: '../widgets/shared/jobs' },
      { from: 'src/components/island.ts', to: 'src/workers/serve.ts', spec: '../workers/serve' },
      { from: 'src/models/regularization/experiment.ts', to: 'npm', spec: 'd3' },
      { from: 'src/figures/regularization/Experiment.figure.ts', to: 'src/plots/regularization/experiment.ts', spec: '../../plots/regularization/experiment' },
    ];
    expect(violations(forbidden)).toHaveLength(forbidden.length);
    expect(violations([{ from: 'src/figures/activations/Softmax.figure.ts', to: 'src/plots/activations/labels.ts', spec: 'x' }])).toEqual([]);
    const loop: Edge[] = [
      { from: 'a.ts', to: 'b.ts', spec: './b' },
      { from: 'b.ts', to: 'c.ts', spec: './c' },
      { from: 'c.ts', to: 'a.ts', spec: './a' },
      { from: 'c.ts', to: 'd.ts', spec: './d' },
    ];
    expect(cycles(loop)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('finds every kind of import in a source text', () => {
    const text = [
      "import a from './a';",
      "import type { B } from '../b';",
      "import { c,\n  d } from './cd';",
      "import './side-effect.css';",
      "export { e } from './e';",
      "export * from './f';",
      "const g = await import('./g');",
      "new Worker(new URL('./h.worker.ts', import.meta.url), { type: 'module' });",
      "import.meta.glob<X>('./figures/**/*.figure.ts');",
    ].join('\n');
    expect(specifiers(text).sort()).toEqual(['../b', './a', './cd', './e', './f', './figures/**/*.figure.ts', './g', './h.worker.ts', './side-effect.css'].sort());
  });
});
