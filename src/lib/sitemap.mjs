// The sitemap, written by @astrojs/sitemap from the pages the build actually wrote (so drafts,
// which are never built, are never listed, and the base path is applied by Astro itself).
//
// @astrojs/sitemap names its files sitemap-index.xml and sitemap-0.xml, … . The site has long
// published /sitemap.xml (robots.txt readers and search consoles know it), so when the sitemap
// fits one file, that file is also published as /sitemap.xml; a larger site gets the index there.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pages that are for contributors, not readers: kept out of the sitemap. */
const notForReaders = [/\/widgets\/$/];

/** Options for @astrojs/sitemap. */
export const sitemapOptions = {
  filter: (url) => !notForReaders.some((re) => re.test(new URL(url).pathname)),
};

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
