// Citations from BibTeX: `[@nair2010]` or `[@he2015; @nair2010]` in an article's text becomes
// numbered citations, and a "References" list is generated at the end of the article.
//
// The work is done by rehype-citation (citation-js and citeproc-js: the BibTeX, the numbering in
// order of first citation, the formatting of each reference in the site's CSL style, see
// bibliography.mjs). This plugin wraps it:
// - before: every citation's key must be in the bibliography, else the build fails at the
//   citation's file:line:col, listing the keys there are (rehype-citation would leave it as text);
// - after: each citation becomes `<a class="cite" href="#ref-KEY">n</a>` with a card holding the
//   full reference (shown on hover, focus and tap: journal.css, journal.ts), and the reference
//   list an `<ol class="bibliography">` of `<li id="ref-KEY">`, each URL or DOI in it a link
//   (rehype-citation-backlinks.mjs then links each entry back to its citations);
// - the cited entries are handed to the page (frontmatter `references`) for its meta tags;
// - after the build, entries no article cited are reported as warnings (the integration).
import { relative } from 'node:path';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import rehypeCitation from 'rehype-citation';
import { findBibliography, loadBibliography, registerCitationStyle } from './bibliography.mjs';
import { positionIn } from './source-position.mjs';

/** Text in these elements is never a citation. */
const NOT_PROSE = new Set(['code', 'pre', 'script', 'style', 'kbd', 'samp']);
/** Elements whose text rehype-citation typesets (its own list; JSX elements of MDX too). */
const TYPESET_IN = new Set(['div', 'p', 'span', 'li', 'td', 'th']);
/** A bracketed citation, as rehype-citation finds one: brackets around text with an `@`. */
const BRACKETED = /\[([^[\]]*@[^[\]]+)\]/g;
const KEY_ONLY = /^-?@([\p{L}\d_][^\s]*[\p{L}\d_]|[\p{L}\d_])$/u;
/** Cross-references ([@eq:…], [@fig:…]) are not citations; remark-cross-references.mjs handles them. */
const CROSS_REFERENCE = /^@(eq|fig):/;

const isElement = (node, tag) => node?.type === 'element' && (!tag || node.tagName === tag);
const classesOf = (node) => (Array.isArray(node.properties?.className) ? node.properties.className : []);
const el = (tagName, properties, children = []) => ({ type: 'element', tagName, properties, children });
const text = (value) => ({ type: 'text', value });

/** The citations written in the article, with where they are, and what is wrong with each. */
function findCitations(tree, path) {
  const found = [];
  visitParents(tree, 'text', (node, ancestors) => {
    if (ancestors.some((a) => isElement(a) && (NOT_PROSE.has(a.tagName) || classesOf(a).includes('katex')))) return;
    for (const m of node.value.matchAll(BRACKETED)) {
      const parts = m[1].split(';').map((p) => p.trim());
      if (parts.every((p) => CROSS_REFERENCE.test(p))) continue;
      const parent = ancestors[ancestors.length - 1];
      found.push({
        where: positionIn(node, m.index, path),
        written: m[0],
        keys: parts.map((p) => KEY_ONLY.exec(p)?.[1] ?? null),
        parentTag: isElement(parent) && !TYPESET_IN.has(parent.tagName) ? parent.tagName : null,
      });
    }
  });
  return found;
}

/** Wraps every http(s) URL in the text of a formatted reference in a link to it. */
function linkUrls(nodes) {
  return nodes.flatMap((node) => {
    if (node.type === 'element') return [{ ...node, children: linkUrls(node.children) }];
    if (node.type !== 'text') return [node];
    const out = [];
    let last = 0;
    for (const m of node.value.matchAll(/https?:\/\/[^\s<>"]+[^\s<>".,;:)]/g)) {
      if (m.index > last) out.push(text(node.value.slice(last, m.index)));
      out.push(el('a', { href: m[0] }, [text(m[0])]));
      last = m.index + m[0].length;
    }
    if (last < node.value.length) out.push(text(node.value.slice(last)));
    return out;
  });
}

const plain = (nodes) => nodes.map((n) => (n.type === 'text' ? n.value : n.children ? plain(n.children) : '')).join('');

/**
 * @returns {{ rehype: () => (tree: any, file: any) => Promise<void>, integration: import('astro').AstroIntegration }}
 */
export function citations() {
  /** bibliography path → keys cited by some article built with it */
  const cited = new Map();
  const style = registerCitationStyle();

  function rehype() {
    return async (tree, file) => {
      const path = file.path ? relative(process.cwd(), file.path) : 'unknown file';
      const written = findCitations(tree, path);
      if (written.length === 0) return;
      const bibPath = file.path ? findBibliography(file.path) : null;
      const problems = [];
      if (!bibPath) {
        throw new Error(`${written[0].where}: ${written[0].written} cites from a bibliography, but there is no references.bib in this article's folder or above it (content/references.bib for the articles)`);
      }
      const bib = loadBibliography(bibPath);
      const known = [...bib.entries.keys()];
      for (const c of written) {
        if (c.keys.includes(null)) {
          problems.push(`${c.where}: write a citation as [@key], or [@key1; @key2] for several, with nothing else in the brackets (got ${c.written})`);
          continue;
        }
        for (const key of c.keys) {
          if (!bib.entries.has(key)) problems.push(`${c.where}: unknown citation key "${key}": it is not in ${bib.shown} (keys there: ${known.join(', ') || 'none'})`);
        }
        if (c.parentTag) problems.push(`${c.where}: a citation inside <${c.parentTag}> is not typeset; move ${c.written} out of it`);
      }
      if (problems.length) throw new Error(problems.join('\n'));

      await rehypeCitation({ bibliography: bib.path, path: '/', csl: style, lang: 'en-US' })(tree, file);

      const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
      // The reference list rehype-citation appended: <div id="refs"><div class="csl-entry" id="bib-key">…</div>…</div>.
      const refsIndex = tree.children.findIndex((n) => isElement(n) && n.properties?.id === 'refs');
      if (refsIndex < 0) return;
      const entries = tree.children[refsIndex].children
        .filter((n) => isElement(n) && classesOf(n).includes('csl-entry'))
        .map((n, i) => ({ key: byLower.get(String(n.properties.id).slice('bib-'.length)), number: i + 1, content: linkUrls(n.children) }));
      const byKey = new Map(entries.map((e) => [e.key, e]));
      tree.children[refsIndex] = el('section', { className: ['references'] }, [
        el('h2', { id: 'references' }, [text('References')]),
        el('ol', { className: ['bibliography'] }, entries.map((e) => el('li', { id: `ref-${e.key}` }, structuredClone(e.content)))),
      ]);

      // Each citation rehype-citation wrote, <span id="citation--key1--key2--n">[1, 2]</span>, becomes
      // one link per reference, each with its card.
      let cards = 0;
      visitParents(tree, 'element', (node) => {
        const id = String(node.properties?.id ?? '');
        if (!id.startsWith('citation--')) return undefined;
        const cluster = id.split('--').slice(1, -1).map((k) => byKey.get(byLower.get(k)) ?? byKey.get(k)).filter(Boolean);
        cluster.sort((a, b) => a.number - b.number);
        const children = [text('[')];
        cluster.forEach((entry, i) => {
          const cardId = `cite-card-${++cards}`;
          if (i > 0) children.push(text(', '));
          children.push(
            el('span', { className: ['popref', 'cite-ref'] }, [
              el('a', { className: ['cite'], href: `#ref-${entry.key}`, ariaDescribedBy: cardId }, [text(String(entry.number))]),
              el('span', { className: ['popcard', 'cite-card'], id: cardId, dataPagefindIgnore: 'all' }, [
                el('span', { className: ['popcard-label'] }, [text(`[${entry.number}] `)]),
                ...structuredClone(entry.content),
              ]),
            ]),
          );
        });
        children.push(text(']'));
        node.properties = { className: ['cite-cluster'] };
        node.children = children;
        return SKIP;
      });

      const seen = cited.get(bib.path) ?? new Set();
      for (const e of entries) seen.add(e.key);
      cited.set(bib.path, seen);
      const frontmatter = file.data?.astro?.frontmatter;
      if (frontmatter) {
        frontmatter.references = entries.map((e) => {
          const csl = bib.entries.get(e.key).csl;
          return { key: e.key, number: e.number, text: plain(e.content).replace(/\s+/g, ' ').trim(), csl: { title: csl.title, author: csl.author, issued: csl.issued, 'container-title': csl['container-title'], DOI: csl.DOI, URL: csl.URL } };
        });
      }
    };
  }

  /** @type {import('astro').AstroIntegration} */
  const integration = {
    name: 'neural-notes:citations',
    hooks: {
      'astro:build:done': ({ logger }) => {
        for (const [path, keys] of cited) {
          const bib = loadBibliography(path);
          const unused = [...bib.entries.values()].filter((e) => !keys.has(e.key));
          for (const e of unused) logger.warn(`${bib.shown}:${e.line}: entry "${e.key}" is not cited by any published article (drafts are not built)`);
        }
      },
    },
  };

  return { rehype, integration };
}
