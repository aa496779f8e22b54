import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

/**
 * Drafts are for writing: `npm run dev` shows them, a production build never publishes them —
 * no page, no sitemap entry, no feed item, nothing in the search index. The fixture site has
 * one published article and one draft (tests/fixtures/site/articles/fixture-draft.mdx). Its
 * production build is the one the e2e project's global setup makes (and fails on, with its message).
 */
const out = inject('fixtureDir');

const read = (path: string) => readFileSync(join(out, path), 'utf8');

/** The text of every page in Pagefind's index (its fragments are gzip-compressed JSON). */
function searchIndexText(): string {
  const dir = join(out, 'pagefind/fragment');
  return readdirSync(dir)
    .map((f) => gunzipSync(readFileSync(join(dir, f))).toString('utf8'))
    .join('\n');
}

describe('a production build publishes no draft', () => {
  it('has a page for the published article and none for the draft', () => {
    expect(existsSync(join(out, 'articles/fixture-article/index.html'))).toBe(true);
    expect(existsSync(join(out, 'articles/fixture-draft'))).toBe(false);
    expect(read('index.html')).toContain('Fixture article');
    expect(read('index.html')).not.toContain('Fixture draft');
  });

  it('leaves the draft out of the sitemap', () => {
    const sitemap = read('sitemap.xml');
    expect(sitemap).toContain('/neural-notes/articles/fixture-article/');
    expect(sitemap).not.toContain('fixture-draft');
  });

  it('leaves the draft out of the feed', () => {
    const feed = read('rss.xml');
    expect(feed).toContain('<title>Fixture article</title>');
    expect(feed).not.toContain('fixture-draft');
    expect(feed).not.toContain('Fixture draft');
  });

  it('leaves the draft out of the search index', () => {
    const text = searchIndexText();
    expect(text).toContain('Fixture article');
    expect(text).not.toContain('fixture-draft');
    expect(text).not.toContain('This draft is not published');
  });
});
