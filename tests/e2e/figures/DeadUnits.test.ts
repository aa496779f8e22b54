import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, holdJobs, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const article = articleUrl('activation-functions');

describe('DeadUnits', () => {
  it('retrains in a worker when a setting changes; a long run can be stopped, says what it shows, and runs again', async () => {
    const { page, problems, close } = await open(article);
    // A warmed-up worker trains 100 epochs in a fraction of a second: the long run is held (holdJobs)
    // so that it is still running when Stop is pressed.
    const { holding } = await holdJobs(page);
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'dead');
    const dead = page.locator('#fig-dead');
    const status = () => dead.getByTestId('dead-status').innerText();
    // A long run (100 epochs) can be stopped as soon as it starts.
    await holding(true);
    await dead.getByRole('slider', { name: /Epochs/ }).focus();
    await page.keyboard.press('End');
    await dead.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(status).toBe('Stopped. The table shows the last complete run. Press “Run again” to train with the current settings.');
    await holding(false);
    await dead.getByRole('button', { name: 'Run again' }).click();
    await expect.poll(status, { timeout: 30_000 }).toMatch(/^Learning rate 0\.05, seed 3, 100 epochs\. Computed in this browser\.$/);
    await changes(page, '#fig-dead', () => dead.getByLabel('Learning rate', { exact: true }).selectOption('0.1'));
    await expect.poll(status, { timeout: 30_000 }).toMatch(/^Learning rate 0\.1, seed 3, 100 epochs\. Computed in this browser\.$/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
