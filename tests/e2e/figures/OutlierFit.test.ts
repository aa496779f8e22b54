import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, goLive, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const url = articleUrl('l1-vs-l2-regularization');

describe('OutlierFit', () => {
  it('outliers: each “Add an outlier” adds a new point where it can be seen, and the limit says why the button is off', async () => {
    for (const width of [360, 1280]) {
      const { page, problems, close } = await open(url, { viewport: { width, height: 800 } });
      await page.goto(url, { waitUntil: 'networkidle' });
      await goLive(page, 'outliers');
      const fig = page.locator('#fig-outliers');
      const add = fig.getByRole('button', { name: 'Add an outlier' });
      /** Centres of the outlier circles drawn (stroked red), in the drawing on screen. */
      const outliers = () =>
        fig.locator('.nn-plot:visible svg g[stroke="var(--danger)"] circle').evaluateAll((cs) =>
          cs.map((c) => {
            const r = c.getBoundingClientRect();
            return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
          }),
        );
      expect(await outliers()).toHaveLength(2);
      for (let n = 3; n <= 12; n++) {
        await add.click();
        await expect.poll(async () => (await outliers()).length, { message: `width ${width}, click ${n - 2}` }).toBe(n);
        const centres = await outliers();
        // every circle apart from every other by more than its own radius (6–7px): visibly a new point
        for (let i = 0; i < centres.length; i++)
          for (let j = 0; j < i; j++) expect(Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]), `width ${width}: points ${i} and ${j}`).toBeGreaterThan(8);
      }
      await expect(add.isDisabled()).resolves.toBe(true);
      const note = fig.getByTestId('outlier-limit');
      await expect(note.isVisible()).resolves.toBe(true);
      await expect(note.innerText()).resolves.toMatch(/^At most 12 outliers/);
      expect(await add.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
      await fig.getByRole('button', { name: 'Remove outlier 12' }).click();
      await expect(add.isEnabled()).resolves.toBe(true);
      expect(await note.count()).toBe(0);
      expect(allProblems(problems)).toEqual([]);
      await close();
    }
  });

  it('outliers: a falling line reads “ŷ = 8.92 − 1.11x”, never “+ −”', async () => {
    const points = ['7.5:2', '9:3', ...Array(10).fill('8:0')].join(',');
    const page12 = `${url}?outliers.points=${points}`;
    const { page, problems, close } = await open(page12);
    await page.goto(page12, { waitUntil: 'networkidle' });
    await goLive(page, 'outliers');
    const readout = page.getByTestId('outlier-fits');
    await expect.poll(() => readout.innerText()).toContain('absolute loss: ŷ = 8.92 \u2212 1.11x,');
    expect(await readout.innerText()).not.toMatch(/\+ [−-]/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('on a phone, pointing at the narrow drawings lands where pointed: a new outlier, the geometry’s probe', async () => {
    const { page, problems, close } = await open(url, { viewport: { width: 360, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    /** Page position of a point given in the SVG's own units, in the drawing on screen of `figure`. */
    const at = (figure: string, x: number, y: number) =>
      page.locator(`${figure} .nn-plot:visible svg`).last().evaluate(
        (svg, [sx, sy]) => {
          const r = svg.getBoundingClientRect();
          const k = r.width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return { x: r.left + sx * k, y: r.top + sy * k, narrow: svg.closest('.nn-narrow') !== null };
        },
        [x, y],
      );
    await goLive(page, 'outliers');
    // The narrow outlier drawing: 340 × 316, margins 36 left, 12 right, 30 top, 42 bottom; x in [0, 10], y in [−6, 30].
    const p = await at('#fig-outliers', 36 + 0.5 * (340 - 48), 30 + ((30 - 24) / 36) * (316 - 72));
    expect(p.narrow).toBe(true);
    await page.mouse.click(p.x, p.y);
    const fig = page.locator('#fig-outliers');
    await expect.poll(() => fig.getByLabel('outlier 3: x').inputValue()).not.toBe('');
    expect(Number(await fig.getByLabel('outlier 3: x').inputValue())).toBeCloseTo(5, 0);
    expect(Number(await fig.getByLabel('y', { exact: true }).nth(2).inputValue())).toBeCloseTo(24, 0);
    await goLive(page, 'geo');
    // The narrow geometry drawing: 340 × 340, margin 42, both axes [−1.5, 2.5] (64px a unit): w = (2, −1) is 3.5 units in from the top left.
    const g = await at('#fig-geo', 42 + 3.5 * 64, 42 + 3.5 * 64);
    expect(g.narrow).toBe(true);
    await page.mouse.click(g.x, g.y);
    const geo = page.locator('#fig-geo');
    await expect.poll(async () => Number(await geo.getByLabel('probe w₁').inputValue())).toBeCloseTo(2, 1);
    expect(Number(await geo.getByLabel('probe w₂').inputValue())).toBeCloseTo(-1, 1);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
