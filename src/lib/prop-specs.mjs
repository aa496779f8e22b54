// Recognising a widget's `PropSpecs` export (see src/widgets/shared/props.ts) among the exports of
// its `<Name>.props.ts` module. Shared by the build-time article checks and the widget gallery.

const specTypes = new Set(['number', 'enum', 'enum[]', 'boolean', 'string']);

/**
 * True when `value` looks like a `PropSpecs` object (every entry has a known type and a description).
 * @param {unknown} value
 * @returns {boolean}
 */
export function isPropSpecs(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((s) => !!s && typeof s === 'object' && specTypes.has(/** @type {any} */ (s).type) && typeof /** @type {any} */ (s).description === 'string');
}

/**
 * Picks the `PropSpecs` export of a `<Name>.props.ts` module (preferring `<name>Props`).
 * @param {string} name
 * @param {Record<string, unknown>} module
 * @returns {Record<string, any> | undefined}
 */
export function propSpecsExport(name, module) {
  const preferred = `${name[0].toLowerCase()}${name.slice(1)}Props`;
  if (isPropSpecs(module[preferred])) return module[preferred];
  return Object.values(module).find(isPropSpecs);
}


/**
 * Props a widget's .astro wrapper reads itself before handing the rest to resolveProps (e.g.
 * `caption`): the names destructured from, or read off, `Astro.props` in its frontmatter.
 * @param {string} source the wrapper's source text
 * @returns {string[]}
 */
export function wrapperOwnProps(source) {
  const front = source.split(/^---\s*$/m)[1] ?? '';
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
