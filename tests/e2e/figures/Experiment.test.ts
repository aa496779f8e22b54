import { afterAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { allProblems } from '../support/page';
import { articleUrl, errorCells, goLive, useBrowser } from '../support/figure';
import { drawingOf, drawnTexts, liveMarkup, overlaps, tagFrame } from '../support/plots';
import experimentFigure, { experimentSettings } from '../../../src/figures/regularization/Experiment.figure';
import { resolveSettings } from '../../../src/figures/figure';
import { runSettings } from '../../../src/models/regularization/experiment';
import { fitPlot } from '../../../src/plots/regularization/experiment';
import { LIVE, renderPlot } from '../../../src/plots/render';
import { tasksAndWorkers } from '../support/main-thread';
import { TIMED } from '../support/timed';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const url = articleUrl('l1-vs-l2-regularization');
/** The Experiment's props in the article (content/articles/l1-vs-l2-regularization.mdx). */
const ARTICLE_PROPS = { order: 'once', split: 'even', arithmetic: 'float32', pruned: true };

describe('Experiment', () => {
  it('reruns the default experiment in the browser to the same digits, fast and without long main-thread tasks', TIMED, async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const built = await errorCells(page);
    const numbers = Object.values(built).filter((t) => /^\d+\.\d{2}\|\d+\.\d{8}$/.test(t));
    expect(numbers.length).toBe(20); // 4 methods × 5 runs, 2 decimals (8 in the tooltip), in the HTML before any script ran
    const placed = await page.locator('#fig-exp [data-testid="exp-placement"] tbody').innerText();
    await goLive(page, 'exp');
    // Let neighbouring figures that scrolled into view finish hydrating: only the training is measured.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    // tasks of more than 50 ms of the main thread's own time, and the worker's own time, from a trace
    // (see tasksAndWorkers: on a loaded CI machine the clock read 3.0–3.3 s for the same work)
    const { long, workerMs } = await tasksAndWorkers(page, async () => {
      await page.locator('#fig-exp').getByRole('button', { name: 'Rerun in this browser' }).click();
      await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 10_000 });
    });
    console.log(`[Experiment] rerun: worker ${workerMs.toFixed(0)} ms of its own time`);
    // 20 runs and 10 of the pruned shape, all in float32 (the article's settings), trained in the worker
    expect(workerMs).toBeGreaterThan(0);
    expect(workerMs).toBeLessThan(3000);
    expect(long, JSON.stringify(long)).toEqual([]);
    expect(await errorCells(page)).toEqual(built);
    expect(await page.locator('#fig-exp [data-testid="exp-placement"] tbody').innerText()).toBe(placed);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('the protocol preset sets the four protocol settings at once, into the URL, and the figure says which protocol its runs follow', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const figure = page.locator('#fig-exp');
    const note = figure.getByTestId('exp-placement-note');
    await expect(note.innerText()).resolves.toMatch(/^Our runs follow the post’s script as far as it is known: the training rows shuffled once per run, every fifth point held out for test, one dataset for every run, float32 arithmetic\./);
    await goLive(page, 'exp');
    const preset = figure.getByLabel('protocol preset');
    expect(await preset.inputValue()).toBe('published');
    await preset.selectOption('default');
    for (const [label, value] of [['order of the training rows', 'epoch'], ['train/test split', 'random'], ['data', 'shared'], ['arithmetic', 'float64']]) {
      expect(await figure.getByLabel(label, { exact: true }).inputValue(), label).toBe(value);
    }
    await expect.poll(() => page.url()).toContain('exp.order=epoch');
    expect(page.url()).toContain('exp.split=random');
    expect(page.url()).toContain('exp.arith=float64');
    await expect.poll(() => note.innerText(), { timeout: 20_000 }).toMatch(/^Our runs do not follow the post’s script/);
    // one setting changed by hand: the preset says so
    await figure.getByLabel('order of the training rows', { exact: true }).selectOption('fixed');
    expect(await preset.inputValue()).toBe('custom');
    await preset.selectOption('publishedFixed');
    expect(await figure.getByLabel('train/test split', { exact: true }).inputValue()).toBe('even');
    await expect.poll(() => note.innerText(), { timeout: 20_000 }).toMatch(/^Our runs follow the post’s script with one order for every run/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('at 100 runs per method every dot stays inside its row, clear of the row names, and every row’s box shows over its dots', async () => {
    const at100 = `${url}?exp.runs=100#fig-exp`;
    const { page, problems, close } = await open(at100, { viewport: { width: 1280, height: 900 } });
    await page.goto(at100, { waitUntil: 'networkidle' });
    await goLive(page, 'exp');
    // the build drew 5 runs; the link's 100 train in the worker: 4 penalties and 2 pruned shapes × 100
    await expect.poll(() => page.getByTestId('exp-status').innerText(), { timeout: 120_000 }).toMatch(/^600 runs trained: 100 per penalty/);
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 30_000 });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      const plot = '#fig-exp .reg-plots > div:nth-child(3) .nn-plot';
      await expect.poll(() => page.locator(`${plot}:visible`).count()).toBe(1);
      const report = await page.locator(`${plot}:visible svg`).first().evaluate((svg) => {
        const box = (el: Element) => el.getBoundingClientRect();
        // Plot draws every mark once per row (facet), in a group translated to that row
        const rows = (cls: string) => [...svg.querySelectorAll(`.${cls} > g, g.${cls}`)].filter((g) => g.getAttribute('transform')?.startsWith('translate'));
        // the rows' bands: Plot's frame, one rect per row, translated like the row's marks
        const bands = new Map([...svg.querySelectorAll('rect.reg-strip-row')].map((r) => [r.getAttribute('transform'), box(r)]));
        const names = [...svg.querySelectorAll('text')].filter((t) => /^(no penalty|L1|L2|elastic net|post’s pruned shape, L[12])$/.test(t.textContent ?? '')).map(box);
        const problems: string[] = [];
        let dots = 0;
        for (const cls of ['reg-strip-dot', 'reg-strip-source']) {
          for (const g of rows(cls)) {
            const band = bands.get(g.getAttribute('transform'));
            for (const c of g.querySelectorAll('circle, path')) {
              dots++;
              const r = box(c);
              if (!band || r.top < band.top - 0.5 || r.bottom > band.bottom + 0.5) problems.push(`${cls} at ${r.top.toFixed(1)}–${r.bottom.toFixed(1)} outside its row ${band?.top.toFixed(1)}–${band?.bottom.toFixed(1)}`);
              for (const n of names) if (r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top) problems.push(`${cls} over a row name`);
            }
          }
        }
        // the quartile boxes, one per row, with a size, drawn after the dots (so over them)
        const all = [...svg.querySelectorAll('*')];
        const boxes = rows('reg-strip-box').map((g) => g.querySelector('rect')!);
        const lastDot = Math.max(...rows('reg-strip-dot').map((g) => all.indexOf(g)));
        const visible = boxes.filter((b) => box(b).width > 2 && box(b).height > 10 && getComputedStyle(b).strokeOpacity !== '0' && all.indexOf(b) > lastDot);
        return { problems, dots, rows: bands.size, boxes: boxes.length, visible: visible.length, medians: rows('reg-strip-median').length };
      });
      expect(report.problems, `width ${width}`).toEqual([]);
      expect(report.dots, `width ${width}`).toBe(600 + 15); // 4 penalties and 2 pruned shapes × 100 runs, and the post's 15 numbers
      expect(report.rows).toBe(6);
      expect(report.boxes).toBe(6);
      expect(report.visible, `width ${width}: boxes drawn over the dots`).toBe(6);
      expect(report.medians).toBe(6);
    }
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('a rerun with another λ draws only the fitted lines again, into the drawing the page came with, as the build draws them', async () => {
    // Two device pixels per CSS pixel, as on a phone or a laptop: Plot draws as the build does.
    const { page, problems, close } = await open(url, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'exp');
    // the data plot comes first; its colour key stands above it, so its drawing is the figure's svg
    const plot = page.locator('#fig-exp .nn-plot:visible figure > svg').first();
    const before = await plot.evaluate(liveMarkup, LIVE);
    // Every element of the data plot but its lines is tagged, to be found again after the rerun.
    const tagged = await tagFrame(page, '#fig-exp', 'figure > svg');
    expect(tagged).toBeGreaterThan(60); // the svg, grid, axes, the 50 points and the outliers' rings
    const lambda = page.locator('#fig-exp').getByLabel('λ (0–10)', { exact: true });
    await lambda.fill('0.1');
    await lambda.press('Enter');
    await expect.poll(() => page.url()).toContain('exp.lambda=0.1');
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 20_000 });
    const after = await drawingOf(page, '#fig-exp', 'figure > svg');
    expect(after.kept, 'the frame is the same elements').toBe(tagged);
    expect(after.frame - after.kept, 'nothing new besides the lines').toBe(0);
    // The build's drawing of the same settings (the article's, at λ = 0.1), computed here, read the same way.
    const lines = (lambda: number) => {
      const settings = experimentSettings({ ...resolveSettings(experimentFigure, ARTICLE_PROPS), lambda });
      const out = runSettings(settings);
      return liveMarkup(parseHTML(`<div>${renderPlot(fitPlot(out.data, out.runs, settings.methods))}</div>`).document.querySelector('div')!, LIVE);
    };
    expect(lines(0.3), 'the article’s own settings').toBe(before);
    const expected = lines(0.1);
    expect(expected.match(/^path /gm)).toHaveLength(20);
    expect(expected).not.toBe(before);
    expect(await plot.evaluate(liveMarkup, LIVE)).toBe(expected);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('a new seed changes the numbers, and the seed goes into the URL', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const built = await errorCells(page);
    await goLive(page, 'exp');
    const seed = page.locator('#fig-exp').getByLabel('seed', { exact: true });
    await seed.fill('2');
    await seed.press('Enter');
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 10_000 });
    const after = await errorCells(page);
    expect(Object.keys(after)).toEqual(Object.keys(built));
    expect(after['err-l1-0']).not.toBe(built['err-l1-0']);
    expect(after['err-l2-0']).not.toBe(built['err-l2-0']);
    await expect.poll(() => page.url()).toContain('exp.seed=2');
    // A bad value is explained inline and the last good state stays.
    await seed.fill('abc');
    await seed.press('Enter');
    await expect(page.locator('#fig-exp .nn-error').innerText()).resolves.toMatch(/not a number/);
    await expect.poll(() => page.url()).toContain('exp.seed=2');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('shows the cost of the experiment live, term by term, while it trains, and Stop stops it', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'exp');
    const runs = page.locator('#fig-exp').getByLabel('runs per method (1–100)');
    await runs.fill('60');
    await runs.press('Enter');
    const live = page.getByTestId('exp-cost-live');
    await live.waitFor({ timeout: 10_000 });
    const first = await live.innerText();
    expect(first).toMatch(/^Training (no penalty|L1|L2|elastic net), run \d+, epoch \d+ of 100: mean cost per step = [\d.]+ \(Σ\|ŷ − y\|\) \+ [\d.e−]+ \(.*\) = [\d.]+$/);
    await expect.poll(() => live.innerText(), { timeout: 5_000 }).not.toBe(first);
    await page.locator('#fig-exp').getByRole('button', { name: 'Stop' }).click();
    await page.waitForSelector('#fig-exp [data-phase="stopped"]', { timeout: 10_000 });
    expect(await live.count()).toBe(0);
    // Stop is no dead end: the status says what is shown, and Run again trains with the settings on screen.
    await expect(page.getByTestId('exp-status').innerText()).resolves.toMatch(/^Stopped\. \d+ of 360 runs had finished; the table and the figures show those\. Press “Run again”/);
    await runs.fill('2');
    await runs.press('Enter');
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 20_000 });
    await expect(page.getByTestId('exp-status').innerText()).resolves.toMatch(/^12 runs trained: 2 per penalty and 2 of the post’s pruned shape with L1 and with L2\./);
    expect(await page.locator('#fig-exp').getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);
    const again = page.locator('#fig-exp').getByRole('button', { name: 'Run again' });
    await again.click();
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 20_000 });
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('says "diverged" instead of drawing NaN when the learning rate is too large', async () => {
    const { page, problems, close } = await open(`${url}?exp.lr=0.5&exp.runs=2`);
    await page.goto(`${url}?exp.lr=0.5&exp.runs=2`, { waitUntil: 'networkidle' });
    await goLive(page, 'exp');
    await page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 10_000 });
    await expect(page.locator('#fig-exp [data-testid="err-l1-0"]').innerText()).resolves.toBe('diverged');
    await expect(page.locator('#fig-exp').innerText()).resolves.toMatch(/runs diverged/);
    expect(await page.locator('body').innerText()).not.toMatch(/\bNaN\b|Infinity/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('shows the default tables whole, without an inner scroll either way, on phone and desktop', async () => {
    for (const width of [360, 1280]) {
      const { page, close } = await open(url, { viewport: { width, height: 800 } });
      await page.goto(url, { waitUntil: 'networkidle' });
      // the wrapping box, and the table itself (an article's tables scroll inside themselves)
      const clipped = await page.locator('.reg-table-wrap, .reg-table-wrap > table').evaluateAll((wraps) =>
        wraps
          .filter((w) => w.scrollHeight > w.clientHeight + 1 || w.scrollWidth > w.clientWidth + 1)
          .map((w) => `${w.getAttribute('aria-label')}: ${w.scrollWidth}×${w.scrollHeight} in ${w.clientWidth}×${w.clientHeight}`),
      );
      expect(clipped, `width ${width}`).toEqual([]);
      // mean ± sd: one row on a desktop; on a phone a row each, with the same numbers.
      const footer = await page.locator('#fig-exp [data-testid="exp-table"] tfoot').innerText();
      const meanRow = footer.split('\n').find((line) => /^mean ± sd/.test(line));
      if (width >= 640) {
        expect(meanRow).toBeDefined();
      } else {
        expect(meanRow).toBeUndefined();
        const joined = await page.locator('#fig-exp [data-testid="mean-l1"]').textContent();
        const [mean, sd] = (joined ?? '').split('±').map((t) => t.trim());
        const cell = (row: string) => page.locator(`#fig-exp [data-testid="exp-table"] tfoot tr.reg-split:has(th:text-is("${row}")) td`).nth(1).innerText();
        expect([await cell('mean'), await cell('sd')]).toEqual([mean, sd]);
      }
      await close();
    }
  });

  it('does not jump as a rerun starts and runs: the run controls, the cost line and the table keep their size, on phone and desktop', async () => {
    for (const width of [360, 1280]) {
      const { page, problems, close } = await open(url, { viewport: { width, height: 800 } });
      await page.goto(url, { waitUntil: 'networkidle' });
      await goLive(page, 'exp');
      // on a phone, a click as soon as the figure is live; on a desktop, once the page has been idle
      if (width > 360) await page.waitForTimeout(1000);
      // every frame from the click until the figure is done: the sizes of the parts that used to change
      const frames = await page.evaluate(
        () =>
          new Promise<{ controls: number; progress: boolean; readout: number; table: number; phase: string }[]>((resolve) => {
            const fig = document.querySelector('#fig-exp .reg-experiment') as HTMLElement;
            const button = [...fig.querySelectorAll('button')].find((b) => b.textContent?.includes('Rerun'))!;
            const height = (el: Element | null) => (el ? Math.round(el.getBoundingClientRect().height) : 0);
            const seen: { controls: number; progress: boolean; readout: number; table: number; phase: string }[] = [];
            const frame = () => {
              const phase = fig.getAttribute('data-phase') ?? '';
              seen.push({ controls: height(button.parentElement), progress: [...fig.querySelectorAll('.nn-progress')].some((p) => getComputedStyle(p).visibility === 'visible'), readout: height(fig.querySelector('.reg-readout')), table: height(fig.querySelector('.reg-table-wrap')), phase });
              if (phase === 'done') resolve(seen);
              else requestAnimationFrame(frame);
            };
            frame();
            button.click();
            requestAnimationFrame(frame);
          }),
      );
      const running = frames.filter((f) => f.phase === 'running');
      expect(running.length, `width ${width}`).toBeGreaterThan(2);
      expect(running.some((f) => f.progress), `width ${width}: the progress showed`).toBe(true);
      const sizes = (key: 'controls' | 'table') => [...new Set(frames.map((f) => f[key]))];
      expect(sizes('controls'), `width ${width}: the buttons' row`).toEqual([frames[0].controls]);
      expect(sizes('table'), `width ${width}: the table`).toEqual([frames[0].table]);
      // the cost line is always there (the last run's until the first epoch's), and grows by at most a line
      expect(frames.every((f) => f.readout > 0 && f.readout <= frames[0].readout + 24), `width ${width}: ${frames.map((f) => f.readout)}`).toBe(true);
      expect(allProblems(problems)).toEqual([]);
      await close();
    }
  });

  it('on a desktop, no axis label sits on a tick label (the experiment’s "x →" clears the "10")', async () => {
    const { page, close } = await open(url, { viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const texts = await drawnTexts(page, ['#fig-exp']);
    const fit = texts;
    const label = fit.find((t) => t.text === 'x →');
    const ten = fit.find((t) => t.text === '10' && label && Math.abs(t.box.right - label.box.right) < 40);
    expect(label && ten, 'the fit plot’s x label and its last tick').toBeTruthy();
    expect(label!.box.top).toBeGreaterThanOrEqual(ten!.box.bottom - 1);
    expect(overlaps(texts)).toEqual([]);
    expect(texts.filter((t) => t.px < 11)).toEqual([]);
    await close();
  });

  it('shows per-run errors with two decimals in both tables, the full value in each cell’s tooltip and in the CSV', async () => {
    const { page, close } = await open(url, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const runCells = async (fig: string) =>
      page.locator(`${fig} :is([data-testid="exp-table"], [data-testid="prune-table"]) tbody td`).evaluateAll((tds) => tds.filter((td) => td.textContent !== '').map((td) => ({ text: td.textContent ?? '', title: td.getAttribute('title') ?? '' })));
    for (const fig of ['#fig-exp', '#fig-prune']) {
      const cells = await runCells(fig);
      expect(cells.length, fig).toBeGreaterThanOrEqual(20);
      for (const c of cells) {
        expect(c.text, fig).toMatch(/^\d+\.\d{2}$/);
        expect(c.title, fig).toMatch(/^\d+\.\d{8}$/);
        expect(Number(c.title).toFixed(2)).toBe(c.text);
      }
    }
    const exact = (await runCells('#fig-exp'))[0].title;
    const figure = page.locator('#fig-exp');
    await goLive(page, 'exp');
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'CSV', exact: true }).click()]);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(await download.path()).toString()).toContain(`,${exact}`);
    await close();
  });
});
