import type { APIRoute } from 'astro';
import { listArticles } from '../lib/articles';
import { siteConfig } from '../site.config';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** RSS 2.0 feed of every published article (drafts never appear). */
export const GET: APIRoute = async ({ site }) => {
  const base = new URL(import.meta.env.BASE_URL, site);
  const articles = await listArticles();
  const items = articles
    .map((a) => {
      const link = new URL(`articles/${a.id}/`, base).href;
      return `    <item>
      <title>${escape(a.data.title)}</title>
      <link>${link}</link>
      <guid isPermaLink="true">${link}</guid>
      <description>${escape(a.data.description)}</description>
      <pubDate>${a.data.published.toUTCString()}</pubDate>
${a.data.tags.map((t) => `      <category>${escape(t)}</category>`).join('\n')}
    </item>`;
    })
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escape(siteConfig.name)}</title>
    <link>${base.href}</link>
    <atom:link href="${new URL('rss.xml', base).href}" rel="self" type="application/rss+xml" />
    <description>${escape(siteConfig.tagline)}</description>
    <language>${siteConfig.language}</language>
${items}
  </channel>
</rss>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
