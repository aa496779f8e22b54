// The sitemap, written by @astrojs/sitemap from the pages the build actually wrote (so drafts,
// which are never built, are never listed, and the base path is applied by Astro itself).
//
// @astrojs/sitemap names its files sitemap-index.xml and sitemap-0.xml, … . The site has long
// published /sitemap.xml (robots.txt readers and search consoles know it), so when the sitemap
// fits one file, that file is also published as /sitemap.xml; a larger site gets the index there.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugOf } from './article-slugs.mjs';
import { fileHistory } from './history.mjs';

/** Pages that are for contributors, not readers: kept out of the sitemap. */
const notForReaders = [/\/widgets\/$/];

/** Every article file under `dir`, by slug. */
function articleFiles(dir, sub = '', out = new Map()) {
  if (!existsSync(join(dir, sub))) return out;
  for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const path = join(sub, e.name);
    if (e.isDirectory()) articleFiles(dir, path, out);
    else if (e.name.endsWith('.mdx')) out.set(slugOf(path.split('\\').join('/')), join(dir, path));
  }
  return out;
}

/**
 * Options for @astrojs/sitemap: readers' pages only, and each article's last modification, the
 * date of the newest commit that changed its file (as its appendix lists them).
 * @param {{ content: string }} options the articles folder
 */
export function sitemapOptions({ content }) {
  const files = articleFiles(resolve(content));
  return {
    filter: (url) => !notForReaders.some((re) => re.test(new URL(url).pathname)),
    serialize(item) {
      const slug = /\/articles\/(.+?)\/$/.exec(new URL(item.url).pathname)?.[1];
      const file = slug && files.get(decodeURIComponent(slug));
      const newest = file ? fileHistory(relative(process.cwd(), file)).changes[0] : undefined;
      return newest ? { ...item, lastmod: newest.date } : item;
    },
  };
}

/** @returns {import('astro').AstroIntegration} Must come after sitemap() in the integrations. */
export function sitemapAlias() {
  return {
    name: 'neural-notes:sitemap-alias',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const single = join(out, 'sitemap-0.xml');
        const source = existsSync(join(out, 'sitemap-1.xml')) ? join(out, 'sitemap-index.xml') : single;
        if (!existsSync(source)) return logger.warn('no sitemap was written, so there is no /sitemap.xml');
        copyFileSync(source, join(out, 'sitemap.xml'));
      },
    },
  };
}
