// The widgets an article can use, discovered from the files themselves so nothing can drift:
// - a widget is a wrapper `src/components/widgets/<Name>.astro` (what an article imports), and
// - its props are declared once in `src/widgets/**/<Name>.props.ts` (an exported `PropSpecs`).
// Used at build time by the article checks (remark-widget-checks.mjs). The gallery page reads the
// same files through Vite's import.meta.glob.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const wrappersDir = join(repoRoot, 'src/components/widgets');
const widgetsDir = join(repoRoot, 'src/widgets');

/** Props every wrapper takes besides its declared ones (resolveProps lets these through). */
export const universalProps = ['id', 'class'];

const specTypes = new Set(['number', 'enum', 'enum[]', 'boolean', 'string']);

/** True when `value` looks like a `PropSpecs` object (every entry has a known type and a description). */
export function isPropSpecs(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((s) => s && typeof s === 'object' && specTypes.has(s.type) && typeof s.description === 'string');
}

/** Picks the `PropSpecs` export of a `<Name>.props.ts` module (preferring `<name>Props`). */
export function propSpecsExport(name, module) {
  const preferred = `${name[0].toLowerCase()}${name.slice(1)}Props`;
  if (isPropSpecs(module[preferred])) return module[preferred];
  return Object.values(module).find(isPropSpecs);
}

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

/**
 * Extra props a wrapper itself reads before handing the rest to resolveProps, e.g. `caption`:
 * the names destructured from `Astro.props` in its frontmatter.
 */
export function wrapperOwnProps(name) {
  const file = join(wrappersDir, `${name}.astro`);
  if (!existsSync(file)) return [];
  const front = readFileSync(file, 'utf8').split(/^---\s*$/m)[1] ?? '';
  const own = new Set();
  for (const m of front.matchAll(/const\s*\{([^}]*)\}\s*=\s*Astro\.props/g)) {
    for (const part of m[1].split(',')) {
      const key = part.trim().replace(/^\.\.\..*/, '').split(/[=:\s]/)[0];
      if (key) own.add(key);
    }
  }
  for (const m of front.matchAll(/Astro\.props\.([A-Za-z_$][\w$]*)/g)) own.add(m[1]);
  return [...own];
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
    widgets.set(name, { specs, ownProps: wrapperOwnProps(name), propsFile });
  }
  cache = { key, value: { widgets, resolveProps } };
  return cache.value;
}
