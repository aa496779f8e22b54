import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { listArticles } from '../lib/articles';
import { siteConfig } from '../site.config';

/** RSS 2.0 feed of every published article (drafts never appear), written by @astrojs/rss. */
export const GET: APIRoute = async ({ site }) => {
  const base = new URL(import.meta.env.BASE_URL, site);
  const articles = await listArticles();
  return rss({
    title: siteConfig.name,
    description: siteConfig.tagline,
    site: base,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${siteConfig.language}</language><atom:link href="${new URL('rss.xml', base).href}" rel="self" type="application/rss+xml"/>`,
    items: articles.map((a) => ({
      title: a.data.title,
      link: new URL(`articles/${a.id}/`, base).href,
      description: a.data.description,
      pubDate: a.data.published,
      categories: a.data.tags,
    })),
  });
};
