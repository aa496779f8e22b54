import { afterAll, describe, expect, it } from 'vitest';
import { articleUrl, useBrowser } from './support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

/**
 * The articles' promise for formulas: every displayed formula that is not itself live has a live
 * formula (its instance with a figure's numbers) within one screen of it, on a phone and on a desktop.
 * Hidden copies (cross-reference previews) do not count.
 */
describe('every displayed formula has a live counterpart within one screen', () => {
  const cases = [
    { slug: 'activation-functions', statics: 32, lives: 16 },
    { slug: 'l1-vs-l2-regularization', statics: 2, lives: 9 },
  ] as const;
  for (const { slug, statics, lives } of cases)
    for (const [width, height] of [[360, 780], [1280, 900]])
      it(`${slug} at ${width} × ${height}: ${statics} static formulas, ${lives} live ones, none further than a screen from a live one`, async () => {
        const { page, close } = await open(articleUrl(slug), { viewport: { width, height } });
        await page.goto(articleUrl(slug));
        await page.evaluate(() => document.fonts.ready);
        const found = await page.evaluate(() => {
          const span = (el: Element) => {
            const b = el.getBoundingClientRect();
            return [b.top + scrollY, b.bottom + scrollY];
          };
          const live = [...document.querySelectorAll('.nn-live-formula')].filter((el) => el.getBoundingClientRect().height > 0).map(span);
          const fixed = [...document.querySelectorAll('.katex-display')].filter((k) => k.getBoundingClientRect().height > 0 && !k.closest('.nn-live-formula'));
          return {
            live: live.length,
            gaps: fixed.map((k) => {
              const [top, bottom] = span(k);
              const gap = Math.min(...live.map(([t, b]) => (t > bottom ? t - bottom : top > b ? top - b : 0)));
              return { tex: k.querySelector('annotation')?.textContent?.slice(0, 50) ?? '', gap: Math.round(gap) };
            }),
          };
        });
        expect(found.live).toBe(lives);
        expect(found.gaps).toHaveLength(statics);
        expect(found.gaps.filter((g) => g.gap > height)).toEqual([]);
        await close();
      });
});

describe('typeset formulas draw their stretchy glyphs', () => {
  it('every \\underbrace is drawn (KaTeX’s SVG pieces keep their height; the prose’s rule for pictures leaves them alone)', async () => {
    const url = articleUrl('l1-vs-l2-regularization');
    const { page, close } = await open(url, { viewport: { width: 360, height: 780 } });
    await page.goto(url);
    const heights = await page.locator('.katex-html [class^="brace-"] svg').evaluateAll((els) =>
      els.filter((el) => el.closest('.katex')!.getBoundingClientRect().height > 0).map((el) => el.getBoundingClientRect().height),
    );
    // "data loss" and "penalty" under the cost C(w), in its general form and in its live instance: 4 braces of 3 pieces
    expect(heights).toHaveLength(12);
    expect(heights.filter((h) => h < 5)).toEqual([]);
    await close();
  });
});
