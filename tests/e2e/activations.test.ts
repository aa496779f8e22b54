import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { allProblems, openPage, scrollThrough, waitForHydration } from './support/page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const article = `${inject('siteUrl')}articles/activation-functions/`;

/** The figure's drawn SVG (the visible one, for figures drawn in two sizes). */
async function svgOf(page: Page, fig: string): Promise<string> {
  return page.locator(`${fig} .nn-plot:visible svg`).first().evaluate((el) => el.outerHTML);
}

async function changes(page: Page, fig: string, act: () => Promise<unknown>): Promise<void> {
  const before = await svgOf(page, fig);
  await act();
  await expect.poll(() => svgOf(page, fig), { timeout: 15_000 }).not.toBe(before);
}

/**
 * Tick labels of the figure's visible plot: Plot draws the x-axis labels in a tabular-nums group
 * with the default (middle) anchor and the y-axis labels in one anchored at the end.
 */
async function tickLabels(page: Page, fig: string, axis: 'x' | 'y'): Promise<string[]> {
  const group = axis === 'x' ? 'g[font-variant="tabular-nums"]:not([text-anchor])' : 'g[font-variant="tabular-nums"][text-anchor="end"]';
  return page.locator(`${fig} .nn-plot:visible svg`).first().locator(`${group} text`).allTextContents();
}

/** Rays of the RReLU training-mode slopes: thin, translucent lines (curvePlot draws them at opacity 0.45). */
const thinLines = (page: Page, fig: string) => page.locator(`${fig} .nn-plot svg g[stroke-opacity="0.45"]`).count();

/** What the explorer's readout says for one function: f and f′ as printed (with their hidden labels). */
async function readoutOf(page: Page, fig: string, name: string): Promise<{ f: string; d: string }> {
  const entry = page.locator(`${fig} [data-testid="readout-entry"]`).filter({ hasText: name }).first();
  const f = (await entry.locator('[data-part="f"]').textContent()) ?? '';
  const d = (await entry.locator('[data-part="d"]').textContent()) ?? '';
  return { f: f.trim(), d: d.trim() };
}

const probs = (page: Page) => page.locator('#fig-softmax [data-testid="softmax-probs"]').innerText();

describe('the activation-functions article', () => {
  it('has every figure in the HTML before JavaScript runs', async () => {
    const { page, close } = await openPage(browser, article, { javaScriptEnabled: false });
    await page.goto(article);
    for (const id of ['all', 'sigmoid', 'relu', 'leaky', 'prelu', 'rrelu', 'elu', 'vanishing', 'prelu-slopes', 'dead', 'softmax']) {
      expect(await page.locator(`#fig-${id} .nn-plot svg`).count(), id).toBeGreaterThan(0);
    }
    expect(await page.locator('#fig-softmax [data-testid="softmax-probs"]').innerText()).toBe('0.846, 0.085, 0.069');
    expect(await page.locator('.katex-error').count()).toBe(0);
    await close();
  });

  it('shows each softmax preset to the exact digits, and keeps the huge-logit case correct', async () => {
    const { page, problems, close } = await openPage(browser, article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-softmax .nn-plot');
    const fig = page.locator('#fig-softmax');
    await fig.getByRole('button', { name: 'Case 2', exact: true }).click();
    await expect.poll(() => probs(page)).toBe('0.316, 0.258, 0.426');
    await fig.getByRole('button', { name: 'Case 3', exact: true }).click();
    await expect.poll(() => probs(page)).toBe(['0.13', ...Array(9).fill('0.097')].join(', '));
    await fig.getByRole('button', { name: 'Case 1', exact: true }).click();
    await expect.poll(() => probs(page)).toBe('0.846, 0.085, 0.069');
    await fig.getByRole('button', { name: 'Huge logits', exact: true }).click();
    await expect.poll(() => probs(page)).toBe('0.665, 0.245, 0.09');
    await expect(fig.getByTestId('naive-status').innerText()).resolves.toContain('64-bit float');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('softmax: bad input gets a message and keeps the last good state; classes can be added and removed', async () => {
    const { page, problems, close } = await openPage(browser, article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-softmax .nn-plot');
    const fig = page.locator('#fig-softmax');
    for (const bad of ['abc', '', '1e999', '99999']) {
      await fig.getByLabel('z1', { exact: true }).fill(bad);
      await fig.getByLabel('z1', { exact: true }).press('Enter');
      await expect(fig.locator('.nn-error').first().isVisible()).resolves.toBe(true);
      expect(await probs(page)).toBe('0.846, 0.085, 0.069');
    }
    await changes(page, '#fig-softmax', async () => {
      await fig.getByLabel('z1', { exact: true }).fill('0.5');
      await fig.getByLabel('z1', { exact: true }).press('Enter');
    });
    expect(await probs(page)).toBe('0.31, 0.379, 0.31');
    await changes(page, '#fig-softmax', () => fig.getByRole('button', { name: 'Add class' }).click());
    expect((await probs(page)).split(', ')).toHaveLength(4);
    await changes(page, '#fig-softmax', () => fig.getByRole('button', { name: 'Remove class 4' }).click());
    for (let i = 0; i < 12; i++) await fig.getByRole('button', { name: 'Add class' }).click();
    await expect(fig.getByText('12 classes is the most').isVisible()).resolves.toBe(true);
    expect((await probs(page)).split(', ')).toHaveLength(12);
    await changes(page, '#fig-softmax', async () => {
      await fig.getByRole('slider', { name: /Temperature/ }).focus();
      await page.keyboard.press('End');
    });
    await expect.poll(() => page.url()).toContain('softmax.t=5');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('a dragged slider rewrites the URL once it comes to rest, and Copy link right after a change has it', async () => {
    const { page, context, problems, close } = await openPage(browser, article);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(article).origin });
    // Count the page's URL rewrites (each is a same-document navigation; browsers throttle them).
    await page.addInitScript(() => {
      const replace = history.replaceState.bind(history);
      (window as unknown as { nnWrites: number }).nnWrites = 0;
      history.replaceState = (...args: Parameters<History['replaceState']>) => {
        (window as unknown as { nnWrites: number }).nnWrites++;
        replace(...args);
      };
    });
    await page.goto(article, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-softmax .nn-plot');
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
    await expect.poll(() => fig.locator('[role=status]').innerText()).toContain('Link copied');
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('softmax.t')).toBe('0.1');
    expect(copied.hash).toBe('#fig-softmax');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('a figure drawn twice redraws only the drawing on screen, and the other is current as soon as it shows', async () => {
    // A two-drawing figure of each article (each switches by the width of the figure's box).
    const cases = [
      { url: article, fig: '#fig-softmax', slider: /Temperature/, wide: '.act-only-wide', narrow: '.act-only-narrow' },
      { url: `${inject('siteUrl')}articles/l1-vs-l2-regularization/`, fig: '#geo', slider: /λ/, wide: '.reg-wide', narrow: '.reg-narrow' },
    ];
    // A drawing's markup without the ids Plot numbers in the order figures are drawn.
    const drawing = (page: Page, sel: string) =>
      page.locator(`${sel} svg`).last().evaluate((el) => el.outerHTML.replace(/plot-clip-\d+/g, 'clip'));
    for (const c of cases) {
      const { page, problems, close } = await openPage(browser, c.url, { viewport: { width: 1280, height: 800 } });
      await page.goto(c.url, { waitUntil: 'networkidle' });
      const wide = `${c.fig} .nn-plot${c.wide}`;
      const narrow = `${c.fig} .nn-plot${c.narrow}`;
      await waitForHydration(page, wide);
      const [wideBefore, narrowBefore] = [await drawing(page, wide), await drawing(page, narrow)];
      await page.locator(c.fig).getByRole('slider', { name: c.slider }).focus();
      await page.keyboard.press('End');
      await expect.poll(() => drawing(page, wide)).not.toBe(wideBefore);
      await expect.poll(() => page.url()).toMatch(/t=5|lambda=/);
      expect(await drawing(page, narrow), `${c.fig}: the hidden narrow drawing is not redrawn`).toBe(narrowBefore);
      // On a narrow screen the narrow drawing shows, drawn with the current settings: the same
      // drawing as a page opened at that width with the same settings.
      await page.setViewportSize({ width: 360, height: 800 });
      await expect.poll(() => page.locator(narrow).isVisible()).toBe(true);
      const shown = await drawing(page, narrow);
      expect(shown).not.toBe(narrowBefore);
      const fresh = await openPage(browser, c.url, { viewport: { width: 360, height: 800 } });
      await fresh.page.goto(page.url(), { waitUntil: 'networkidle' });
      await waitForHydration(fresh.page, narrow);
      await expect.poll(() => drawing(fresh.page, narrow)).toBe(shown);
      expect(allProblems(problems)).toEqual([]);
      expect(allProblems(fresh.problems)).toEqual([]);
      await fresh.close();
      await close();
    }
  });

  it('explorer: each control changes the figure, and the readout follows keyboard and pointer', async () => {
    const { page, problems, close } = await openPage(browser, article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-all .nn-plot');
    const fig = page.locator('#fig-all');
    await changes(page, '#fig-all', () => fig.getByLabel('tanh', { exact: true }).check());
    await changes(page, '#fig-all', async () => {
      await fig.getByRole('slider', { name: /Leaky slope/ }).focus();
      await page.keyboard.press('End');
    });
    await changes(page, '#fig-all', async () => {
      await fig.getByRole('slider', { name: /ELU α/ }).focus();
      await page.keyboard.press('Home');
    });
    await changes(page, '#fig-all', async () => {
      await fig.getByLabel('x to', { exact: true }).fill('10');
      await fig.getByLabel('x to', { exact: true }).press('Enter');
    });
    // bad range: rejected with a message, figure kept
    const before = await svgOf(page, '#fig-all');
    await fig.getByLabel('x from', { exact: true }).fill('20');
    await fig.getByLabel('x from', { exact: true }).press('Enter');
    await expect(fig.locator('.nn-error').first().isVisible()).resolves.toBe(true);
    expect(await svgOf(page, '#fig-all')).toBe(before);
    const readout = fig.getByTestId('readout');
    const r0 = await readout.innerText();
    // The cursor moves in its own layer: the curves and axes are not redrawn.
    const curves = await svgOf(page, '#fig-all');
    const cursorX = () => fig.locator('.act-cursor line').first().getAttribute('x1');
    const x0 = await cursorX();
    await fig.locator('.act-panel').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout.innerText()).not.toBe(r0);
    expect(await cursorX()).not.toBe(x0);
    expect(await svgOf(page, '#fig-all')).toBe(curves);
    const box = (await fig.locator('.act-panel svg').first().boundingBox())!;
    const r1 = await readout.innerText();
    expect(await readout.getAttribute('aria-live')).toBe('polite'); // the keys' readings are announced
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await expect.poll(() => readout.innerText()).not.toBe(r1);
    expect(await readout.getAttribute('aria-live')).toBe('off'); // a moving pointer is not read out at every step
    // per-function instances: PReLU a, RReLU l/u and resample
    await waitForHydration(page, '#fig-prelu .nn-plot');
    await changes(page, '#fig-prelu', async () => {
      await page.locator('#fig-prelu').getByRole('slider', { name: /PReLU a/ }).focus();
      await page.keyboard.press('End');
    });
    await waitForHydration(page, '#fig-rrelu .nn-plot');
    const rr = page.locator('#fig-rrelu');
    const slopes = await rr.getByTestId('rrelu-slopes').innerText();
    await changes(page, '#fig-rrelu', () => rr.getByRole('button', { name: 'Resample' }).click());
    expect(await rr.getByTestId('rrelu-slopes').innerText()).not.toBe(slopes);
    await changes(page, '#fig-rrelu', async () => {
      await rr.getByLabel('RReLU u', { exact: true }).fill('4');
      await rr.getByLabel('RReLU u', { exact: true }).press('Enter');
    });
    expect(await rr.getByTestId('rrelu-slopes').innerText()).toContain('0.2857');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('leaky ReLU: the slope slider reaches 1, where the function is the identity, as the caption says', async () => {
    const { page, problems, close } = await openPage(browser, article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-leaky .nn-plot');
    const fig = page.locator('#fig-leaky');
    expect(await fig.locator('figcaption').innerText()).toContain('at 1 the identity');
    const slider = fig.getByRole('slider', { name: /Leaky slope/ });
    expect(await slider.getAttribute('max')).toBe('1');
    await changes(page, '#fig-leaky', async () => {
      await slider.focus();
      await page.keyboard.press('End');
    });
    expect(await slider.inputValue()).toBe('1');
    await expect.poll(() => page.url()).toContain('leaky.slope=1');
    // the cursor starts on the negative side, at x = −1.5: f(x) = x and f′(x) = 1 there …
    await expect.poll(() => readoutOf(page, '#fig-leaky', 'Leaky ReLU')).toEqual({ f: 'f(x) = −1.5', d: 'f′(x) = 1' });
    // … and on the positive side
    await fig.locator('.act-panel').first().focus();
    await page.keyboard.press('End');
    await expect.poll(() => readoutOf(page, '#fig-leaky', 'Leaky ReLU')).toEqual({ f: 'f(x) = 5', d: 'f′(x) = 1' });
    // a shared link with slope 1 is restored, not clamped
    await page.goto(`${article}?leaky.slope=1`, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-leaky .nn-plot');
    await expect.poll(() => page.locator('#fig-leaky').getByRole('slider', { name: /Leaky slope/ }).inputValue()).toBe('1');
    await expect.poll(() => readoutOf(page, '#fig-leaky', 'Leaky ReLU')).toEqual({ f: 'f(x) = −1.5', d: 'f′(x) = 1' });
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('RReLU: the note describes the lines on screen, with and without the training-mode slopes', async () => {
    const { page, problems, close } = await openPage(browser, article);
    await page.goto(`${article}?all.fns=relu,rrelu`, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-all .nn-plot');
    const fig = page.locator('#fig-all');
    const note = fig.getByTestId('rrelu-slopes');
    const training = fig.getByLabel('Show slopes drawn in training');
    // off: one RReLU line, and the note says nothing of thick or thin lines
    await expect.poll(() => note.innerText()).toContain('Evaluation slope 2/(l + u) = 0.1818');
    expect(await training.isChecked()).toBe(false);
    expect(await thinLines(page, '#fig-all')).toBe(0);
    expect(await note.innerText()).not.toMatch(/thick|thin/);
    expect(await note.innerText()).toContain('the slope of the RReLU line for x < 0');
    // on: eight thin lines per panel, and the note names them and the thick line
    await changes(page, '#fig-all', () => training.check());
    expect(await thinLines(page, '#fig-all')).toBe(16);
    expect(await note.innerText()).toMatch(/\(the thin lines\)[\s\S]*\(the thick RReLU line\)/);
    // and off again, in the RReLU figure, which starts in training mode
    await waitForHydration(page, '#fig-rrelu .nn-plot');
    const rr = page.locator('#fig-rrelu');
    expect(await rr.getByTestId('rrelu-slopes').innerText()).toContain('(the thick RReLU line)');
    await changes(page, '#fig-rrelu', () => rr.getByLabel('Show slopes drawn in training').uncheck());
    expect(await thinLines(page, '#fig-rrelu')).toBe(0);
    expect(await rr.getByTestId('rrelu-slopes').innerText()).not.toMatch(/thick|thin/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('explorer readout on a 360 px phone: every function in the same columns, one line each, nothing overflowing', async () => {
    const { page, problems, close } = await openPage(browser, article, { viewport: { width: 360, height: 800 } });
    await page.goto(`${article}?all.fns=sigmoid,tanh,relu,leakyRelu,prelu,rrelu,elu`, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-all .nn-plot');
    const fig = page.locator('#fig-all');
    await expect.poll(() => fig.getByTestId('readout-entry').count()).toBe(7);
    const layout = () =>
      fig.getByTestId('readout').evaluate((readout) => {
        const box = readout.getBoundingClientRect();
        const rows = [...readout.querySelectorAll('[data-testid="readout-entry"]')].map((row) => {
          const r = row.getBoundingClientRect();
          const part = (sel: string) => {
            const b = row.querySelector(sel)!.getBoundingClientRect();
            return { left: Math.round(b.left), right: Math.round(b.right), top: Math.round(b.top - r.top), height: Math.round(b.height) };
          };
          return { name: part('.act-readout-name'), f: part('[data-part="f"]'), d: part('[data-part="d"]') };
        });
        const lineHeight = parseFloat(getComputedStyle(readout).lineHeight) || 20;
        return {
          rows,
          lineHeight,
          right: box.right,
          overflow: readout.scrollWidth - readout.clientWidth,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
    for (const key of ['Home', 'End', 'PageDown']) {
      await fig.locator('.act-panel').first().focus();
      const before = await fig.getByTestId('readout').innerText();
      await page.keyboard.press(key);
      await expect.poll(() => fig.getByTestId('readout').innerText()).not.toBe(before);
      const l = await layout();
      const [first] = l.rows;
      for (const row of l.rows) {
        // the same columns: f and f′ start and end where the first entry's do …
        expect(row.f.left, key).toBe(first.f.left);
        expect(row.d.left, key).toBe(first.d.left);
        expect(row.name.left, key).toBe(first.name.left);
        // … on the same line as the name, never wrapped onto a line of their own
        expect(row.f.top, key).toBe(row.name.top);
        expect(row.d.top, key).toBe(row.name.top);
        for (const part of [row.name, row.f, row.d]) {
          expect(part.height, key).toBeLessThan(l.lineHeight * 1.5);
          expect(part.right, key).toBeLessThanOrEqual(Math.ceil(l.right));
        }
        expect(row.f.left, key).toBeGreaterThanOrEqual(row.name.right);
        expect(row.d.left, key).toBeGreaterThanOrEqual(row.f.right);
      }
      expect(l.overflow, key).toBeLessThanOrEqual(0);
      expect(l.pageOverflow, key).toBeLessThanOrEqual(0);
    }
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('vanishing gradient: depth, activations, initialiser and reseed each change the figure', async () => {
    const { page, problems, close } = await openPage(browser, article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-vanishing .nn-plot');
    const fig = page.locator('#fig-vanishing');
    await changes(page, '#fig-vanishing', async () => {
      await fig.getByRole('slider', { name: /Hidden layers/ }).focus();
      await page.keyboard.press('End');
    });
    await expect.poll(() => page.url()).toContain('vanishing.depth=30');
    // 30 layers: the sigmoid's error reaches 10⁻¹⁸; axis and table write it as a power of ten, never "100a" or "e−18"
    const yLabels = await tickLabels(page, '#fig-vanishing', 'y');
    expect(yLabels).toContain('10⁻¹²');
    for (const label of yLabels) expect(label).toMatch(/^10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    const table = await fig.getByTestId('vanishing-table').innerText();
    expect(table).toMatch(/Sigmoid\s+[\d.]+\s+\d\.\d+\u202f×\u202f10⁻¹⁸/);
    expect(table).not.toMatch(/\de[−-]?\d/);
    await changes(page, '#fig-vanishing', () => fig.getByLabel('ELU', { exact: true }).check());
    await changes(page, '#fig-vanishing', () => fig.getByLabel('Initial weights', { exact: true }).selectOption('heUniform'));
    await changes(page, '#fig-vanishing', () => fig.getByRole('button', { name: 'Reseed' }).click());
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('vanishing gradient: the layer axis shows whole, distinct layer numbers at every depth, on a desktop and a phone', async () => {
    for (const width of [1280, 360]) {
      const { page, problems, close } = await openPage(browser, article, { viewport: { width, height: 800 } });
      await page.goto(article, { waitUntil: 'networkidle' });
      // the figure is drawn twice (wide and narrow), and CSS shows one
      await waitForHydration(page, `#fig-vanishing .nn-plot.${width > 600 ? 'act-only-wide' : 'act-only-narrow'}`);
      const fig = page.locator('#fig-vanishing');
      const slider = fig.getByRole('slider', { name: /Hidden layers/ });
      await changes(page, '#fig-vanishing', async () => {
        await slider.focus();
        await page.keyboard.press('Home');
      });
      expect(await slider.inputValue()).toBe('2');
      expect(await tickLabels(page, '#fig-vanishing', 'x'), `${width} px, 2 layers`).toEqual(['1', '2']);
      for (let depth = 3; depth <= 30; depth++) {
        await changes(page, '#fig-vanishing', () => page.keyboard.press('ArrowRight'));
        const labels = await tickLabels(page, '#fig-vanishing', 'x');
        const numbers = labels.map(Number);
        expect(labels.every((l) => /^\d+$/.test(l)), `${width} px, ${depth} layers: ${labels}`).toBe(true);
        expect(new Set(labels).size, `${width} px, ${depth} layers: ${labels}`).toBe(labels.length);
        expect(numbers[0]).toBe(1);
        expect(Math.max(...numbers)).toBeLessThanOrEqual(depth);
        if (depth === 3) expect(labels).toEqual(['1', '2', '3']);
      }
      expect(allProblems(problems)).toEqual([]);
      await close();
    }
  });

  it('dead units and PReLU slopes retrain in a worker, with progress, Stop and rerun', async () => {
    const { page, problems, close } = await openPage(browser, article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-dead .nn-plot');
    const dead = page.locator('#fig-dead');
    await changes(page, '#fig-dead', () => dead.getByLabel('Learning rate', { exact: true }).selectOption('0.1'));
    await expect.poll(() => dead.getByTestId('dead-status').innerText()).toContain('Learning rate 0.1');
    // A long run can be stopped, then rerun.
    await dead.getByRole('slider', { name: /Epochs/ }).focus();
    await page.keyboard.press('End');
    await dead.getByRole('button', { name: 'Stop' }).click({ timeout: 5_000 }).catch(() => {});
    const status = await dead.getByTestId('dead-status').innerText();
    if (status.startsWith('Stopped')) {
      await dead.getByRole('button', { name: 'Run again' }).click();
    }
    await expect.poll(() => dead.getByTestId('dead-status').innerText(), { timeout: 30_000 }).toContain('100 epochs');

    await waitForHydration(page, '#fig-prelu-slopes .nn-plot');
    const prelu = page.locator('#fig-prelu-slopes');
    await changes(page, '#fig-prelu-slopes', async () => {
      await prelu.getByRole('slider', { name: /Momentum/ }).focus();
      await page.keyboard.press('Home');
    });
    await expect.poll(() => prelu.getByTestId('prelu-status').innerText()).toContain('μ = 0,');
    await changes(page, '#fig-prelu-slopes', async () => {
      await prelu.getByLabel('Learning rate ε', { exact: true }).fill('0.1');
      await prelu.getByLabel('Learning rate ε', { exact: true }).press('Enter');
      await prelu.getByRole('slider', { name: /Momentum/ }).focus();
      await page.keyboard.press('End');
    });
    await expect.poll(() => prelu.getByTestId('prelu-readout').innerText(), { timeout: 30_000 }).toContain('diverged');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('restores a shared URL, and never shows NaN anywhere', async () => {
    const { page, problems, close } = await openPage(browser, article);
    const url = `${article}?softmax.z=1,2,3&softmax.t=2&vanishing.depth=5&vanishing.acts=tanh&all.fns=relu,elu&all.alpha=2&dead.lr=0.01&prelu-slopes.mu=0.5`;
    await page.goto(url, { waitUntil: 'networkidle' });
    await scrollThrough(page);
    await waitForHydration(page, '#fig-softmax .nn-plot');
    await expect.poll(() => probs(page)).toBe('0.186, 0.307, 0.506');
    await waitForHydration(page, '#fig-vanishing .nn-plot');
    await expect.poll(() => page.locator('#fig-vanishing [data-testid="vanishing-table"] tbody tr').count()).toBe(1);
    await expect.poll(() => page.locator('#fig-vanishing').getByRole('slider', { name: /Hidden layers/ }).inputValue()).toBe('5');
    await waitForHydration(page, '#fig-all .nn-plot');
    await expect.poll(() => page.locator('#fig-all').getByTestId('readout').innerText()).toMatch(/ReLU[\s\S]*ELU/);
    await expect.poll(() => page.locator('#fig-all').getByLabel('Sigmoid', { exact: true }).isChecked()).toBe(false);
    await waitForHydration(page, '#fig-dead .nn-plot');
    await expect.poll(() => page.locator('#fig-dead').getByTestId('dead-status').innerText(), { timeout: 30_000 }).toContain('Learning rate 0.01,');
    await waitForHydration(page, '#fig-prelu-slopes .nn-plot');
    await expect.poll(() => page.locator('#fig-prelu-slopes').getByTestId('prelu-status').innerText(), { timeout: 30_000 }).toContain('μ = 0.5');
    // A hand-edited, invalid URL falls back to the defaults instead of breaking the widget.
    await page.goto(`${article}?softmax.z=abc,NaN&softmax.t=-1`, { waitUntil: 'networkidle' });
    await waitForHydration(page, '#fig-softmax .nn-plot');
    await expect.poll(() => probs(page)).toBe('0.846, 0.085, 0.069');
    await scrollThrough(page);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
