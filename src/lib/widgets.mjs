// The widgets an article can use, discovered from the files themselves so nothing can drift:
// - a widget is a wrapper `src/components/widgets/<Name>.astro` (what an article imports), and
// - its props are declared once in `src/widgets/**/<Name>.props.ts` (an exported `PropSpecs`).
// Used at build time by the article checks (remark-widget-checks.mjs). The gallery page reads the
// same files through Vite's import.meta.glob.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { propSpecsExport, wrapperOwnProps } from './prop-specs.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const wrappersDir = join(repoRoot, 'src/components/widgets');
const widgetsDir = join(repoRoot, 'src/widgets');

/** Props every wrapper takes besides its declared ones (resolveProps lets these through). */
export const universalProps = ['id', 'class'];

function walk(dir, test, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, test, out);
    else if (test(entry.name)) out.push(path);
  }
  return out;
}

/** `<Name>` → absolute path of every `src/widgets/**\/<Name>.props.ts`. */
export function findPropsFiles() {
  return new Map(walk(widgetsDir, (f) => f.endsWith('.props.ts')).map((p) => [basename(p, '.props.ts'), p]));
}

/** Names of the wrappers in src/components/widgets, sorted. */
export function findWrappers() {
  return walk(wrappersDir, (f) => f.endsWith('.astro'))
    .filter((p) => !relative(wrappersDir, p).includes('/'))
    .map((p) => basename(p, '.astro'))
    .sort();
}

/** Props a wrapper reads itself besides its declared ones (e.g. `caption`). */
export function ownPropsOf(name) {
  const file = join(wrappersDir, `${name}.astro`);
  return existsSync(file) ? wrapperOwnProps(readFileSync(file, 'utf8')) : [];
}

let cache = { key: '', value: null };

/**
 * Loads every widget's prop declarations and the shared `resolveProps` (TypeScript, through tsx),
 * so articles are checked by the very code the wrappers run. Cached until a props file changes.
 * @returns {Promise<{ widgets: Map<string, { specs: Record<string, any> | null, ownProps: string[], propsFile?: string }>, resolveProps: Function }>}
 */
export async function loadWidgets() {
  const propsFiles = findPropsFiles();
  const wrappers = findWrappers();
  const files = [...propsFiles.values(), ...wrappers.map((w) => join(wrappersDir, `${w}.astro`))];
  const key = files.map((f) => `${f}@${statSync(f).mtimeMs}`).sort().join('|');
  if (cache.key === key && cache.value) return cache.value;
  const { tsImport } = await import('tsx/esm/api');
  const load = (file) => tsImport(pathToFileURL(file).href, { parentURL: import.meta.url, tsconfig: join(repoRoot, 'tsconfig.json') });
  const { resolveProps } = await load(join(widgetsDir, 'shared/props.ts'));
  const widgets = new Map();
  for (const name of wrappers) {
    const propsFile = propsFiles.get(name);
    let specs = null;
    if (propsFile) {
      specs = propSpecsExport(name, await load(propsFile)) ?? null;
      if (!specs) throw new Error(`${relative(repoRoot, propsFile)}: exports no PropSpecs object (see src/widgets/shared/props.ts)`);
    }
    widgets.set(name, { specs, ownProps: ownPropsOf(name), propsFile });
  }
  cache = { key, value: { widgets, resolveProps } };
  return cache.value;
}
