import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { allProblems, openPage, scrollThrough } from './support/page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const url = `${inject('siteUrl')}articles/l1-vs-l2-regularization/`;

/** Every test error cell of the experiment table, by test id. */
async function errorCells(page: Page): Promise<Record<string, string>> {
  return page.locator('#exp [data-testid^="err-"]').evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-testid'), c.textContent ?? ''])));
}

async function hydrated(page: Page, figure: string): Promise<void> {
  await page.locator(figure).scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => {
    const island = document.querySelector(`${sel} astro-island`);
    return island !== null && !island.hasAttribute('ssr');
  }, figure);
}

/**
 * Loads the article with the figures' scripts held back 1.5 s and scrolls the experiment
 * into view, so that what the test does next certainly lands before hydration. Returns
 * the experiment's island (still server-rendered).
 */
async function loadBeforeHydration(page: Page) {
  await page.route('**/_astro/**/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const island = page.locator('#exp astro-island').first();
  await page.locator('#exp').scrollIntoViewIfNeeded();
  expect(await island.evaluate((el) => el.hasAttribute('ssr'))).toBe(true);
  return island;
}

describe('L1 vs L2 article', () => {
  it('reruns the default experiment in the browser to the same digits, fast and without long main-thread tasks', async () => {
    const { page, problems, close } = await openPage(browser, url);
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const built = await errorCells(page);
    const numbers = Object.values(built).filter((t) => /^\d+\.\d{8}$/.test(t));
    expect(numbers.length).toBe(20); // 4 methods × 5 runs, 8 decimals, in the HTML before any script ran
    await hydrated(page, '#exp');
    // Let neighbouring figures that scrolled into view finish hydrating: only the training is measured.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#exp').getByRole('button', { name: 'Rerun in this browser' }).click();
    await page.waitForSelector('#exp [data-phase="done"]', { timeout: 10_000 });
    const t1 = await page.evaluate(() => performance.now());
    expect(t1 - t0).toBeLessThan(2000);
    const long = await page.evaluate((start) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= start), t0);
    expect(long).toEqual([]);
    expect(await errorCells(page)).toEqual(built);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('a new seed changes the numbers, and the seed goes into the URL', async () => {
    const { page, problems, close } = await openPage(browser, url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const built = await errorCells(page);
    await hydrated(page, '#exp');
    const seed = page.locator('#exp').getByLabel('seed', { exact: true });
    await seed.fill('2');
    await seed.press('Enter');
    await page.waitForSelector('#exp [data-phase="done"]', { timeout: 10_000 });
    const after = await errorCells(page);
    expect(Object.keys(after)).toEqual(Object.keys(built));
    expect(after['err-l1-0']).not.toBe(built['err-l1-0']);
    expect(after['err-l2-0']).not.toBe(built['err-l2-0']);
    expect(page.url()).toContain('exp.seed=2');
    // A bad value is explained inline and the last good state stays.
    await seed.fill('abc');
    await seed.press('Enter');
    await expect(page.locator('#exp .nn-error').innerText()).resolves.toMatch(/not a number/);
    expect(page.url()).toContain('exp.seed=2');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('shows the cost of the experiment live, term by term, while it trains, and Stop stops it', async () => {
    const { page, problems, close } = await openPage(browser, url);
    await page.goto(url, { waitUntil: 'networkidle' });
    await hydrated(page, '#exp');
    const runs = page.locator('#exp').getByLabel('runs per method (1–100)');
    await runs.fill('60');
    await runs.press('Enter');
    const live = page.getByTestId('exp-cost-live');
    await live.waitFor({ timeout: 10_000 });
    const first = await live.innerText();
    expect(first).toMatch(/^Training (no penalty|L1|L2|elastic net), run \d+, epoch \d+ of 100: mean cost per step = [\d.]+ \(Σ\|ŷ − y\|\) \+ [\d.e−]+ \(.*\) = [\d.]+$/);
    await expect.poll(() => live.innerText(), { timeout: 5_000 }).not.toBe(first);
    await page.locator('#exp').getByRole('button', { name: 'Stop' }).click();
    await page.waitForSelector('#exp [data-phase="stopped"]', { timeout: 10_000 });
    expect(await live.count()).toBe(0);
    await expect(page.getByTestId('exp-status').innerText()).resolves.toMatch(/^Stopped after \d+ runs/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('says "diverged" instead of drawing NaN when the learning rate is too large', async () => {
    const { page, problems, close } = await openPage(browser, `${url}?exp.lr=0.5&exp.runs=2`);
    await page.goto(`${url}?exp.lr=0.5&exp.runs=2`, { waitUntil: 'networkidle' });
    await hydrated(page, '#exp');
    await page.waitForSelector('#exp [data-phase="done"]', { timeout: 10_000 });
    await expect(page.locator('#exp [data-testid="err-l1-0"]').innerText()).resolves.toBe('diverged');
    await expect(page.locator('#exp').innerText()).resolves.toMatch(/runs diverged/);
    expect(await page.locator('body').innerText()).not.toMatch(/\bNaN\b|Infinity/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('scrubbing the heatmaps changes the figure', async () => {
    const { page, problems, close } = await openPage(browser, url);
    await page.goto(url, { waitUntil: 'networkidle' });
    await hydrated(page, '#heat');
    const svg = () => page.locator('#heat [data-testid="heat-l1"] .nn-plot').innerHTML();
    const before = await svg();
    const off = await page.locator('#heat [data-testid="heat-off-l1"]').innerText();
    expect(off).toMatch(/^\d+ of 30 hidden units switched off$/);
    await page.locator('#heat input[type="range"]').fill('0');
    await expect(page.locator('#heat [data-testid="heat-epoch"]').innerText()).resolves.toMatch(/After epoch 0 of 100/);
    expect(await svg()).not.toBe(before);
    await page.locator('#heat input[type="range"]').fill('5');
    await expect(page.locator('#heat [data-testid="heat-epoch"]').innerText()).resolves.toMatch(/After epoch 10 of 100/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('pruning derives a reduced architecture and a new threshold recomputes it', async () => {
    const { page, problems, close } = await openPage(browser, url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const notation = page.locator('#prune [data-testid="prune-notation"]');
    const built = await notation.innerText();
    expect(built).toMatch(/^\(1,\d+\)(,\(\d+,\d+\))*,\(\d+,1\)$/);
    expect(built).not.toBe('(1,10),(10,10),(10,10),(10,1)');
    await hydrated(page, '#prune');
    const threshold = page.locator('#prune').getByLabel('switched off below |w| =');
    await threshold.fill('0.000001');
    await threshold.press('Enter');
    await page.waitForFunction((old) => document.querySelector('#prune [data-testid="prune-notation"]')?.textContent !== old, built, { timeout: 10_000 });
    await expect(notation.innerText()).resolves.toBe('(1,10),(10,10),(10,10),(10,1)');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('keeps a click on Rerun made before the figure is live, and runs it once the figure has hydrated', async () => {
    const { page, problems, close } = await openPage(browser, url);
    const island = await loadBeforeHydration(page);
    await page.locator('#exp').getByRole('button', { name: 'Rerun in this browser' }).click();
    expect(await island.evaluate((el) => el.hasAttribute('ssr') && el.hasAttribute('data-nn-pending'))).toBe(true);
    await page.waitForSelector('#exp [data-phase="done"]', { timeout: 30_000 });
    expect(await island.evaluate((el) => el.hasAttribute('data-nn-pending'))).toBe(false);
    await expect.poll(() => page.getByTestId('exp-status').textContent()).toMatch(/^Done: 20 runs/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('keeps a value typed before the figure is live, and trains with it once the figure has hydrated', async () => {
    const { page, problems, close } = await openPage(browser, url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const built = await errorCells(page);
    const island = await loadBeforeHydration(page);
    const seed = page.locator('#exp').getByLabel('seed', { exact: true });
    await seed.fill('2');
    await seed.press('Tab'); // commits the field (a change event)
    expect(await island.evaluate((el) => el.hasAttribute('ssr') && el.hasAttribute('data-nn-pending'))).toBe(true);
    await page.waitForSelector('#exp [data-phase="done"]', { timeout: 30_000 });
    expect(page.url()).toContain('exp.seed=2');
    const after = await errorCells(page);
    expect(after['err-l1-0']).not.toBe(built['err-l1-0']);
    expect(await seed.inputValue()).toBe('2');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('shows the default tables whole, without an inner scroll, on phone and desktop', async () => {
    for (const width of [360, 1280]) {
      const { page, close } = await openPage(browser, url, { viewport: { width, height: 800 } });
      await page.goto(url, { waitUntil: 'networkidle' });
      const clipped = await page.locator('.reg-table-wrap').evaluateAll((wraps) =>
        wraps.filter((w) => w.scrollHeight > w.clientHeight + 1).map((w) => `${w.getAttribute('aria-label')}: ${w.scrollHeight} > ${w.clientHeight}`),
      );
      expect(clipped, `width ${width}`).toEqual([]);
      await close();
    }
  });

  it('has no NaN in the page text and no console errors on phone width', async () => {
    const { page, problems, close } = await openPage(browser, url, { viewport: { width: 360, height: 740 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    await scrollThrough(page);
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
    await expect(page.locator('[data-testid="findings"] li').count()).resolves.toBe(4);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
