// Links and citations in articles, checked so that none is broken when the site is published.
//
// While each article compiles (rehype plugin):
// - a link to a reference-list entry `<a href="#ref-KEY">` must point at an entry of the article's
//   own generated reference list (an element with id="ref-KEY", made for each key it cites with
//   [@KEY]; see rehype-citations.mjs, which checks the citations themselves), else the build
//   fails at that line;
// - internal links (`/articles/<slug>/`, `/articles/<slug>/#section`, `#section`) get the site's
//   base path prepended, and are remembered with their file and line.
// After the build has written every page (integration hook), each remembered link must lead to a
// page that was built and, if it has a `#fragment`, to an element with that id on it — headings,
// figures and widgets included. A link to a draft is broken too: drafts are not published.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { visit } from 'unist-util-visit';
import { slugOf } from './article-slugs.mjs';

const isJsx = (node) => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

function jsxAttr(node, name) {
  return node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
}

/** The id an element declares with a plain string, or undefined. */
function idOf(node) {
  if (node.type === 'element' && node.properties?.id != null) return String(node.properties.id);
  if (isJsx(node)) {
    const attr = jsxAttr(node, 'id');
    if (attr && typeof attr.value === 'string') return attr.value;
  }
  return undefined;
}

/** The link target of an `a` element written with a plain string, with a setter to rewrite it. */
function linkOf(node) {
  if (node.type === 'element' && node.tagName === 'a' && typeof node.properties?.href === 'string') {
    return { href: node.properties.href, set: (v) => (node.properties.href = v) };
  }
  if (isJsx(node) && node.name === 'a') {
    const attr = jsxAttr(node, 'href');
    if (attr && typeof attr.value === 'string') return { href: attr.value, set: (v) => (attr.value = v) };
  }
  return undefined;
}

const idsIn = (html) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));

/**
 * @param {{ base?: string, content?: string }} options base: the site's base path; content: the
 *   articles folder (as in src/content.config.ts), to know each article's slug.
 */
export function linkChecks({ base = '/', content = './content/articles' } = {}) {
  const prefix = base.replace(/\/+$/, '');
  const contentDir = resolve(content);
  /** @type {Map<string, { file: string, slug: string, links: { href: string, where: string }[] }>} */
  const pending = new Map();

  function rehype() {
    return (tree, file) => {
      const path = file.path ? relative(process.cwd(), file.path) : 'unknown file';
      const frontmatter = file.data?.astro?.frontmatter ?? {};
      const ids = new Set();
      const links = [];
      visit(tree, (node) => {
        const id = idOf(node);
        if (id !== undefined) ids.add(id);
        const link = linkOf(node);
        if (link) links.push({ ...link, node });
      });
      const where = (node) => `${path}:${node.position?.start.line ?? '?'}:${node.position?.start.column ?? '?'}`;
      const problems = [];
      const deferred = [];
      for (const { href, set, node } of links) {
        const cite = /^#ref-(.+)$/.exec(href);
        if (cite) {
          if (!ids.has(`ref-${cite[1]}`)) {
            const keys = [...ids].filter((i) => i.startsWith('ref-')).map((i) => i.slice(4));
            const known = keys.length ? `keys in it: ${keys.join(', ')}` : 'this article cites nothing, so it has no reference list (cite with [@KEY])';
            problems.push(`${where(node)}: citation "${cite[1]}" is not in this article's bibliography (${known})`);
          }
          continue;
        }
        if (href.startsWith('#')) {
          if (href.length > 1 && !ids.has(decodeURIComponent(href.slice(1)))) deferred.push({ href, where: where(node) });
          continue;
        }
        if (href.startsWith('/') && !href.startsWith('//')) {
          deferred.push({ href, where: where(node) });
          if (prefix && !(href === prefix || href.startsWith(`${prefix}/`))) set(`${prefix}${href}`);
        }
      }
      if (problems.length) throw new Error(problems.join('\n'));
      if (!file.path) return;
      if (frontmatter.draft === true || deferred.length === 0) {
        pending.delete(file.path);
        return;
      }
      const entry = relative(contentDir, file.path).split('\\').join('/');
      pending.set(file.path, { file: path, slug: slugOf(entry, frontmatter), links: deferred });
    };
  }

  /** @returns {import('astro').AstroIntegration} */
  const integration = {
    name: 'neural-notes:link-checks',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const pageFile = (path) => {
          const clean = path.replace(/^\/+/, '');
          const candidates = clean === '' || clean.endsWith('/') ? [join(clean, 'index.html')] : [clean, join(clean, 'index.html'), `${clean}.html`];
          return candidates.map((c) => join(out, decodeURIComponent(c))).find((c) => existsSync(c) && statSync(c).isFile());
        };
        const problems = [];
        for (const { slug, links } of pending.values()) {
          for (const { href, where } of links) {
            const [target, fragment] = href.split('#');
            const path = target === '' ? `/articles/${slug}/` : target.split('?')[0];
            const page = pageFile(path);
            if (!page) {
              problems.push(`${where}: broken link "${href}": no page ${path} is published (an article is linked as /articles/<slug>/; drafts are not published)`);
              continue;
            }
            if (!fragment) continue;
            const ids = idsIn(readFileSync(page, 'utf8'));
            if (!ids.has(decodeURIComponent(fragment))) {
              const sections = [...readFileSync(page, 'utf8').matchAll(/<h[2-4][^>]*\sid="([^"]*)"/g)].map((m) => m[1]);
              const list = sections.length ? ` Section anchors there: ${sections.map((s) => `#${s}`).join(', ')}` : '';
              problems.push(`${where}: broken link "${href}": ${path} has no element with id "${decodeURIComponent(fragment)}".${list}`);
            }
          }
        }
        if (problems.length) throw new Error(`Broken links in articles:\n${problems.join('\n')}`);
      },
    },
  };

  return { rehype, integration };
}
