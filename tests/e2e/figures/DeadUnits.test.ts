import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const article = articleUrl('activation-functions');

describe('DeadUnits', () => {
  it('retrains in a worker when a setting changes; a long run can be stopped, says what it shows, and runs again', async () => {
    const { page, problems, close } = await open(article);
    // A warmed-up worker trains 100 epochs in a fraction of a second, too soon for a press on Stop to
    // land reliably: the first job reaches the worker 3 s after the page sends it, so that it is still
    // running (as the page sees it) when Stop is pressed. Later jobs go at once.
    await page.addInitScript({
      content: `let held = false; const post = Worker.prototype.postMessage; Worker.prototype.postMessage = function (m, ...rest) { if (!held && m && typeof m === 'object' && 'id' in m) { held = true; setTimeout(() => post.call(this, m, ...rest), 3000); return; } return post.call(this, m, ...rest); };`,
    });
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'dead');
    const dead = page.locator('#fig-dead');
    const status = () => dead.getByTestId('dead-status').innerText();
    // A long run (100 epochs) can be stopped as soon as it starts.
    await dead.getByRole('slider', { name: /Epochs/ }).focus();
    await page.keyboard.press('End');
    await dead.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(status).toBe('Stopped. The table shows the last complete run. Press “Run again” to train with the current settings.');
    await dead.getByRole('button', { name: 'Run again' }).click();
    await expect.poll(status, { timeout: 30_000 }).toMatch(/^Learning rate 0\.05, seed 3, 100 epochs\. Computed in this browser\.$/);
    await changes(page, '#fig-dead', () => dead.getByLabel('Learning rate', { exact: true }).selectOption('0.1'));
    await expect.poll(status, { timeout: 30_000 }).toMatch(/^Learning rate 0\.1, seed 3, 100 epochs\. Computed in this browser\.$/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
