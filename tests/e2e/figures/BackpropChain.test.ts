import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import chainFigure from '../../../src/figures/activations/BackpropChain.figure';
import { resolveSettings } from '../../../src/figures/figure';
import { formatCode, formatLive } from '../../../src/lib/live-formula-format';
import { traceChain } from '../../../src/models/activations/chain';
import { formatMagnitude } from '../../../src/lib/format';
import { allProblems } from '../support/page';
import { measureMainThread, type MainThreadWork } from '../support/main-thread';
import { articleUrl, goLive, useBrowser } from '../support/figure';
import { TIMED } from '../support/timed';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const article = articleUrl('activation-functions');

/** Every live number of the chain's formulas on the page, as `name=text` (typeset HTML only). */
const formulaNumbers = (page: Page) =>
  page.locator('.nn-live-formula[data-nn-live-of="chain"] .katex-html [data-nnlive]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-nnlive')}=${e.textContent}`));

/** The same, computed in this process by the core for the figure's settings. */
function expectedNumbers(names: string[], props: Record<string, unknown>): string[] {
  const values = chainFigure.live!.compute(resolveSettings(chainFigure, props));
  return names.map((entry) => {
    const name = entry.slice(0, entry.indexOf('='));
    return `${name}=${formatLive(values[name], formatCode(chainFigure.live!.values[name]))}`;
  });
}

/** The δ column of the figure's table, top (output) row first. */
const deltaColumn = (page: Page) => page.locator('#fig-chain [data-testid="chain-table"] tbody tr td:nth-of-type(1)').allInnerTexts();

describe('BackpropChain', () => {
  it('steps back layer by layer by keyboard: the formulas and the table show the core’s numbers at every layer, with no layout shift and little main-thread work per step', TIMED, async () => {
    const { page, problems, close } = await open(article, { viewport: { width: 1280, height: 900 } });
    await page.goto(article, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      (window as unknown as { __shift: number }).__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) (window as unknown as { __shift: number }).__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: false });
    });
    // before the figure is live, the formulas hold the numbers of its first state (one step back from the output)
    const names = await formulaNumbers(page);
    expect(names.length).toBeGreaterThan(20);
    expect(names).toEqual(expectedNumbers(names, { step: 1 }));
    await goLive(page, 'chain');
    const fig = page.locator('#fig-chain');
    const back = fig.getByRole('button', { name: 'One layer back, towards the input' });
    await back.focus();
    const trace = traceChain(resolveSettings(chainFigure, {}));
    const perStep: MainThreadWork[] = [];
    for (let step = 2; step <= 5; step++) {
      perStep.push(await measureMainThread(page, () => page.keyboard.press('Enter')));
      await expect.poll(() => fig.getByTestId('chain-status').innerText()).toBe(`Layer ${6 - step} of 6`);
      await expect.poll(() => formulaNumbers(page)).toEqual(expectedNumbers(names, { step }));
      const deltas = await deltaColumn(page);
      // rows from layer 6 down: reached layers show δ, the others a dot
      expect(deltas).toEqual(trace.layers.map((l) => (l.k >= 6 - step ? formatMagnitude(l.delta, 3) : '·')).reverse());
    }
    expect(await back.isDisabled()).toBe(true); // layer 1 reached
    await expect.poll(() => page.url()).toContain('chain.at=5');
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
    // The budget (issue #16): ≤ 16 ms of the page's own work per step (at full CPU speed; see the note on phones in README). The browser's rendering of the change is
    // reported beside it (it grows with the page, and a headless browser paints in software).
    const ms = (k: keyof MainThreadWork) => perStep.map((w) => w[k].toFixed(1)).join(', ');
    console.log(`BackpropChain, main thread per step: script ${ms('script')} ms; rendering ${ms('rendering')} ms; all tasks ${ms('total')} ms`);
    // (the median step: one step can land on a garbage collection, or on a machine busy with another test file)
    const median = perStep.map((w) => w.script).sort((a, b) => a - b)[Math.floor(perStep.length / 2)];
    expect(median).toBeLessThanOrEqual(16);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('a shared link restores the layer reached and the chain; a ReLU chain shows exact zeros below a unit that is off, and never NaN', async () => {
    const props = { activation: 'relu' as const, depth: 12, seed: 3, step: 11 };
    const url = `${article}?chain.f=relu&chain.depth=12&chain.seed=3&chain.at=11#fig-chain`;
    const { page, problems, close } = await open(url, { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'chain');
    const fig = page.locator('#fig-chain');
    await expect.poll(() => fig.getByTestId('chain-status').innerText()).toBe('Layer 1 of 12');
    const names = await formulaNumbers(page);
    await expect.poll(() => formulaNumbers(page)).toEqual(expectedNumbers(names, props));
    const trace = traceChain(resolveSettings(chainFigure, props));
    expect(await deltaColumn(page)).toEqual(trace.layers.map((l) => formatMagnitude(l.delta, 3)).reverse());
    expect(await fig.getByTestId('chain-zero').isVisible()).toBe(trace.layers.some((l) => l.delta === 0));
    expect(await fig.innerText()).not.toMatch(/NaN|undefined|Infinity/);
    // tap forward towards the output
    await fig.getByRole('button', { name: 'One layer forward, towards the output' }).tap();
    await expect.poll(() => fig.getByTestId('chain-status').innerText()).toBe('Layer 2 of 12');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
