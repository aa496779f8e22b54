import { afterAll, describe, expect, it } from 'vitest';
import { articleUrl, useBrowser } from '../support/figure';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const url = articleUrl('l1-vs-l2-regularization');

describe('Findings', () => {
  it('“What we found” reads with its spaces, and its numbers are the tables’ numbers', async () => {
    const { page, close } = await open(url, { javaScriptEnabled: false });
    await page.goto(url);
    const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
    const text = squash(await page.getByTestId('findings').innerText());
    const cell = async (sel: string) => squash(await page.locator(sel).innerText());
    const mean = (ms: string) => ms.split(' ±')[0];
    const [none, l1, l2, el] = await Promise.all(['none', 'l1', 'l2', 'elastic'].map((m) => cell(`#fig-exp [data-testid="mean-${m}"]`)));
    const source = await cell('#fig-exp tfoot tr:first-child td.reg-source');
    const [l1Off, l2Off] = await Promise.all(['l1', 'l2'].map((m) => cell(`#fig-exp [data-testid="off-${m}"]`)));
    const [full, pruned, sourceArch, sourcePruned] = (await page.locator('#fig-prune tfoot td').allInnerTexts()).map(squash);
    for (const v of [none, l1, l2, el, source, full, pruned, sourceArch, sourcePruned]) expect(v).toMatch(/^\d+\.\d\d ± \d+\.\d\d$/);
    expect(text).toContain(`the total test error was ${none} with no penalty, ${l1} with L1, ${l2} with L2 and ${el} with elastic net (mean ± sample sd). The lowest mean: `);
    expect(text).toMatch(/The lowest mean: (no penalty|L1|L2|elastic net)\. L2 against L1/);
    expect(text).toMatch(/L2 scored lower in \d of 5 runs, and its mean was (not )?lower \(/);
    expect(text).toContain(`lower (${mean(l2)} against ${mean(l1)}). So `);
    expect(text).toMatch(/ gap\. The source’s five L1 runs averaged /);
    expect(text).toContain(`The source’s five L1 runs averaged ${source}.`);
    expect(text).toContain(`L1 switched off on average ${l1Off} of the 30 hidden units (`);
    expect(text).toContain(`; L2 switched off ${l2Off} units and left `);
    expect(text).toContain(`that pruned network scored ${pruned}, against ${full} for the full network and ${sourceArch} for the source’s pruned shape retrained here (the source reported ${sourcePruned}).`);
    // The eight places where a line break used to swallow the space.
    for (const glued of [/penalty,\d/, /mean:\S/, /in\d/, /lower\(/, /gap\.\S/, /units\(/, /off\d/, /and\d/]) expect(text).not.toMatch(glued);
    await close();
  });
});
