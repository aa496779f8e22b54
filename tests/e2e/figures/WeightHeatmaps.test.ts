import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, goLive, useBrowser } from '../support/figure';
import { holdTimers } from '../support/timers';
import { drawingOf, tagFrame } from '../support/plots';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const url = articleUrl('l1-vs-l2-regularization');

describe('WeightHeatmaps', () => {
  it('scrubbing the heatmaps changes the figure', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'heat');
    const svg = () => page.locator('#fig-heat [data-testid="heat-l1"] .nn-plot:visible').innerHTML();
    const before = await svg();
    const off = await page.locator('#fig-heat [data-testid="heat-off-l1"]').innerText();
    expect(off).toMatch(/^\d+ of 30 hidden units switched off$/);
    // The page carries the frame on screen only: the others come from the worker when the reader scrubs.
    await page.locator('#fig-heat input[type="range"]').fill('0');
    await expect.poll(() => page.locator('#fig-heat [data-testid="heat-epoch"]').innerText(), { timeout: 15_000 }).toMatch(/^After epoch 0 of 100/);
    await expect.poll(svg).not.toBe(before);
    await page.locator('#fig-heat input[type="range"]').fill('10');
    await expect.poll(() => page.locator('#fig-heat [data-testid="heat-epoch"]').innerText()).toMatch(/^After epoch 10 of 100/);
    await expect.poll(() => page.url()).toContain('heat.epoch=10');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('an epoch and back redraws only the weights and outlines, and gives the drawing of the HTML again', async () => {
    // Two device pixels per CSS pixel, as on a phone or a laptop: Plot draws as the build does.
    const { page, problems, close } = await open(url, { deviceScaleFactor: 2 });
    await page.goto(url, { waitUntil: 'networkidle' });
    const l1 = '#fig-heat [data-testid="heat-l1"]';
    // The browser's whole drawings hoist Plot's style sheet out of the drawing, and write a style
    // attribute its own way: the same picture. Compared without them.
    const picture = (markup: string[]) => markup.filter((line) => !line.startsWith('style ')).map((line) => line.replace(/style=([^ ]*): ([^ ;]*);? /g, 'style=$1:$2 '));
    const built = await drawingOf(page, l1);
    await goLive(page, 'heat');
    const slider = page.locator('#fig-heat input[type="range"]');
    const last = await slider.inputValue();
    const epoch = () => page.locator('#fig-heat [data-testid="heat-epoch"]').innerText();
    // The build's drawing takes the live marks from the first change on: an epoch back redraws the
    // weights (and the outlines, were other units off) into it ...
    const tagged = await tagFrame(page, l1);
    expect(tagged).toBe(built.frame);
    await slider.fill(String(Number(last) - 2));
    await expect.poll(epoch, { timeout: 15_000 }).toMatch(new RegExp(`^After epoch ${Number(last) - 2} of`));
    await expect.poll(async () => picture((await drawingOf(page, l1)).markup)).not.toEqual(picture(built.markup));
    expect((await drawingOf(page, l1)).kept, 'the first change keeps the frame').toBe(tagged);
    // ... and the way back gives the build's picture again.
    await slider.fill(last);
    await expect.poll(epoch).toMatch(new RegExp(`^After epoch ${last} of`));
    const back = await drawingOf(page, l1);
    expect(picture(back.markup)).toEqual(picture(built.markup));
    expect(back.kept, 'the frame (matrix areas, labels, colour key) is the same elements').toBe(tagged);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('plays the epochs and stops at once on Pause, even when the next frame falls due with the press', async () => {
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'heat');
    const epoch = () => page.locator('#fig-heat [data-testid="heat-epoch"]').innerText();
    const timers = await holdTimers(page, 120); // Play's frames
    const play = page.locator('#fig-heat').getByRole('button', { name: 'Play' });
    await play.click(); // from the last epoch, Play starts again at epoch 0
    await expect.poll(epoch, { timeout: 15_000 }).toMatch(/^After epoch 0 of 100/);
    await expect.poll(timers.live).toBe(1);
    await timers.fire();
    await expect.poll(epoch, { timeout: 15_000 }).not.toMatch(/^After epoch 0 of 100/);
    const shown = await epoch();
    expect(shown).toMatch(/^After epoch [1-9]\d* of 100/);
    await expect.poll(timers.live).toBe(1);
    await timers.fire('#fig-heat .reg-heatmaps button'); // Pause, and the next frame falls due in the same moment
    await page.waitForTimeout(300);
    expect(await epoch()).toBe(shown);
    await expect.poll(() => play.isVisible()).toBe(true); // the button says Play again
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('on a phone, the weight heatmaps show all four matrices whole, with their labels', async () => {
    const { page, close } = await open(url, { viewport: { width: 360, height: 800 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    for (const method of ['l1', 'l2']) {
      const plot = page.locator(`#fig-heat [data-testid="heat-${method}"] .nn-plot:visible`);
      const drawn = await plot.evaluate((el) => {
        const clip = el.getBoundingClientRect();
        const inside = (r: DOMRect) => r.left >= clip.left - 0.5 && r.right <= clip.right + 0.5 && r.top >= clip.top - 0.5 && r.bottom <= clip.bottom + 0.5;
        const svg = el.querySelector('svg')!;
        return {
          labels: [...svg.querySelectorAll('text')].filter((t) => /^W\d/.test(t.textContent ?? '')).map((t) => ({ text: t.textContent, inside: inside(t.getBoundingClientRect()) })),
          cells: svg.querySelectorAll('rect').length,
          cellsOutside: [...svg.querySelectorAll('rect')].filter((r) => !inside(r.getBoundingClientRect())).length,
        };
      });
      expect(drawn.labels, method).toEqual(['W1 (1,10)', 'W2 (10,10)', 'W3 (10,10)', 'W4 (10,1)'].map((text) => ({ text, inside: true })));
      expect(drawn.cells, method).toBeGreaterThanOrEqual(220);
      expect(drawn.cellsOutside, method).toBe(0);
    }
    await close();
  });
});
