import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allProblems } from '../support/page';
import { articleUrl, goLive, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const url = articleUrl('l1-vs-l2-regularization');
/** The numbers the article's penalty formulas show (LiveFormula of="geo"), by name, from the typeset text. */
const formulaNumbers = (page: Page) =>
  page.locator('.nn-live-formula[data-nn-live-of="geo"] .katex-html [data-nnlive]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-nnlive'), (e.textContent ?? '').replace('\u2212', '-')])),
  );

describe('PenaltyGeometry', () => {
  it('geometry: the probe follows the pointer in a layer of its own; the contours are not redrawn, and only the controls are announced', async () => {
    const { page, problems, close } = await open(url, { viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'geo');
    const geo = page.locator('#fig-geo');
    const plot = () => geo.locator('.nn-plot:visible svg').last().evaluate((el) => el.outerHTML);
    const probe = () => geo.locator('[data-testid="geo-probe"]:visible').getAttribute('transform');
    const readout = geo.getByTestId('geo-cost');
    const [plotBefore, probeBefore] = [await plot(), await probe()];
    const box = (await geo.locator('.nn-plot:visible svg').last().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await expect.poll(() => geo.getByLabel('probe w₁').inputValue()).not.toBe('1');
    expect(await probe()).not.toBe(probeBefore);
    expect(await plot()).toBe(plotBefore);
    expect(await readout.getAttribute('aria-live')).toBe('off');
    await geo.getByRole('slider', { name: /probe w₁/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout.getAttribute('aria-live')).toBe('polite');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('the article’s three penalty formulas show the probe’s numbers: at first the built ones, then wherever the reader points', async () => {
    const { page, problems, close } = await open(url, { viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    // in the HTML before any JavaScript: λ = 1 at w = (1, 1)
    expect(await formulaNumbers(page)).toEqual({ lambda: '1.00', w1: '1.00', w2: '1.00', r1: '2.000', r2: '1.000', m: '0.50', abs: '2.00', mc: '0.50', sq: '2.0000', ren: '1.500' });
    await goLive(page, 'geo');
    const geo = page.locator('#fig-geo');
    const box = (await geo.locator('.nn-plot:visible svg').last().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await expect.poll(() => geo.getByLabel('probe w₁').inputValue()).not.toBe('1');
    const [w1, w2] = [Number(await geo.getByLabel('probe w₁').inputValue()), Number(await geo.getByLabel('probe w₂').inputValue())];
    const lambda = 1;
    const mix = 0.5;
    const expected = {
      lambda: '1.00', w1: w1.toFixed(2), w2: w2.toFixed(2), m: '0.50', mc: '0.50',
      abs: (Math.abs(w1) + Math.abs(w2)).toFixed(2), sq: (w1 * w1 + w2 * w2).toFixed(4),
      r1: (lambda * (Math.abs(w1) + Math.abs(w2))).toFixed(3),
      r2: ((lambda / 2) * (w1 * w1 + w2 * w2)).toFixed(3),
      ren: (lambda * (mix * (Math.abs(w1) + Math.abs(w2)) + (1 - mix) * 0.5 * (w1 * w1 + w2 * w2))).toFixed(3),
    };
    await expect.poll(() => formulaNumbers(page)).toEqual(expected);
    // announced once they settle, politely
    const say = page.locator('.nn-live-formula[data-nn-live-of="geo"] [data-nn-live-say]').first();
    expect(await say.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => say.textContent()).toContain(`w₁ = ${expected.w1.replace('-', '\u2212')}`);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
