import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, tickLabels, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const article = articleUrl('activation-functions');

describe('VanishingGradient', () => {
  it('vanishing gradient: depth, activations, initialiser and reseed each change the figure', async () => {
    const { page, problems, close } = await open(article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'vanishing');
    const fig = page.locator('#fig-vanishing');
    await changes(page, '#fig-vanishing', async () => {
      await fig.getByRole('slider', { name: /Hidden layers/ }).focus();
      await page.keyboard.press('End');
    });
    await expect.poll(() => page.url()).toContain('vanishing.depth=30');
    // 30 layers: the sigmoid's error reaches 10⁻¹⁸; axis and table write it as a power of ten, never "100a" or "e−18"
    const yLabels = await tickLabels(page, '#fig-vanishing', 'y');
    expect(yLabels).toContain('10⁻¹²');
    for (const label of yLabels) expect(label).toMatch(/^10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    const table = await fig.getByTestId('vanishing-table').innerText();
    expect(table).toMatch(/Sigmoid\s+[\d.]+\s+\d\.\d+\u202f×\u202f10⁻¹⁸/);
    expect(table).not.toMatch(/\de[−-]?\d/);
    await changes(page, '#fig-vanishing', () => fig.getByLabel('ELU', { exact: true }).check());
    await changes(page, '#fig-vanishing', () => fig.getByLabel('Initial weights', { exact: true }).selectOption('heUniform'));
    await changes(page, '#fig-vanishing', () => fig.getByRole('button', { name: 'Reseed' }).click());
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('vanishing gradient: the layer axis shows whole, distinct layer numbers at every depth, on a desktop and a phone', async () => {
    for (const width of [1280, 360]) {
      const { page, problems, close } = await open(article, { viewport: { width, height: 800 } });
      await page.goto(article, { waitUntil: 'networkidle' });
      // the figure is drawn twice (wide and narrow), and CSS shows one
      await goLive(page, 'vanishing');
      const fig = page.locator('#fig-vanishing');
      const slider = fig.getByRole('slider', { name: /Hidden layers/ });
      await changes(page, '#fig-vanishing', async () => {
        await slider.focus();
        await page.keyboard.press('Home');
      });
      expect(await slider.inputValue()).toBe('2');
      expect(await tickLabels(page, '#fig-vanishing', 'x'), `${width} px, 2 layers`).toEqual(['1', '2']);
      for (let depth = 3; depth <= 30; depth++) {
        await changes(page, '#fig-vanishing', () => page.keyboard.press('ArrowRight'));
        const labels = await tickLabels(page, '#fig-vanishing', 'x');
        const numbers = labels.map(Number);
        expect(labels.every((l) => /^\d+$/.test(l)), `${width} px, ${depth} layers: ${labels}`).toBe(true);
        expect(new Set(labels).size, `${width} px, ${depth} layers: ${labels}`).toBe(labels.length);
        expect(numbers[0]).toBe(1);
        expect(Math.max(...numbers)).toBeLessThanOrEqual(depth);
        if (depth === 3) expect(labels).toEqual(['1', '2', '3']);
      }
      expect(allProblems(problems)).toEqual([]);
      await close();
    }
  });
});
