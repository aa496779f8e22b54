import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { allProblems, openPage, scrollThrough } from './support/page';
import { drawnTexts as drawnTextsIn, overlaps } from './support/plots';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const url = `${inject('siteUrl')}articles/l1-vs-l2-regularization/`;

/** Every test error cell of the experiment table, by test id: its text and, after a bar, its tooltip (the value to 8 decimals). */
async function errorCells(page: Page): Promise<Record<string, string>> {
  return page
    .locator('#exp [data-testid^="err-"]')
    .evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-testid'), `${c.textContent ?? ''}|${c.getAttribute('title') ?? ''}`])));
}

const FIGURES = ['#geo', '#outliers', '#exp', '#heat', '#prune'];
const drawnTexts = (page: Page) => drawnTextsIn(page, FIGURES);

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
    const numbers = Object.values(built).filter((t) => /^\d+\.\d{2}\|\d+\.\d{8}$/.test(t));
    expect(numbers.length).toBe(20); // 4 methods × 5 runs, 2 decimals (8 in the tooltip), in the HTML before any script ran
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
    await expect.poll(() => page.url()).toContain('exp.seed=2');
    // A bad value is explained inline and the last good state stays.
    await seed.fill('abc');
    await seed.press('Enter');
    await expect(page.locator('#exp .nn-error').innerText()).resolves.toMatch(/not a number/);
    await expect.poll(() => page.url()).toContain('exp.seed=2');
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
    const svg = () => page.locator('#heat [data-testid="heat-l1"] .nn-plot:visible').innerHTML();
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
    await expect.poll(() => page.url()).toContain('exp.seed=2');
    const after = await errorCells(page);
    expect(after['err-l1-0']).not.toBe(built['err-l1-0']);
    expect(await seed.inputValue()).toBe('2');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('shows the default tables whole, without an inner scroll either way, on phone and desktop', async () => {
    for (const width of [360, 1280]) {
      const { page, close } = await openPage(browser, url, { viewport: { width, height: 800 } });
      await page.goto(url, { waitUntil: 'networkidle' });
      // the wrapping box, and the table itself (an article's tables scroll inside themselves)
      const clipped = await page.locator('.reg-table-wrap, .reg-table-wrap > table').evaluateAll((wraps) =>
        wraps
          .filter((w) => w.scrollHeight > w.clientHeight + 1 || w.scrollWidth > w.clientWidth + 1)
          .map((w) => `${w.getAttribute('aria-label')}: ${w.scrollWidth}×${w.scrollHeight} in ${w.clientWidth}×${w.clientHeight}`),
      );
      expect(clipped, `width ${width}`).toEqual([]);
      // mean ± sd: one row on a desktop; on a phone a row each, with the same numbers.
      const footer = await page.locator('#exp tfoot').innerText();
      const meanRow = footer.split('\n').find((line) => /^mean ± sd/.test(line));
      if (width > 420) {
        expect(meanRow).toBeDefined();
      } else {
        expect(meanRow).toBeUndefined();
        const joined = await page.locator('#exp [data-testid="mean-l1"]').textContent();
        const [mean, sd] = (joined ?? '').split('±').map((t) => t.trim());
        const cell = (row: string) => page.locator(`#exp tfoot tr.reg-split:has(th:text-is("${row}")) td`).nth(1).innerText();
        expect([await cell('mean'), await cell('sd')]).toEqual([mean, sd]);
      }
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

  it('on a phone, every figure draws its text at 11px or more, whole and inside the figure, with no text over another', async () => {
    const { page, problems, close } = await openPage(browser, url, { viewport: { width: 360, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    for (const figure of FIGURES) await hydrated(page, figure); // measured as drawn after hydration (the same as built)
    await page.waitForLoadState('networkidle');
    const texts = await drawnTexts(page);
    for (const figure of FIGURES) expect(texts.filter((t) => t.figure === figure).length, figure).toBeGreaterThan(5);
    const small = texts.filter((t) => t.px < 11).map((t) => `${t.figure}: "${t.text}" at ${t.px.toFixed(1)}px`);
    expect(small).toEqual([]);
    expect(texts.filter((t) => !t.inside).map((t) => `${t.figure}: "${t.text}" cut off`)).toEqual([]);
    expect(overlaps(texts)).toEqual([]);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('on a desktop, no axis label sits on a tick label (the experiment’s "x →" clears the "10")', async () => {
    const { page, close } = await openPage(browser, url, { viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const texts = await drawnTexts(page);
    const fit = texts.filter((t) => t.figure === '#exp');
    const label = fit.find((t) => t.text === 'x →');
    const ten = fit.find((t) => t.text === '10' && label && Math.abs(t.box.right - label.box.right) < 40);
    expect(label && ten, 'the fit plot’s x label and its last tick').toBeTruthy();
    expect(label!.box.top).toBeGreaterThanOrEqual(ten!.box.bottom - 1);
    expect(overlaps(texts)).toEqual([]);
    expect(texts.filter((t) => t.px < 11)).toEqual([]);
    await close();
  });

  it('on a phone, the weight heatmaps show all four matrices whole, with their labels', async () => {
    const { page, close } = await openPage(browser, url, { viewport: { width: 360, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    for (const method of ['l1', 'l2']) {
      const plot = page.locator(`#heat [data-testid="heat-${method}"] .nn-plot:visible`);
      const drawn = await plot.evaluate((el) => {
        const clip = el.getBoundingClientRect();
        const inside = (r: DOMRect) => r.left >= clip.left - 0.5 && r.right <= clip.right + 0.5 && r.top >= clip.top - 0.5 && r.bottom <= clip.bottom + 0.5;
        const svg = el.querySelector('svg')!;
        return {
          labels: [...svg.querySelectorAll('text')].filter((t) => /^W\d/.test(t.textContent ?? '')).map((t) => ({ text: t.textContent, inside: inside(t.getBoundingClientRect()) })),
          cells: svg.querySelectorAll('rect').length,
          cellsOutside: [...svg.querySelectorAll('rect')].filter((r) => !inside(r.getBoundingClientRect())).length,
        };
      });
      expect(drawn.labels, method).toEqual(['W1 (1,10)', 'W2 (10,10)', 'W3 (10,10)', 'W4 (10,1)'].map((text) => ({ text, inside: true })));
      expect(drawn.cells, method).toBeGreaterThanOrEqual(220);
      expect(drawn.cellsOutside, method).toBe(0);
    }
    await close();
  });

  it('“What we found” reads with its spaces, and its numbers are the tables’ numbers', async () => {
    const { page, close } = await openPage(browser, url, { javaScriptEnabled: false });
    await page.goto(url);
    const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
    const text = squash(await page.getByTestId('findings').innerText());
    const cell = async (sel: string) => squash(await page.locator(sel).innerText());
    const mean = (ms: string) => ms.split(' ±')[0];
    const [none, l1, l2, el] = await Promise.all(['none', 'l1', 'l2', 'elastic'].map((m) => cell(`#exp [data-testid="mean-${m}"]`)));
    const source = await cell('#exp tfoot tr:first-child td.reg-source');
    const [l1Off, l2Off] = await Promise.all(['l1', 'l2'].map((m) => cell(`#exp [data-testid="off-${m}"]`)));
    const [full, pruned, sourceArch, sourcePruned] = (await page.locator('#prune tfoot td').allInnerTexts()).map(squash);
    for (const v of [none, l1, l2, el, source, full, pruned, sourceArch, sourcePruned]) expect(v).toMatch(/^\d+\.\d\d ± \d+\.\d\d$/);
    expect(text).toContain(`the total test error was ${none} with no penalty, ${l1} with L1, ${l2} with L2 and ${el} with elastic net (mean ± sample sd). The lowest mean: `);
    expect(text).toMatch(/The lowest mean: (no penalty|L1|L2|elastic net)\. L2 against L1/);
    expect(text).toMatch(/L2 scored lower in \d of 5 runs, and its mean was (not )?lower \(/);
    expect(text).toContain(`lower (${mean(l2)} against ${mean(l1)}). So `);
    expect(text).toMatch(/ gap\. The source’s five L1 runs averaged /);
    expect(text).toContain(`The source’s five L1 runs averaged ${source}.`);
    expect(text).toContain(`L1 switched off on average ${l1Off} of the 30 hidden units (`);
    expect(text).toContain(`; L2 switched off ${l2Off} units and left `);
    expect(text).toContain(`that pruned network scored ${pruned}, against ${full} for the full network and ${sourceArch} for the source’s pruned shape retrained here (the source reported ${sourcePruned}).`);
    // The eight places where a line break used to swallow the space.
    for (const glued of [/penalty,\d/, /mean:\S/, /in\d/, /lower\(/, /gap\.\S/, /units\(/, /off\d/, /and\d/]) expect(text).not.toMatch(glued);
    await close();
  });

  it('shows per-run errors with two decimals in both tables, the full value in each cell’s tooltip and in the CSV', async () => {
    const { page, close } = await openPage(browser, url, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const runCells = async (fig: string) =>
      page.locator(`${fig} .reg-table tbody td`).evaluateAll((tds) => tds.filter((td) => td.textContent !== '').map((td) => ({ text: td.textContent ?? '', title: td.getAttribute('title') ?? '' })));
    for (const fig of ['#exp', '#prune']) {
      const cells = await runCells(fig);
      expect(cells.length, fig).toBeGreaterThanOrEqual(20);
      for (const c of cells) {
        expect(c.text, fig).toMatch(/^\d+\.\d{2}$/);
        expect(c.title, fig).toMatch(/^\d+\.\d{8}$/);
        expect(Number(c.title).toFixed(2)).toBe(c.text);
      }
    }
    const exact = (await runCells('#exp'))[0].title;
    const figure = page.locator('#exp');
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached', timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'CSV', exact: true }).click()]);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(await download.path()).toString()).toContain(`,${exact}`);
    await close();
  });

  it('outliers: each “Add an outlier” adds a new point where it can be seen, and the limit says why the button is off', async () => {
    for (const width of [360, 1280]) {
      const { page, problems, close } = await openPage(browser, url, { viewport: { width, height: 800 } });
      await page.goto(url, { waitUntil: 'networkidle' });
      await hydrated(page, '#outliers');
      const fig = page.locator('#outliers');
      const add = fig.getByRole('button', { name: 'Add an outlier' });
      /** Centres of the outlier circles drawn (stroked red), in the drawing on screen. */
      const outliers = () =>
        fig.locator('.nn-plot:visible svg g[stroke="var(--danger)"] circle').evaluateAll((cs) =>
          cs.map((c) => {
            const r = c.getBoundingClientRect();
            return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
          }),
        );
      expect(await outliers()).toHaveLength(2);
      for (let n = 3; n <= 12; n++) {
        await add.click();
        await expect.poll(async () => (await outliers()).length, { message: `width ${width}, click ${n - 2}` }).toBe(n);
        const centres = await outliers();
        // every circle apart from every other by more than its own radius (6–7px): visibly a new point
        for (let i = 0; i < centres.length; i++)
          for (let j = 0; j < i; j++) expect(Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]), `width ${width}: points ${i} and ${j}`).toBeGreaterThan(8);
      }
      await expect(add.isDisabled()).resolves.toBe(true);
      const note = fig.getByTestId('outlier-limit');
      await expect(note.isVisible()).resolves.toBe(true);
      await expect(note.innerText()).resolves.toMatch(/^At most 12 outliers/);
      expect(await add.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
      await fig.getByRole('button', { name: 'Remove outlier 12' }).click();
      await expect(add.isEnabled()).resolves.toBe(true);
      expect(await note.count()).toBe(0);
      expect(allProblems(problems)).toEqual([]);
      await close();
    }
  });

  it('outliers: a falling line reads “ŷ = 8.92 − 1.11x”, never “+ −”', async () => {
    const points = ['7.5:2', '9:3', ...Array(10).fill('8:0')].join(',');
    const page12 = `${url}?outliers.points=${points}`;
    const { page, problems, close } = await openPage(browser, page12);
    await page.goto(page12, { waitUntil: 'networkidle' });
    await hydrated(page, '#outliers');
    const readout = page.getByTestId('outlier-fits');
    await expect.poll(() => readout.innerText()).toContain('absolute loss: ŷ = 8.92 \u2212 1.11x,');
    expect(await readout.innerText()).not.toMatch(/\+ [−-]/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('geometry: the probe follows the pointer in a layer of its own; the contours are not redrawn, and only the controls are announced', async () => {
    const { page, problems, close } = await openPage(browser, url, { viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    await hydrated(page, '#geo');
    const geo = page.locator('#geo');
    const plot = () => geo.locator('.nn-plot:visible svg').last().evaluate((el) => el.outerHTML);
    const probe = () => geo.locator('[data-testid="geo-probe"]:visible').getAttribute('transform');
    const formulas = geo.getByTestId('geo-formulas');
    const [plotBefore, probeBefore] = [await plot(), await probe()];
    const box = (await geo.locator('.nn-plot:visible svg').last().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await expect.poll(() => geo.getByLabel('probe w₁').inputValue()).not.toBe('1');
    expect(await probe()).not.toBe(probeBefore);
    expect(await plot()).toBe(plotBefore);
    expect(await formulas.getAttribute('aria-live')).toBe('off');
    await geo.getByRole('slider', { name: /probe w₁/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => formulas.getAttribute('aria-live')).toBe('polite');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('on a phone, pointing at the narrow drawings lands where pointed: a new outlier, the geometry’s probe', async () => {
    const { page, problems, close } = await openPage(browser, url, { viewport: { width: 360, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    /** Page position of a point given in the SVG's own units, in the drawing on screen of `figure`. */
    const at = (figure: string, x: number, y: number) =>
      page.locator(`${figure} .nn-plot:visible svg`).last().evaluate(
        (svg, [sx, sy]) => {
          const r = svg.getBoundingClientRect();
          const k = r.width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return { x: r.left + sx * k, y: r.top + sy * k, narrow: svg.closest('.reg-narrow') !== null };
        },
        [x, y],
      );
    await hydrated(page, '#outliers');
    // The narrow outlier drawing: 340 × 316, margins 36 left, 12 right, 30 top, 42 bottom; x in [0, 10], y in [−6, 30].
    const p = await at('#outliers', 36 + 0.5 * (340 - 48), 30 + ((30 - 24) / 36) * (316 - 72));
    expect(p.narrow).toBe(true);
    await page.mouse.click(p.x, p.y);
    const fig = page.locator('#outliers');
    await expect.poll(() => fig.getByLabel('outlier 3: x').inputValue()).not.toBe('');
    expect(Number(await fig.getByLabel('outlier 3: x').inputValue())).toBeCloseTo(5, 0);
    expect(Number(await fig.getByLabel('y', { exact: true }).nth(2).inputValue())).toBeCloseTo(24, 0);
    await hydrated(page, '#geo');
    // The narrow geometry drawing: 340 × 340, margin 42, both axes [−1.5, 2.5] (64px a unit): w = (2, −1) is 3.5 units in from the top left.
    const g = await at('#geo', 42 + 3.5 * 64, 42 + 3.5 * 64);
    expect(g.narrow).toBe(true);
    await page.mouse.click(g.x, g.y);
    const geo = page.locator('#geo');
    await expect.poll(async () => Number(await geo.getByLabel('probe w₁').inputValue())).toBeCloseTo(2, 1);
    expect(Number(await geo.getByLabel('probe w₂').inputValue())).toBeCloseTo(-1, 1);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
