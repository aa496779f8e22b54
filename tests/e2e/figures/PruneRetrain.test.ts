import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, goLive, holdJobs, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const url = articleUrl('l1-vs-l2-regularization');

describe('PruneRetrain', () => {
  it('retrains the post’s pruned shape with L1 and with L2, as published, beside the post’s own numbers', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const prune = page.locator('#fig-prune');
    const heads = (await prune.locator('[data-testid="prune-table"] thead th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(heads).toEqual(['run', 'full net', 'pruned', 'post’s shape, L1', 'post’s shape, L2', 'post’s own runs']);
    const l1 = await prune.locator('[data-testid^="prune-source-arch-"]:not([data-testid*="l2"])').allInnerTexts();
    const l2 = await prune.locator('[data-testid^="prune-source-arch-l2-"]').allInnerTexts();
    expect(l1).toHaveLength(5);
    expect(l2).toHaveLength(5);
    for (const v of [...l1, ...l2]) expect(v).toMatch(/^\d+\.\d{2}$/);
    expect(l2).not.toEqual(l1);
    await expect(prune.getByTestId('prune-status').innerText()).resolves.toMatch(/protocol: as published\./);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('pruning derives a reduced architecture and a new threshold recomputes it', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    const notation = page.locator('#fig-prune [data-testid="prune-notation"]');
    const built = await notation.innerText();
    expect(built).toMatch(/^\(1,\d+\)(,\(\d+,\d+\))*,\(\d+,1\)$/);
    expect(built).not.toBe('(1,10),(10,10),(10,10),(10,1)');
    await goLive(page, 'prune');
    const threshold = page.locator('#fig-prune').getByLabel('switched off below |w| =');
    await threshold.fill('0.000001');
    await threshold.press('Enter');
    await page.waitForFunction((old) => document.querySelector('#fig-prune [data-testid="prune-notation"]')?.textContent !== old, built, { timeout: 10_000 });
    await expect(notation.innerText()).resolves.toBe('(1,10),(10,10),(10,10),(10,1)');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('a long run can be stopped: it says which results are shown, and Run again trains with the settings on screen', async () => {
    const { page, problems, close } = await open(url);
    // a warmed-up worker may train the 50 runs before a press on Stop lands: the job is held (holdJobs)
    const { holding } = await holdJobs(page);
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'prune');
    const prune = page.locator('#fig-prune');
    const status = () => prune.getByTestId('prune-status').innerText();
    const runs = prune.getByLabel('runs (1–50)');
    await holding(true);
    await runs.fill('50');
    await runs.press('Enter');
    await expect.poll(status).toMatch(/^Pruning and retraining/);
    await prune.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(status).toBe('Stopped. The figure and the table show the last complete result. Press “Run again” to train with the current settings.');
    await holding(false);
    expect(await prune.getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);
    // The same value typed again changes nothing; Run again trains with it.
    await runs.fill('50');
    await runs.press('Enter');
    await prune.getByRole('button', { name: 'Run again' }).click();
    await expect.poll(status, { timeout: 90_000 }).toMatch(/; 50 runs of each architecture, seed 1, protocol: as published\. Computed in this browser\.$/);
    expect(await prune.locator('tbody tr').count()).toBe(50);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
