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
    const source = await cell('#fig-exp [data-testid="source-l1-mean"]');
    const [l1Off, l2Off] = await Promise.all(['l1', 'l2'].map((m) => cell(`#fig-exp [data-testid="off-${m}"]`)));
    const [full, pruned, sourceArch, sourceArchL2, sourcePruned] = (await page.locator('#fig-prune tfoot tr.reg-joined td').allInnerTexts()).map(squash);
    for (const v of [none, l1, l2, el, source, full, pruned, sourceArch, sourceArchL2, sourcePruned]) expect(v).toMatch(/^\d+\.\d\d ± \d+\.\d\d$/);
    const pct = (id: string) => Promise.all([0, 1, 2, 3, 4].map((k) => cell(`#fig-exp [data-testid="place-${id}-${k}"]`)));
    const list = (xs: string[]) => `${xs.slice(0, -1).join(', ')} and ${xs[4]}`;
    expect(text).toMatch(/^These runs follow the post’s script as closely as it is known: the training rows shuffled once per run, every fifth point held out for test, one dataset for every run, float32 arithmetic\. With λ = 0\.3, over 5 seeded runs per penalty, /);
    expect(text).toContain(`the total test error was ${none} with no penalty, ${l1} with L1, ${l2} with L2 and ${el} with elastic net (mean ± sample sd). The lowest mean: `);
    expect(text).toMatch(/The lowest mean: (no penalty|L1|L2|elastic net)\. L2 against L1/);
    expect(text).toMatch(/L2 scored lower in \d+ of 5 runs, and its mean was (not )?lower \(/);
    expect(text).toContain(`lower (${mean(l2)} against ${mean(l1)}). So `);
    expect(text).toMatch(/ gap\. The source’s five L1 runs averaged /);
    expect(text).toContain(`The source’s five L1 runs averaged ${source}.`);
    // the post's numbers among ours: the percentages of the figure's table
    expect(text).toContain(`The post’s five L1 totals are higher than ${list(await pct('l1'))} of our 5 L1 runs; its five totals for the pruned shape are higher than ${list(await pct('pruned-l1'))} of our runs of that shape with L1, and ${list(await pct('pruned-l2'))} of ours with L2.`);
    expect(text).toContain(`L1 switched off on average ${l1Off} of the 30 hidden units (`);
    expect(text).toMatch(/L2 left on average [\d.]+ of the 220 weights below 0\.01 and switched off at least one hidden unit in \d+ of 5 runs; not one of its weights was exactly zero\./);
    expect(l2Off).toMatch(/^[\d.]+$/);
    expect(text).toContain(`that pruned network scored ${pruned}, against ${full} for the full network; the source’s pruned shape retrained here scored ${sourceArch} with L1 and ${sourceArchL2} with L2 (the source reported ${sourcePruned}).`);
    // The eight places where a line break used to swallow the space.
    for (const glued of [/penalty,\d/, /mean:\S/, /in\d/, /lower\(/, /gap\.\S/, /units\(/, /off\d/, /and\d/, /runs;\S/, /[a-z%)]\.[A-Z]/]) expect(text).not.toMatch(glued);
    await close();
  });
});
