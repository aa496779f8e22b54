import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** Everything a page did that a reader should never see or that breaks the "own origin only" rule. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  close(): Promise<void>;
}

/**
 * Opens a fresh context and page that records console errors, uncaught errors, failed
 * requests and any request to another origin (which is blocked, then reported).
 */
export async function openPage(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  const own = new URL(origin).origin;
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === own) return route.continue();
    problems.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(`${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('requestfailed', (req) => {
    if (!problems.foreignRequests.includes(req.url())) {
      problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`);
    }
  });
  page.on('response', (res) => {
    // The 404 page is meant to answer 404; everything else must load.
    if (res.status() >= 400 && !res.url().includes('/this-page-does-not-exist')) {
      problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
    }
  });
  return { context, page, problems, close: () => context.close() };
}

/** Sum of all problems, for one `expect(...).toEqual([])`. */
export function allProblems(p: PageProblems): string[] {
  return [
    ...p.consoleErrors.map((m) => `console error: ${m}`),
    ...p.pageErrors.map((m) => `page error: ${m}`),
    ...p.failedRequests.map((m) => `failed request: ${m}`),
    ...p.foreignRequests.map((m) => `request to another origin: ${m}`),
  ];
}

/** Every page of a built site, as URL paths relative to its base (e.g. `articles/x/`). */
export function listPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = relative(dir, full).split(sep).join('/');
        pages.push(rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** Scrolls through the whole page so that every `client:visible` island hydrates. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = window.innerHeight / 2;
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, 0);
  });
}

/**
 * Waits until the island containing `selector` has hydrated (Astro removes its `ssr` attribute),
 * pointing at it first: a figure hydrates when the reader turns to it (hydrate-on-interaction.ts).
 */
export async function waitForHydration(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.locator(selector).first().hover({ position: { x: 2, y: 2 } });
  await page.waitForFunction((sel) => {
    const island = document.querySelector(sel)?.closest('astro-island');
    return !!island && !island.hasAttribute('ssr');
  }, selector);
}
