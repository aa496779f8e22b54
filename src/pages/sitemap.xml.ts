import type { APIRoute } from 'astro';
import { listArticles } from '../lib/articles';

/** Sitemap of every public page: home, search, and each published article (never drafts). */
export const GET: APIRoute = async ({ site }) => {
  const base = new URL(import.meta.env.BASE_URL, site);
  const articles = await listArticles();
  const entries = [
    { loc: base.href },
    { loc: new URL('search/', base).href },
    ...articles.map((a) => ({ loc: new URL(`articles/${a.id}/`, base).href, lastmod: (a.data.updated ?? a.data.published).toISOString().slice(0, 10) })),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${e.loc}</loc>${'lastmod' in e ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
