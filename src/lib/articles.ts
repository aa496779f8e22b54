import { getCollection, type CollectionEntry } from 'astro:content';

export type Article = CollectionEntry<'articles'>;

/** Drafts are visible while writing (`npm run dev`) and never in a production build. */
export function isVisible(article: Article, production: boolean = import.meta.env.PROD): boolean {
  return !(production && article.data.draft);
}

/** Visible articles, newest first. */
export async function listArticles(): Promise<Article[]> {
  const all = await getCollection('articles', (a) => isVisible(a));
  return all.sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
}

const wordsPerMinute = 220;

/** Reading time in whole minutes (at least 1), from the article's raw MDX body. */
export function readingMinutes(body: string | undefined): number {
  const prose = (body ?? '')
    .replace(/^import .*$/gm, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ');
  const words = prose.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}

export function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}
