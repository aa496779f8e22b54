// The bibliography an article cites from: a BibTeX file, read by citation-js (through
// rehype-citation, which bundles it), checked so that a mistake fails the build with the file
// and line, and the citation style the site uses.
//
// Which file: the nearest `references.bib`, looking in the article's own folder and then in each
// folder above it up to the project root. Every article in content/articles/ therefore shares
// content/references.bib; an article kept in a folder of its own (content/articles/<slug>/index.mdx)
// may keep a references.bib beside it instead. Test fixtures carry their own the same way.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Cite } from 'rehype-citation';

export const BIBLIOGRAPHY_FILE = 'references.bib';

/**
 * The nearest references.bib for an article: its folder, then each parent up to `root`.
 * @param {string} articlePath absolute path of the article
 * @param {string} [root] the project root (default: the working directory)
 * @returns {string | null} absolute path, or null when there is none
 */
export function findBibliography(articlePath, root = process.cwd()) {
  const top = resolve(root);
  let dir = dirname(resolve(articlePath));
  for (;;) {
    const candidate = join(dir, BIBLIOGRAPHY_FILE);
    if (existsSync(candidate)) return candidate;
    if (dir === top || !dir.startsWith(top + sep)) return null;
    dir = dirname(dir);
  }
}

/** Where each entry starts: `@type{key,` at the start of a line (comments, strings and preambles are not entries). */
function entryLines(text) {
  const lines = new Map();
  const duplicates = [];
  const re = /^[ \t]*@([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s]+)[ \t]*,/gm;
  for (const m of text.matchAll(re)) {
    if (/^(comment|string|preamble)$/i.test(m[1])) continue;
    const line = text.slice(0, m.index).split('\n').length;
    if (lines.has(m[2])) duplicates.push({ key: m[2], line, first: lines.get(m[2]) });
    else lines.set(m[2], line);
  }
  return { lines, duplicates };
}

/**
 * @typedef {{ key: string, line: number, csl: Record<string, any> }} BibEntry
 * @typedef {{ path: string, shown: string, entries: Map<string, BibEntry> }} Bibliography
 */

/** @type {Map<string, { mtime: number, value: Bibliography }>} */
const cache = new Map();

/**
 * Reads and checks a BibTeX file. Malformed BibTeX (citation-js's parser names the line and
 * column) and a key defined twice fail with `file:line:col: …`.
 * @param {string} path absolute path
 * @returns {Bibliography}
 */
export function loadBibliography(path) {
  const mtime = statSync(path).mtimeMs;
  const hit = cache.get(path);
  if (hit && hit.mtime === mtime) return hit.value;
  const shown = relative(process.cwd(), path);
  const text = readFileSync(path, 'utf8');
  let data;
  try {
    data = new Cite(text, { forceType: '@bibtex/text', generateGraph: false }).data;
  } catch (error) {
    const message = String(error?.message ?? error);
    const at = /at line (\d+) col (\d+)/.exec(message);
    const reason = message.split('\n')[0].replace(/ at line \d+ col \d+:?$/, '');
    throw new Error(`${shown}:${at ? `${at[1]}:${at[2]}` : '1:1'}: malformed BibTeX: ${reason} (every entry is @type{key, field = {value}, …})`);
  }
  const { lines, duplicates } = entryLines(text);
  if (duplicates.length) {
    const d = duplicates[0];
    throw new Error(`${shown}:${d.line}:1: the key "${d.key}" is defined twice in the bibliography (first on line ${d.first}); keys must be unique`);
  }
  const entries = new Map();
  for (const csl of data) {
    const key = String(csl['citation-key'] ?? csl.id);
    entries.set(key, { key, line: lines.get(key) ?? 1, csl });
  }
  const value = { path, shown, entries };
  cache.set(path, { mtime, value });
  return value;
}

/**
 * The site's citation style: APA 7's reference list, numbered in order of first citation, with
 * numbers in square brackets in the text. Derived from the APA style citation-js ships (so the
 * references are formatted by a maintained CSL style, not by us): its citation layout is replaced
 * by the citation number, and its reference list is no longer sorted by author, so that it comes
 * in the order of first citation, which is the order CSL numbers in.
 */
export const CITATION_STYLE = 'neural-notes-numbered';

export function registerCitationStyle() {
  const config = Cite.plugins.config.get('@csl');
  if (config.templates.has(CITATION_STYLE)) return CITATION_STYLE;
  const apa = config.templates.get('apa');
  const numbered = apa
    .replace(/<citation\b[\s\S]*?<\/citation>/, '<citation><layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout></citation>')
    .replace(/(<bibliography\b[^>]*>)<sort>[\s\S]*?<\/sort>/, '$1')
    .replace('citation-format="author-date"', 'citation-format="numeric"');
  if (numbered.includes('<citation et-al') || /<bibliography\b[^>]*><sort>/.test(numbered) || !numbered.includes('citation-format="numeric"')) {
    throw new Error('The APA style bundled with rehype-citation has changed shape; update registerCitationStyle in src/lib/bibliography.mjs');
  }
  config.templates.add(CITATION_STYLE, numbered);
  return CITATION_STYLE;
}
