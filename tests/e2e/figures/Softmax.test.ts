import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, useBrowser } from '../support/figure';

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
