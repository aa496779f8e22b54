// The figures an article can use, discovered from the files themselves so nothing can drift:
// - a figure is a wrapper `src/components/widgets/<Name>.astro` (what an article imports), and
// - it is declared once in `src/figures/<article>/<Name>.figure.ts` (a `defineFigure` default export).
// Used at build time by the article checks (remark-widget-checks.mjs) and by the CONTRIBUTING
// reference (scripts/widget-docs.mjs). The gallery page reads the same files through Vite's
// import.meta.glob.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const wrappersDir = join(repoRoot, 'src/components/widgets');
export const figuresDir = join(repoRoot, 'src/figures');

/** Props every figure takes besides its settings (see FRAME_PROPS in src/figures/figure.ts). */
export const universalProps = ['id', 'class', 'caption'];

function walk(dir, test, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, test, out);
    else if (test(entry.name)) out.push(path);
  }
  return out;
}

/** `<Name>` → absolute path of `src/figures/**\/<Name>.figure.ts`. */
export function findDeclarations() {
  return new Map(walk(figuresDir, (f) => f.endsWith('.figure.ts')).map((p) => [basename(p, '.figure.ts'), p]));
}

/** Names of the wrappers in src/components/widgets, sorted. */
export function findWrappers() {
  return walk(wrappersDir, (f) => f.endsWith('.astro'))
    .filter((p) => !relative(wrappersDir, p).includes('/'))
    .map((p) => basename(p, '.astro'))
    .sort();
}

/** Loads a TypeScript module of the site through tsx, with the site's tsconfig. */
export async function loadTs(file) {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(file).href, { parentURL: import.meta.url, tsconfig: join(repoRoot, 'tsconfig.json') });
}

let cache = { key: '', value: null };

/**
 * Loads every figure's declaration and the shared checks (TypeScript, through tsx), so articles
 * are checked by the very code the wrappers run. Cached until a declaration changes.
 * @returns {Promise<{ figures: Map<string, { figure: any, file: string }>, checkValue: Function, resolveSettings: Function, propNames: Function }>}
 */
export async function loadFigures() {
  const declarations = findDeclarations();
  const wrappers = findWrappers();
  const files = [...declarations.values(), ...wrappers.map((w) => join(wrappersDir, `${w}.astro`))];
  const key = files.map((f) => `${f}@${statSync(f).mtimeMs}`).sort().join('|');
  if (cache.key === key && cache.value) return cache.value;
  const { checkValue, propNames } = await loadTs(join(figuresDir, 'settings.ts'));
  const { resolveSettings } = await loadTs(join(figuresDir, 'figure.ts'));
  const figures = new Map();
  for (const name of wrappers) {
    const file = declarations.get(name);
    if (!file) throw new Error(`src/components/widgets/${name}.astro has no declaration: add src/figures/<article>/${name}.figure.ts (see CONTRIBUTING.md)`);
    const figure = (await loadTs(file)).default;
    if (!figure || figure.name !== name) throw new Error(`${relative(repoRoot, file)}: its default export must be defineFigure({ name: '${name}', … })`);
    figures.set(name, { figure, file });
  }
  cache = { key, value: { figures, checkValue, resolveSettings, propNames } };
  return cache.value;
}
