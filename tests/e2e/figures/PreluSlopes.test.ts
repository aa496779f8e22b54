import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const article = articleUrl('activation-functions');

describe('PreluSlopes', () => {
  it('retrains in a worker when ε or μ changes, and says so when training diverges', async () => {
    const { page, problems, close } = await open(article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'prelu-slopes');
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
});
