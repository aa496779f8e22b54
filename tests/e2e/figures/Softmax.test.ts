import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { softmax } from '@neural-notes/nn';
import { classLabels } from '../../../src/models/activations/softmax';
import { softmaxBars, softmaxPlot } from '../../../src/plots/activations/softmax';
import { LIVE, renderPlot } from '../../../src/plots/render';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, useBrowser } from '../support/figure';
import { drawingOf, liveMarkup, tagFrame } from '../support/plots';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const article = articleUrl('activation-functions');

const probs = (page: Page) => page.locator('#fig-softmax [data-testid="softmax-probs"]').innerText();

describe('Softmax', () => {
  it('shows the source’s first worked case in the HTML before JavaScript runs', async () => {
    const { page, close } = await open(article, { javaScriptEnabled: false });
    await page.goto(article);
    expect(await probs(page)).toBe('0.846, 0.085, 0.069');
    expect(await page.locator('#fig-softmax .nn-plot svg').count()).toBeGreaterThan(0);
    await close();
  });


  it('shows each softmax preset to the exact digits, and keeps the huge-logit case correct', async () => {
    const { page, problems, close } = await open(article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'softmax');
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

  it('a temperature step redraws only the bars and their labels, exactly as the build draws those settings', async () => {
    // Two device pixels per CSS pixel, as on a phone or a laptop: Plot draws as the build does.
    const { page, problems, close } = await open(article, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'softmax');
    const plot = page.locator('#fig-softmax .nn-plot:visible svg').first();
    await page.locator('#fig-softmax').getByRole('slider', { name: /Temperature/ }).focus();
    // Every element of the build's drawing but the live marks is tagged, to be found again after the
    // steps: from the first step on, only the live marks are drawn, into the drawing the page came with.
    const tagged = await tagFrame(page, '#fig-softmax');
    expect(tagged).toBeGreaterThan(20); // the svg, its grid, axes, labels and the rule at zero
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => probs(page)).toBe('0.735, 0.142, 0.123');
    await expect.poll(() => new URL(page.url()).searchParams.get('softmax.t')).toBe('1.4');
    const after = await drawingOf(page, '#fig-softmax');
    expect(after.kept, 'the frame is the same elements').toBe(tagged);
    expect(after.frame - after.kept, 'nothing new besides the live marks').toBe(0);
    // The build's drawing of the same settings (logits 3, 0.7, 0.5 at T = 1.4), read the same way.
    const built = parseHTML(`<div>${renderPlot(softmaxPlot(softmaxBars(softmax([3, 0.7, 0.5], 1.4), classLabels(3))))}</div>`).document.querySelector('div')!;
    const expected = liveMarkup(built, LIVE);
    expect(expected.match(/^g /gm)).toHaveLength(2);
    expect(expected).toContain('0.735');
    expect(await plot.evaluate(liveMarkup, LIVE)).toBe(expected);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('on a screen of one device pixel per CSS pixel, the bars redrawn alone are the drawing a full redraw gives', async () => {
    // There Plot moves marks by half a pixel, which the build does not; the first step redraws
    // the whole figure (as on every screen), later ones only the bars, and the result matches a full redraw.
    const { page, problems, close } = await open(article, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'softmax');
    const fig = page.locator('#fig-softmax');
    const drawing = () => fig.locator('.nn-plot:visible svg').first().evaluate((el) => el.outerHTML);
    const built = await drawing();
    await fig.getByRole('slider', { name: /Temperature/ }).focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => probs(page)).toBe('0.735, 0.142, 0.123');
    const stepped = await drawing();
    expect(stepped).not.toBe(built);
    // Another class and back: the frame changes, so the figure is drawn whole, twice.
    await changes(page, '#fig-softmax', () => fig.getByRole('button', { name: 'Add class' }).click());
    await changes(page, '#fig-softmax', () => fig.getByRole('button', { name: 'Remove class 4' }).click());
    expect(await probs(page)).toBe('0.735, 0.142, 0.123');
    expect(await drawing()).toBe(stepped);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('softmax: bad input gets a message and keeps the last good state; classes can be added and removed', async () => {
    const { page, problems, close } = await open(article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'softmax');
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
});
