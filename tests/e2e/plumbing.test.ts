import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allProblems, scrollThrough } from './support/page';
import { goLive, useBrowser } from './support/figure';

/**
 * The platform every figure shares, tested once, on the fixture site (built under /neural-notes/)
 * with the site's own figures: hydration when the reader turns to a figure, settings in the URL
 * (written once a control rests, restored, junk ignored and said so), clicks and values that
 * arrive before a figure is live, figures drawn twice, and text generated from the page's own
 * settings.
 */
const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const page1 = `${inject('fixtureUrl')}articles/fixture-figures/`;
const probs = (page: Page) => page.locator('#fig-softmax [data-testid="softmax-probs"]').innerText();
const live = (page: Page, id: string) => page.locator(`#fig-${id} astro-island`).first().evaluate((el) => !el.hasAttribute('ssr'));

/** Every test error cell of the experiment table, by test id. */
const errorCells = (page: Page) =>
  page.locator('#fig-exp [data-testid^="err-"]').evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-testid'), c.textContent ?? ''])));

/** Holds the site's scripts back 0.3 s, so that what the test does next lands before hydration. */
async function loadBeforeHydration(page: Page) {
  await page.route('**/_astro/**/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.goto(page1, { waitUntil: 'domcontentloaded' });
  const island = page.locator('#fig-exp astro-island').first();
  await page.locator('#fig-exp').scrollIntoViewIfNeeded();
  expect(await island.evaluate((el) => el.hasAttribute('ssr'))).toBe(true);
  return island;
}

describe('figures come alive when the reader turns to them', () => {
  it('loads no figure code at load or while the reader scrolls; pointing or focus brings one figure alive', async () => {
    const { page, problems, close } = await open(page1, { viewport: { width: 1280, height: 800 } });
    const scripts: string[] = [];
    page.on('response', (r) => r.url().endsWith('.js') && scripts.push(r.url().split('/').pop()!));
    await page.goto(page1, { waitUntil: 'networkidle' });
    await scrollThrough(page);
    await page.waitForTimeout(300);
    expect(await live(page, 'softmax')).toBe(false);
    expect(await live(page, 'exp')).toBe(false);
    expect(scripts.filter((s) => /Softmax|Experiment|client/.test(s))).toEqual([]);
    await page.locator('#fig-softmax .nn-figure-body').hover();
    await expect.poll(() => live(page, 'softmax')).toBe(true);
    expect(await live(page, 'exp')).toBe(false);
    await page.locator('#fig-exp').getByLabel('seed', { exact: true }).focus();
    await expect.poll(() => live(page, 'exp')).toBe(true);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('a shared link’s settings show as soon as the figure scrolls into view', async () => {
    const { page, problems, close } = await open(page1);
    await page.goto(`${page1}?softmax.z=1,2,3&softmax.t=2`, { waitUntil: 'networkidle' });
    await page.locator('#fig-softmax').scrollIntoViewIfNeeded();
    await expect.poll(() => probs(page)).toBe('0.186, 0.307, 0.506');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('a figure’s worker', () => {
  it('starts once the figure is live and the page idle, warming up with the settings on screen; the job then goes to the same worker', async () => {
    const { page, problems, close } = await open(page1);
    // every message the page posts to a worker, as posted
    await page.addInitScript({
      content: `window.__posted = []; const post = Worker.prototype.postMessage; Worker.prototype.postMessage = function (m, ...rest) { window.__posted.push(JSON.parse(JSON.stringify(m))); return post.call(this, m, ...rest); };`,
    });
    const posted = () => page.evaluate(() => (window as unknown as { __posted: Record<string, unknown>[] }).__posted);
    await page.goto(page1, { waitUntil: 'networkidle' });
    await page.locator('#fig-exp .nn-figure-body').hover();
    await expect.poll(() => live(page, 'exp')).toBe(true);
    await expect.poll(async () => (await posted()).length).toBe(1);
    const [warm] = await posted();
    // the article's settings (λ = 1, two runs), not the declaration's defaults
    expect(warm).toMatchObject({ warm: 'Experiment', input: { seed: 1, lambda: 1, runs: 2, methods: ['none', 'l1', 'l2', 'elastic'], pruned: false, ownData: null } });
    expect(Object.keys(warm)).toEqual(['warm', 'input']);
    await page.locator('#fig-exp').getByRole('button', { name: 'Rerun in this browser' }).click();
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 30_000 });
    const [, job, ...rest] = await posted();
    expect(rest).toEqual([]);
    expect(job).toMatchObject({ figure: 'Experiment', input: warm.input });
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('the toolbar of a figure that is not live yet', () => {
  // Each press on a fresh page: any press in a figure starts its hydration (focus), so a second press
  // on the same page may find it live already, depending on how fast it hydrated.
  it('downloads the drawing at once', async () => {
    const { page, problems, close } = await open(page1, { acceptDownloads: true });
    await page.goto(page1, { waitUntil: 'networkidle' });
    const figure = page.locator('#fig-softmax');
    await figure.scrollIntoViewIfNeeded();
    expect(await live(page, 'softmax')).toBe(false);
    const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'SVG', exact: true }).press('Enter')]);
    expect(svg.suggestedFilename()).toBe('fig-softmax.svg');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('downloads the data once the figure has come alive, on one more press', async () => {
    const { page, problems, close } = await open(page1, { acceptDownloads: true });
    await page.goto(page1, { waitUntil: 'networkidle' });
    const figure = page.locator('#fig-softmax');
    await figure.scrollIntoViewIfNeeded();
    expect(await live(page, 'softmax')).toBe(false);
    const status = () => figure.locator('.nn-figure-status').innerText();
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const csv = figure.getByRole('button', { name: 'CSV', exact: true });
    await csv.press('Enter');
    await expect.poll(status, { timeout: 10_000 }).toBe('The figure is ready: press CSV again to download its data.');
    expect(downloads).toEqual([]);
    await csv.press('Enter');
    await expect.poll(() => downloads).toEqual(['fig-softmax.csv']);
    await expect.poll(status).toBe('CSV downloaded.');
    expect(await live(page, 'softmax')).toBe(true);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('settings in the URL', () => {
  it('a dragged slider rewrites the URL once it comes to rest, and Copy link right after a change has it', async () => {
    const { page, context, problems, close } = await open(page1);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page1).origin });
    // Count the page's URL rewrites (each is a same-document navigation; browsers throttle them).
    await page.addInitScript(() => {
      const replace = history.replaceState.bind(history);
      (window as unknown as { nnWrites: number }).nnWrites = 0;
      history.replaceState = (...args: Parameters<History['replaceState']>) => {
        (window as unknown as { nnWrites: number }).nnWrites++;
        replace(...args);
      };
    });
    await page.goto(page1, { waitUntil: 'networkidle' });
    await goLive(page, 'softmax');
    const fig = page.locator('#fig-softmax');
    const slider = fig.getByRole('slider', { name: /Temperature/ });
    await slider.focus();
    for (let k = 0; k < 20; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue()).toBe('3');
    await expect.poll(() => page.url()).toContain('softmax.t=3');
    const writes = () => page.evaluate(() => (window as unknown as { nnWrites: number }).nnWrites);
    expect(await writes()).toBeLessThanOrEqual(3);
    // A change followed at once by Copy link: the link carries the new value.
    await slider.focus();
    await page.keyboard.press('Home');
    await fig.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => fig.locator('[role=status]').last().innerText()).toContain('Link copied');
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('softmax.t')).toBe('0.1');
    expect(copied.pathname).toBe(new URL(page1).pathname);
    expect(copied.hash).toBe('#fig-softmax');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('ignores invalid, unknown and repeated parameters, says once which and why, and drops them from the URL and the copied link', async () => {
    const { page, context, problems, close } = await open(page1);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page1).origin });
    const junk = `?exp.runs=1e9&exp.lambda=NaN&exp.seed=0x1F&exp.foo=%3Cscript%3Ealert(1)%3C%2Fscript%3E&exp.methods=l1,l1&softmax.t=2&softmax.t=4&foo=%3Cscript%3E`;
    await page.goto(page1 + junk, { waitUntil: 'networkidle' });
    await page.locator('#fig-softmax').scrollIntoViewIfNeeded();
    await page.locator('#fig-exp').scrollIntoViewIfNeeded();
    const notice = page.locator('#fig-exp [data-testid="url-notice"]');
    await expect.poll(() => notice.innerText()).toBe(
      'Ignored exp.lambda=NaN: λ must be a number from 0 to 10; exp.seed=0x1F: seed must be a whole number from 0 to 1000000; exp.runs=1e9: runs per method must be a whole number from 1 to 100; exp.foo=<script>alert(1)</scrip…: this figure has no such setting.',
    );
    await expect.poll(() => page.locator('#fig-softmax [data-testid="url-notice"]').innerText()).toBe('Ignored softmax.t=4: given twice, the first one is used.');
    // A value listed twice counts once: the only ticked penalty stays locked.
    await expect.poll(() => page.locator('#fig-exp').getByLabel('L1', { exact: true }).isDisabled()).toBe(true);
    const params = (href: string) => [...new URL(href).searchParams].map(([k, v]) => `${k}=${v}`).sort();
    await expect.poll(() => params(page.url())).toEqual(['exp.methods=l1', 'foo=<script>', 'softmax.t=2']);
    await page.locator('#fig-exp').getByRole('button', { name: 'Copy link' }).click();
    // …and the link leaves out what belongs to no figure of the page.
    expect(params(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(['exp.methods=l1', 'softmax.t=2']);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('typed values', () => {
  it('accept decimal notation only and quote what was typed; the last good value stays', async () => {
    const { page, problems, close } = await open(page1);
    await page.goto(page1, { waitUntil: 'networkidle' });
    await goLive(page, 'exp');
    for (const [setting, typed, message] of [
      ['seed', '0x1F', '“0x1F” is not a number; enter a number from 0 to 1000000.'],
      ['seed', '1e1000', '“1e1000” is not a number; enter a number from 0 to 1000000.'],
      ['runs', '100000000000000000000', '100000000000000000000 is out of range; enter a number from 1 to 100.'],
      ['runs', '2.5', 'Enter a whole number from 1 to 100.'],
    ] as const) {
      const field = page.locator(`#fig-exp [data-setting="${setting}"]`);
      await field.locator('input').fill(typed);
      await field.locator('input').press('Enter');
      await expect.poll(() => field.locator('.nn-error').innerText()).toBe(message);
    }
    expect(page.url()).not.toContain('exp.seed');
    expect(page.url()).not.toContain('exp.runs');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('before a figure is live', () => {
  it('keeps a click on Rerun made before the figure is live, and runs it once the figure has hydrated', async () => {
    const { page, problems, close } = await open(page1);
    const island = await loadBeforeHydration(page);
    await page.locator('#fig-exp').getByRole('button', { name: 'Rerun in this browser' }).click();
    expect(await island.evaluate((el) => el.hasAttribute('ssr') && el.hasAttribute('data-nn-pending'))).toBe(true);
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 30_000 });
    expect(await island.evaluate((el) => el.hasAttribute('data-nn-pending'))).toBe(false);
    await expect.poll(() => page.getByTestId('exp-status').textContent()).toMatch(/^8 runs trained: 2 per penalty\. Computed in this browser\./);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('keeps a value typed before the figure is live, and trains with it once the figure has hydrated', async () => {
    const { page, problems, close } = await open(page1);
    await page.goto(page1, { waitUntil: 'networkidle' });
    const built = await errorCells(page);
    const island = await loadBeforeHydration(page);
    const seed = page.locator('#fig-exp').getByLabel('seed', { exact: true });
    await seed.fill('2');
    await seed.press('Tab'); // commits the field (a change event)
    expect(await island.evaluate((el) => el.hasAttribute('ssr') && el.hasAttribute('data-nn-pending'))).toBe(true);
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 30_000 });
    await expect.poll(() => page.url()).toContain('exp.seed=2');
    const after = await errorCells(page);
    expect(after['err-l1-0']).not.toBe(built['err-l1-0']);
    expect(await seed.inputValue()).toBe('2');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('a figure drawn twice', () => {
  it('redraws only the drawing on screen, and the other is current as soon as it shows', async () => {
    // A drawing's markup without the ids Plot numbers in the order figures are drawn.
    const drawing = (page: Page, sel: string) => page.locator(`${sel} svg`).last().evaluate((el) => el.outerHTML.replace(/plot-clip-\d+/g, 'clip'));
    const { page, problems, close } = await open(page1, { viewport: { width: 1280, height: 800 } });
    await page.goto(page1, { waitUntil: 'networkidle' });
    const wide = '#fig-softmax .nn-plot.nn-wide';
    const narrow = '#fig-softmax .nn-plot.nn-narrow';
    await goLive(page, 'softmax');
    const [wideBefore, narrowBefore] = [await drawing(page, wide), await drawing(page, narrow)];
    await page.locator('#fig-softmax').getByRole('slider', { name: /Temperature/ }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => drawing(page, wide)).not.toBe(wideBefore);
    await expect.poll(() => page.url()).toMatch(/t=5/);
    expect(await drawing(page, narrow), 'the hidden narrow drawing is not redrawn').toBe(narrowBefore);
    // On a narrow screen the narrow drawing shows, drawn with the current settings: the same
    // drawing as a page opened at that width with the same settings.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(() => page.locator(narrow).isVisible()).toBe(true);
    const shown = await drawing(page, narrow);
    expect(shown).not.toBe(narrowBefore);
    const fresh = await open(page1, { viewport: { width: 360, height: 800 } });
    await fresh.page.goto(page.url(), { waitUntil: 'networkidle' });
    await goLive(fresh.page, 'softmax');
    await expect.poll(() => drawing(fresh.page, narrow)).toBe(shown);
    expect(allProblems(problems)).toEqual([]);
    expect(allProblems(fresh.problems)).toEqual([]);
    await fresh.close();
    await close();
  });
});

describe('formulas that show a figure’s numbers', () => {
  const shown = (page: Page) =>
    page.locator('.nn-live-formula[data-nn-live-of="sig"]').evaluate((f) => ({
      html: [...f.querySelectorAll('.katex-html [data-nnlive]')].map((e) => `${e.getAttribute('data-nnlive')}=${e.textContent}`),
      mathml: [...f.querySelectorAll('mn[data-nnlive]')].map((e) => `${e.getAttribute('data-nnlive')}=${e.textContent}`),
      box: (({ width, height }) => ({ width, height }))(f.querySelector('.katex-html')!.getBoundingClientRect()),
      said: f.querySelector('[data-nn-live-say]')?.textContent ?? '',
    }));
  /** The sigmoid's numbers at x as the formula writes them (4 significant digits, minus sign U+2212). */
  const expected = (x: number) => {
    const f = 1 / (1 + Math.exp(-x));
    const w = (v: number, d: number) => String(Number(v.toPrecision(d))).replace('-', '\u2212');
    return [`x=${w(x, 3)}`, `x=${w(x, 3)}`, `f.sigmoid=${w(f, 4)}`, `x=${w(x, 3)}`, `d.sigmoid=${w(f * (1 - f), 4)}`];
  };

  it('are typeset with the figure’s first numbers before any script, for eyes and for screen readers', async () => {
    const { page, close } = await open(page1, { javaScriptEnabled: false });
    await page.goto(page1);
    const before = await shown(page);
    expect(before.html).toEqual(expected(1.5));
    expect(before.mathml).toEqual(before.html);
    await close();
  });

  it('rewrite their numbers in place as the reader moves the figure’s cursor, without moving the formula, and say them once they settle', async () => {
    const { page, problems, close } = await open(page1, { viewport: { width: 1280, height: 800 } });
    await page.goto(page1, { waitUntil: 'networkidle' });
    const before = await shown(page);
    const slider = page.locator('#fig-sig [role="slider"]').first();
    await slider.focus();
    await expect.poll(() => live(page, 'sig')).toBe(true);
    for (let i = 0; i < 12; i++) await slider.press('ArrowLeft');
    const x = Number(await slider.getAttribute('aria-valuenow'));
    expect(x).toBeLessThan(1.5);
    await expect.poll(async () => (await shown(page)).html).toEqual(expected(x));
    const after = await shown(page);
    expect(after.mathml).toEqual(after.html);
    expect(after.box).toEqual(before.box);
    await expect.poll(async () => (await shown(page)).said).toBe(expected(x).filter((_, i) => i !== 1 && i !== 3).map((t) => t.replace(/^x=/, 'x = ').replace(/^f\.sigmoid=/, 'Sigmoid f(x) = ').replace(/^d\.sigmoid=/, 'Sigmoid f′(x) = ')).join('; '));
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('text generated from the page’s own figures', () => {
  it('“What we found” describes the settings the article gave its Experiment (λ = 1, two runs), with the numbers of its table', async () => {
    const { page, close } = await open(page1, { javaScriptEnabled: false });
    await page.goto(page1);
    const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
    const text = squash(await page.getByTestId('findings').innerText());
    const cell = async (sel: string) => squash(await page.locator(sel).innerText());
    const [none, l1, l2, el] = await Promise.all(['none', 'l1', 'l2', 'elastic'].map((m) => cell(`#fig-exp [data-testid="mean-${m}"]`)));
    expect(text).toContain(`With λ = 1, over 2 seeded runs per penalty, the total test error was ${none} with no penalty, ${l1} with L1, ${l2} with L2 and ${el} with elastic net`);
    expect(text).toMatch(/L2 scored lower in \d of 2 runs/);
    expect(text).toContain('with 2 runs the spread');
    const [full, pruned] = (await page.locator('#fig-prune tfoot td').allInnerTexts()).map(squash);
    expect(text).toContain(`that pruned network scored ${pruned}, against ${full} for the full network`);
    await close();
  });
});
