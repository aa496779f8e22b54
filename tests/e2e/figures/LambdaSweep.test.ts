import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const url = articleUrl('l1-vs-l2-regularization');
const cells = (page: Page) =>
  page.locator('#fig-sweep td[data-testid^="sweep-"]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid'), e.textContent ?? ''])));

describe('LambdaSweep', () => {
  it('is in the HTML before JavaScript, and a rerun in the browser gives the same digits', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const built = await cells(page);
    expect(Object.keys(built)).toHaveLength(7 * 2 + 1); // 7 λ × L1, L2; the baseline
    expect(built['sweep-l1-0.3']).toMatch(/^\d+\.\d\d\s±\s\d+\.\d\d[\d.]+ units off$/);
    await goLive(page, 'sweep');
    await page.locator('#fig-sweep').getByRole('button', { name: 'Rerun in this browser' }).click();
    await expect.poll(() => page.getByTestId('sweep-status').innerText(), { timeout: 20_000 }).toMatch(/Computed in this browser\.$/);
    expect(await cells(page)).toEqual(built);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('trains again in a worker for new settings, adds a penalty, and keeps them in the URL', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'sweep');
    const fig = page.locator('#fig-sweep');
    await changes(page, '#fig-sweep', async () => {
      await fig.getByLabel('seed', { exact: true }).fill('2');
      await fig.getByLabel('seed', { exact: true }).press('Enter');
    });
    await expect.poll(() => page.getByTestId('sweep-status').innerText(), { timeout: 20_000 }).toMatch(/seed 2;/);
    await fig.getByLabel('elastic net', { exact: true }).check();
    await expect.poll(() => page.locator('#fig-sweep [data-testid="sweep-elastic-1"]').innerText(), { timeout: 20_000 }).toMatch(/units off/);
    await expect.poll(() => page.url()).toMatch(/sweep\.seed=2/);
    expect(page.url()).toMatch(/sweep\.methods=l1%2Cl2%2Celastic|sweep\.methods=l1,l2,elastic/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
