import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, goLive, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const url = articleUrl('l1-vs-l2-regularization');

describe('PenaltyGeometry', () => {
  it('geometry: the probe follows the pointer in a layer of its own; the contours are not redrawn, and only the controls are announced', async () => {
    const { page, problems, close } = await open(url, { viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'geo');
    const geo = page.locator('#fig-geo');
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
});
