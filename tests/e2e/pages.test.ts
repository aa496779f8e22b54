import { describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileBrowser } from './support/browser';
import { allProblems, listPages, openPage, scrollThrough } from './support/page';

const browser = fileBrowser();

const sites = [
  { name: 'site', url: inject('siteUrl'), dir: inject('siteDir') },
  { name: 'fixture site under /neural-notes/', url: inject('fixtureUrl'), dir: inject('fixtureDir') },
];

for (const site of sites) {
  describe(`every page of the ${site.name}`, () => {
    const pages = listPages(site.dir);

    it('has a home page and a 404 page', () => {
      expect(pages).toContain('');
      expect(pages).toContain('404.html');
    });

    for (const path of pages) {
      it(`/${path} loads with no errors and no request to another origin`, async () => {
        const { page, problems, close } = await openPage(browser(), site.url);
        const response = await page.goto(site.url + path, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(200);
        await scrollThrough(page);
        await page.waitForLoadState('networkidle');
        expect(await page.locator('h1').count()).toBeGreaterThan(0);
        expect(await page.title()).not.toBe('');
        const text = await page.locator('body').innerText();
        expect(text).not.toMatch(/\bNaN\b|\bundefined\b/);
        expect(allProblems(problems)).toEqual([]);
        await close();
      });
    }

    it('answers an unknown address with the 404 page', async () => {
      const { page, close } = await openPage(browser(), site.url);
      const response = await page.goto(`${site.url}this-page-does-not-exist/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
      await close();
    });

    it('links from the home page to every published article, and every internal link resolves', async () => {
      const { page, close } = await openPage(browser(), site.url);
      await page.goto(site.url);
      const articleLinks = await page.locator('.article-list a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const articlePages = pages.filter((p) => p.startsWith('articles/'));
      expect(articleLinks.map((href) => href.slice(site.url.length)).sort()).toEqual(articlePages);
      const internal = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of internal.filter((h) => h.startsWith(site.url))) {
        const path = new URL(href).pathname.slice(new URL(site.url).pathname.length);
        // A page, or a file the build wrote (the feed, the sitemap).
        const exists = pages.includes(path) || (path !== '' && !path.endsWith('/') && existsSync(join(site.dir, path)));
        expect(exists, `link ${href}`).toBe(true);
      }
      await close();
    });
  });
}
