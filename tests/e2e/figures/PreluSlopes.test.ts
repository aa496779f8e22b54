import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, useBrowser } from '../support/figure';
import figure from '../../../src/figures/activations/PreluSlopes.figure';
import { resolveSettings } from '../../../src/figures/figure';
import { formatCode, formatLive } from '../../../src/lib/live-formula-format';
import { runPrelu } from '../../../src/models/activations/prelu';

/** The numbers the article's formulas of this figure show, in order, "name=text". */
const formulas = (page: import('playwright-core').Page) =>
  page.locator('.nn-live-formula[data-nn-live-of="prelu-slopes"] .katex-html [data-nnlive]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-nnlive')}=${e.textContent}`));
/** What they should show for a run and a unit, computed here by the core. */
function expected(shown: string[], input: { lr: number; momentum: number }, unit: string): string[] {
  const values = figure.live!.compute(resolveSettings(figure, { unit }), undefined, runPrelu({ seed: 1, epochs: 60, ...input }));
  return shown.map((s) => s.split('=')[0]).map((name) => `${name}=${formatLive(values[name] ?? NaN, formatCode(figure.live!.values[name]))}`);
}

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
    // the last step of a diverged run is not written out: dashes, never NaN
    await expect.poll(() => formulas(page)).toContain('grad=—');
    expect((await formulas(page)).join(' ')).not.toContain('NaN');
    expect(await prelu.getByTestId('prelu-last-step').innerText()).toContain('did not finish');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('the formulas for ∂E/∂a and Δa show the last step of training: the build’s, then the unit the reader picks, then a rerun’s', async () => {
    const { page, problems, close } = await open(article);
    await page.goto(article, { waitUntil: 'networkidle' });
    const before = await formulas(page);
    expect(before.length).toBe(17);
    expect(before).toEqual(expected(before, { lr: 0.01, momentum: 0.9 }, '1.3'));
    expect(before).toContain('next=0.4460708');
    await goLive(page, 'prelu-slopes');
    const prelu = page.locator('#fig-prelu-slopes');
    // by keyboard: the unit menu, two units on
    const unit = prelu.getByLabel('Unit in the formulas');
    await unit.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => unit.inputValue()).toBe('1.5');
    await expect.poll(() => formulas(page)).toEqual(expected(before, { lr: 0.01, momentum: 0.9 }, '1.5'));
    await expect.poll(() => page.locator('.nn-live-formula[data-nn-live-of="prelu-slopes"] [data-nn-live-say]').first().textContent()).toContain('unit = 5');
    await unit.selectOption('2.3');
    await expect.poll(() => formulas(page)).toEqual(expected(before, { lr: 0.01, momentum: 0.9 }, '2.3'));
    // a rerun without momentum: Δa is ε ∂E/∂a alone
    await prelu.getByRole('slider', { name: /Momentum/ }).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => prelu.getByTestId('prelu-status').innerText(), { timeout: 30_000 }).toContain('μ = 0,');
    await expect.poll(() => formulas(page)).toEqual(expected(before, { lr: 0.01, momentum: 0 }, '2.3'));
    expect((await formulas(page)).join(' ')).not.toMatch(/NaN|—/);
    expect(await prelu.getByTestId('prelu-last-step').innerText()).toContain('step 3840');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
