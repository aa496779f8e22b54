import { expect, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { openPage, type OpenedPage } from './page';

/** The real site's article pages. */
export const articleUrl = (slug: 'activation-functions' | 'l1-vs-l2-regularization') => `${inject('siteUrl')}articles/${slug}/`;

/** The selector of a figure by its id (`<Experiment id="exp" />` is `#fig-exp`). */
export const fig = (id: string) => `#fig-${id}`;

/**
 * Brings a figure to life the way a reader does: scrolls it into view and points at it (figures
 * hydrate when the reader turns to them, see hydrate-on-interaction.ts), then waits until its island
 * has hydrated.
 */
export async function goLive(page: Page, id: string): Promise<void> {
  const figure = page.locator(fig(id));
  await figure.scrollIntoViewIfNeeded();
  const island = figure.locator('astro-island').first();
  if (await island.evaluate((el) => el.hasAttribute('ssr'))) await figure.locator('.nn-figure-body').hover({ position: { x: 2, y: 2 } });
  await page.waitForFunction((sel) => {
    const el = document.querySelector(`${sel} astro-island`);
    return el !== null && !el.hasAttribute('ssr');
  }, fig(id));
}

/**
 * Lets a test hold the jobs a page sends its figures' workers: while `holding(true)` is on, each
 * job reaches its worker 2 s after it was sent, so that a press on Stop lands while the job runs
 * however fast the worker is (a warmed-up worker trains some figures' runs in a few milliseconds).
 * Stop ends the worker, and the held job with it. Call before the page loads.
 */
export async function holdJobs(page: Page): Promise<{ holding: (on: boolean) => Promise<void> }> {
  await page.addInitScript({
    content: `const post = Worker.prototype.postMessage; Worker.prototype.postMessage = function (m, ...rest) { if (window.nnHoldJobs && m && typeof m === 'object' && 'id' in m) { setTimeout(() => post.call(this, m, ...rest), 2000); return; } return post.call(this, m, ...rest); };`,
  });
  return { holding: (on) => page.evaluate((v) => void ((window as unknown as { nnHoldJobs: boolean }).nnHoldJobs = v), on) };
}

/** Brings every figure of the page to life (pointing at each in turn), so what is checked next is the live page. */
export async function bringAllAlive(page: Page): Promise<void> {
  const ids = await page.locator('figure[data-nn-figure]').evaluateAll((els) => els.map((el) => el.id));
  for (const id of ids) {
    const body = page.locator(`#${id} .nn-figure-body`);
    await body.scrollIntoViewIfNeeded();
    await body.hover({ position: { x: 2, y: 2 } });
  }
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
  await page.evaluate(() => scrollTo(0, 0));
}

/** The figure's drawn SVG (the visible one, for figures drawn in two sizes). */
export async function svgOf(page: Page, selector: string): Promise<string> {
  return page.locator(`${selector} .nn-plot:visible svg`).first().evaluate((el) => el.outerHTML);
}

/** Runs `act` and waits until the figure's visible drawing has changed. */
export async function changes(page: Page, selector: string, act: () => Promise<unknown>): Promise<void> {
  const before = await svgOf(page, selector);
  await act();
  await expect.poll(() => svgOf(page, selector), { timeout: 15_000 }).not.toBe(before);
}

/** One browser for a test file, and pages opened on the real site. */
export function useBrowser(): { browser: () => Browser; open: (url: string, options?: Parameters<typeof openPage>[2]) => Promise<OpenedPage> } {
  let browser: Browser | undefined;
  return {
    browser: () => browser!,
    open: async (url, options) => {
      browser ??= await launchChromium();
      return openPage(browser, url, options);
    },
  };
}

/**
 * Tick labels of the figure's visible plot: Plot draws the x-axis labels in a tabular-nums group
 * with the default (middle) anchor and the y-axis labels in one anchored at the end.
 */
export async function tickLabels(page: Page, fig: string, axis: 'x' | 'y'): Promise<string[]> {
  const group = axis === 'x' ? 'g[font-variant="tabular-nums"]:not([text-anchor])' : 'g[font-variant="tabular-nums"][text-anchor="end"]';
  return page.locator(`${fig} .nn-plot:visible svg`).first().locator(`${group} text`).allTextContents();
}

/** Rays of the RReLU training-mode slopes: thin, translucent lines (curvePlot draws them at opacity 0.45). */
export const thinLines = (page: Page, fig: string) => page.locator(`${fig} .nn-plot svg g[stroke-opacity="0.45"]`).count();

/** What the explorer's readout says for one function: f and f′ as printed (with their hidden labels). */
export async function readoutOf(page: Page, fig: string, name: string): Promise<{ f: string; d: string }> {
  const entry = page.locator(`${fig} [data-testid="readout-entry"]`).filter({ hasText: name }).first();
  const f = (await entry.locator('[data-part="f"]').textContent()) ?? '';
  const d = (await entry.locator('[data-part="d"]').textContent()) ?? '';
  return { f: f.trim(), d: d.trim() };
}

/** Every test error cell of the experiment table, by test id: its text and, after a bar, its tooltip (the value to 8 decimals). */
export async function errorCells(page: Page): Promise<Record<string, string>> {
  return page
    .locator('#fig-exp [data-testid^="err-"]')
    .evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-testid'), `${c.textContent ?? ''}|${c.getAttribute('title') ?? ''}`])));
}
