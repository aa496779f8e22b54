import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { allProblems } from './support/page';
import { articleUrl, goLive, useBrowser } from './support/figure';
import { dataToPad, PAD_FRAME, padBox } from '../../src/plots/data-pad';
import { LINE_DATA } from '../../src/figures/own-data';
import { formatData } from '../../src/figures/settings';

/**
 * Readers' own data (#18), in a real browser: drawn on the pad (mouse and touch), typed, pasted,
 * opened as a file; refused with a message naming the line; carried by a link (or, too large for
 * one, offered as CSV); exported exactly as loaded; reset; and hostile links and files.
 */
const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const l1l2 = articleUrl('l1-vs-l2-regularization');
const activations = articleUrl('activation-functions');
const dir = mkdtempSync(join(tmpdir(), 'nn-own-data-'));
const file = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function openTools(page: Page, id: string): Promise<Locator> {
  await goLive(page, id);
  const fig = page.locator(`#fig-${id}`);
  await fig.getByRole('button', { name: 'Use your own data' }).click();
  await fig.getByTestId('data-pad').locator('svg').waitFor();
  return fig;
}

/** Clicks (or taps) the pad at a data point, through the pad's own scale. */
async function drawAt(fig: Locator, box: ReturnType<typeof padBox>, p: [number, number], tap = false): Promise<void> {
  const svg = fig.getByTestId('data-pad').locator('svg').first();
  const r = (await svg.boundingBox())!;
  const [px, py] = dataToPad(p, box);
  const position = { x: (px * r.width) / PAD_FRAME.width, y: (py * r.height) / PAD_FRAME.height };
  if (tap) await svg.tap({ position });
  else await svg.click({ position });
}

const readout = (fig: Locator) => fig.getByTestId('outlier-fits').innerText();
const message = (fig: Locator) => fig.getByTestId('data-message').innerText();
const summary = (fig: Locator) => fig.getByTestId('own-data-summary').innerText();
/** Pastes text into a text box: its value set at once and one input event, as a paste does. */
const paste = (box: Locator, text: string) =>
  box.evaluate((el: HTMLTextAreaElement, t) => {
    el.focus();
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
const flushedUrl = (page: Page) => page.evaluate(() => (document.dispatchEvent(new Event('nn:flush-url-state')), location.href));

describe('readers’ own data: the outlier fit', () => {
  it('draw three points (mouse at 1280 px, touch at 360 px) and the fits move; the link restores the same data', async () => {
    for (const [width, touch] of [[1280, false], [360, true]] as const) {
      const { page, context, problems, close } = await open(l1l2, { viewport: { width, height: 800 }, hasTouch: touch, isMobile: touch });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(l1l2).origin });
      await page.goto(l1l2, { waitUntil: 'networkidle' });
      const fig = await openTools(page, 'outliers');
      const before = await readout(fig);
      expect(await summary(fig)).toMatch(/^Showing the 14 points near y = 1 \+ 2x\./);
      // Three points well above the line, where no point is: the squared-loss line is pulled up.
      const drawn: [number, number][] = [[1, 28], [3, 29], [5, 27]];
      const base = await fig.getByRole('textbox', { name: /Points as CSV/ }).inputValue();
      const box = padBox(base.trim().split('\n').slice(1).map((l) => l.split(',').map(Number) as [number, number]), LINE_DATA.view);
      for (const p of drawn) await drawAt(fig, box, p, touch);
      await expect.poll(() => summary(fig), { message: `width ${width}` }).toMatch(/^Showing your data: 17 points\./);
      const after = await readout(fig);
      expect(after).not.toBe(before);
      expect(after).toContain('your data: 17 points, and 2 outliers');
      expect(await message(fig)).toMatch(/^Point 17 at \((4\.9\d|5|5\.0\d), (26\.9\d|27|27\.0\d)\): 17 points\.$/);
      // Copy link, open it in a fresh page: the same data, the same fits.
      await fig.getByRole('button', { name: 'Copy link' }).click();
      await expect.poll(() => fig.locator('.nn-figure-status').innerText()).toBe('Link copied, with the figure’s current settings.');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toMatch(/[?&]outliers\.xy=[A-Za-z0-9%\-$+]+/);
      const again = await open(link, { viewport: { width, height: 800 } });
      await again.page.goto(link, { waitUntil: 'networkidle' });
      await goLive(again.page, 'outliers');
      const restored = again.page.locator('#fig-outliers');
      await expect.poll(() => summary(restored)).toMatch(/^Showing your data: 17 points\./);
      expect(await readout(restored)).toBe(after);
      expect(allProblems(again.problems)).toEqual([]);
      await again.close();
      expect(allProblems(problems)).toEqual([]);
      await close();
    }
  });

  it('paste a CSV with a bad line: the message names it and the fit keeps its data; a good paste applies; Reset data returns to the figure’s own', async () => {
    const { page, problems, close } = await open(l1l2);
    await page.goto(l1l2, { waitUntil: 'networkidle' });
    const fig = await openTools(page, 'outliers');
    const original = await readout(fig);
    const text = fig.getByRole('textbox', { name: /Points as CSV/ });
    await paste(text, 'x;y\n1;3\n2;5\n3;seven\n4;9\n');
    await fig.getByRole('button', { name: 'Use these points' }).click();
    expect(await message(fig)).toBe('The text: Line 4, column 2 (y): “seven” is not a number. The figure keeps its data.');
    expect(await readout(fig)).toBe(original);
    await text.fill('x;y\n1;3\n2;5\n3;7\n4;9.5\n');
    await fig.getByRole('button', { name: 'Use these points' }).click();
    expect(await message(fig)).toBe('Read 4 points (columns x and y of the header line, separated by semicolons). The figure uses them now.');
    await expect.poll(() => readout(fig)).toContain('your data: 4 points');
    await fig.getByRole('button', { name: 'Reset data' }).click();
    await expect.poll(() => summary(fig)).toMatch(/^Showing the 14 points near y = 1 \+ 2x\./);
    expect(await readout(fig)).toBe(original);
    expect(await text.inputValue()).toMatch(/^x,y\n0\.5,1\.7\n/);
    expect(await flushedUrl(page)).not.toContain('outliers.xy');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('adds points from the keyboard alone (x and y fields, Enter)', async () => {
    const { page, close } = await open(l1l2);
    await page.goto(l1l2, { waitUntil: 'networkidle' });
    await goLive(page, 'outliers');
    const fig = page.locator('#fig-outliers');
    const toggle = fig.locator('.nn-own-summary button[aria-expanded]');
    expect(await toggle.innerText()).toBe('Use your own data');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await fig.getByRole('textbox', { name: 'x', exact: true }).waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.innerText()).toBe('Close the data tools');
    const before = await readout(fig);
    await fig.getByRole('textbox', { name: 'x', exact: true }).focus();
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('29.5');
    await page.keyboard.press('Enter');
    expect(await message(fig)).toBe('Added (2, 29.5): 15 points.');
    await expect.poll(() => readout(fig)).not.toBe(before);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2000');
    await page.keyboard.press('Enter');
    expect(await message(fig)).toBe('x: 2000 is out of range; enter a number from -1000 to 1000.');
    await close();
  });
});

describe('readers’ own data: the experiment', () => {
  it('opens a CSV file (setInputFiles), retrains on it, and the CSV export is exactly what was loaded', async () => {
    const { page, problems, close } = await open(l1l2);
    await page.goto(l1l2, { waitUntil: 'networkidle' });
    const fig = await openTools(page, 'exp');
    const points = Array.from({ length: 12 }, (_, i) => [i * 0.75, 3 - 0.5 * i + (i % 3) * 0.25]);
    const csv = `length\tweight\n${points.map((p) => p.join('\t')).join('\n')}\n`;
    await fig.locator('input[type=file]').setInputFiles(file('mine.tsv', csv));
    await expect.poll(() => message(fig)).toBe('Read 12 points (columns length and weight of the header line, separated by tabs). The figure uses them now.');
    await expect.poll(() => summary(fig)).toMatch(/^Showing your data: 12 points\./);
    // Retrained on 12 points, split as the article's protocol splits (the author's helper: ⌊0.8 · 12⌋ = 9 to train, 3 to test; the axis says so), no NaN anywhere.
    await expect.poll(() => fig.locator('.reg-experiment').getAttribute('data-phase'), { timeout: 90_000 }).toBe('done');
    const texts = () => fig.locator('.nn-plot:visible svg').evaluateAll((svgs) => svgs.map((s) => s.textContent ?? '').join(' '));
    await expect.poll(texts, { timeout: 30_000 }).toContain('over the 3 test points');
    expect(await fig.innerText()).not.toMatch(/NaN|undefined/);
    // The post's numbers (from its own data) are not compared with runs on the reader's.
    expect(await fig.getByText('The post’s numbers among these runs').count()).toBe(0);
    // The Outliers controls (generated data only) are gone.
    expect(await fig.locator('[data-setting="outliers"]').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('fig-exp-data.csv');
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toBe(`x,y\n${points.map((p) => p.join(',')).join('\n')}\n`);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('data too large for a link: the figure says so, Copy link leaves it out and offers the CSV, which is the data', async () => {
    const { page, context, problems, close } = await open(l1l2);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(l1l2).origin });
    await page.goto(l1l2, { waitUntil: 'networkidle' });
    const fig = await openTools(page, 'exp');
    const points = Array.from({ length: 200 }, (_, i) => [((i * 7919) % 1999) / 2 - 499.123, ((i * 104729) % 1999) / 7 - 100.5]);
    expect(formatData(points as [number, number][]).length).toBeGreaterThan(2000);
    await fig.locator('input[type=file]').setInputFiles(file('big.csv', points.map((p) => p.join(',')).join('\n')));
    await expect.poll(() => summary(fig)).toMatch(/^Showing your data: 200 points\./);
    expect(await fig.getByTestId('own-data-link').innerText()).toMatch(/^Your data is too large for a link \([\d,]+ characters compressed; a link holds 2,000\)/);
    await fig.getByRole('button', { name: 'Copy link' }).click();
    const status = fig.locator('.nn-figure-status');
    await expect.poll(() => status.innerText()).toMatch(/^Link copied, without your data: it is too large for a link \([\d,]+ characters compressed\)\. Share it as a file:/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain('exp.xy');
    const [download] = await Promise.all([page.waitForEvent('download'), status.getByRole('button', { name: 'Download your data (CSV)' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(`x,y\n${points.map((p) => p.join(',')).join('\n')}\n`);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('readers’ own data: the activation article’s training figures', () => {
  it('DeadUnits trains on points typed in, and says what it fits', async () => {
    const { page, problems, close } = await open(activations);
    await page.goto(activations, { waitUntil: 'networkidle' });
    const fig = await openTools(page, 'dead');
    await fig.getByRole('textbox', { name: /Points as CSV/ }).fill('-1,1\n-0.5,0.25\n0,0\n0.5,0.25\n1,1');
    await fig.getByRole('button', { name: 'Use these points' }).click();
    await expect.poll(() => fig.innerText(), { timeout: 60_000 }).toContain('Task: fit your 5 points;');
    await expect.poll(() => fig.getByTestId('dead-status').innerText(), { timeout: 60_000 }).toMatch(/^Learning rate 0\.05, seed 3, 30 epochs\./);
    expect(await fig.innerText()).not.toMatch(/NaN|undefined/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('readers’ own data from a link: every other figure that trains on points', () => {
  const line = Array.from({ length: 15 }, (_, i) => [i * 0.6, 1 + 1.5 * i * 0.6 + ((i * 7) % 5) * 0.2] as [number, number]);
  const curve = Array.from({ length: 20 }, (_, i) => [-1 + i * 0.1, Math.round((-1 + i * 0.1) ** 2 * 1000) / 1000] as [number, number]);
  const cases = [
    { slug: 'l1-vs-l2-regularization', id: 'heat', data: line, status: 'heat-epoch' },
    { slug: 'l1-vs-l2-regularization', id: 'prune', data: line, status: 'prune-status' },
    { slug: 'activation-functions', id: 'prelu-slopes', data: curve, status: 'prelu-status' },
  ] as const;
  for (const c of cases) {
    it(`${c.id}: trains on the data the link carries, computed in this browser, no NaN`, async () => {
      const url = `${articleUrl(c.slug)}?${c.id}.xy=${encodeURIComponent(formatData(c.data))}`;
      const { page, problems, close } = await open(url);
      await page.goto(url, { waitUntil: 'networkidle' });
      await goLive(page, c.id);
      const fig = page.locator(`#fig-${c.id}`);
      await expect.poll(() => summary(fig)).toMatch(new RegExp(`^Showing your data: ${c.data.length} points\\.`));
      const done = c.id === 'heat' ? /^After epoch 100 of 100 \(run 1, seed 1, your 15 points\)\./ : /Computed in this browser\.$/;
      await expect.poll(() => fig.getByTestId(c.status).innerText(), { timeout: 90_000 }).toMatch(done);
      expect(await fig.innerText()).not.toMatch(/NaN|undefined/);
      if (c.id === 'prelu-slopes') expect(await fig.innerText()).toContain(`trained on your ${c.data.length} points`);
      if (c.id === 'prune') expect(await fig.getByTestId('prune-table').innerText()).not.toContain('post’s own runs');
      expect(allProblems(problems)).toEqual([]);
      await close();
    });
  }
});

describe('readers’ own data: bad input', () => {
  const hostile = (value: string) => `${l1l2}?outliers.xy=${encodeURIComponent(value)}`;

  it('hostile links (10,000 characters, <script>, NaN, 1e308, a key given twice) are ignored with a message, never run, never show NaN', async () => {
    const good = formatData([[1, 2], [2, 4], [3, 7]]);
    const cases: [string, RegExp][] = [
      [hostile('A'.repeat(10_000)), /^Ignored outliers\.xy=A{23}…: a dataset in a link is at most 2000 characters \(this one has 10,000\)\.$/],
      [hostile('<script>alert(1)</script>'), /^Ignored outliers\.xy=<script>alert\(1\)<\/scrip…: your data must be 2 to 100 points/],
      [hostile('NaN'), /^Ignored outliers\.xy=NaN: your data must be/],
      [hostile(formatData([[1, 2], [1e308, 3]])), /^Ignored outliers\.xy=.*: your data must be 2 to 100 points \[x, y\] with x from -1000 to 1000/],
      [`${hostile(good)}&outliers.xy=${encodeURIComponent(formatData([[5, 5], [6, 6]]))}`, /^Ignored outliers\.xy=.*: given twice, the first one is used\.$/],
    ];
    for (const [link, want] of cases) {
      const { page, problems, close } = await open(link);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      const t = Date.now();
      await page.goto(link, { waitUntil: 'networkidle' });
      await goLive(page, 'outliers');
      const fig = page.locator('#fig-outliers');
      await expect.poll(() => fig.getByTestId('url-notice').innerText(), { message: link.slice(0, 120) }).toMatch(want);
      expect(Date.now() - t, 'the page stays quick').toBeLessThan(15_000);
      // Everything on screen but the notice (which quotes the ignored value, e.g. "NaN", as text).
      const shown = await fig.evaluate((f) => {
        const copy = f.cloneNode(true) as HTMLElement;
        copy.querySelector('[data-testid="url-notice"]')?.remove();
        return copy.textContent ?? '';
      });
      expect(shown).not.toMatch(/NaN|undefined|Infinity/);
      expect(await page.evaluate(() => document.querySelectorAll('script:not([src]):not([type])').length)).toBe(
        await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type])')].filter((s) => !s.textContent?.includes('alert(1)')).length),
      );
      expect(dialogs).toBe(0);
      // The duplicated key: the first value is used.
      if (link.includes('&outliers.xy=')) expect(await summary(fig)).toMatch(/^Showing your data: 3 points\./);
      else expect(await summary(fig)).toMatch(/^Showing the 14 points near/);
      expect(await flushedUrl(page)).not.toMatch(/outliers\.xy=(A{100}|%3Cscript|NaN)/);
      expect(allProblems(problems)).toEqual([]);
      await close();
    }
  });

  it('a 5 MB CSV file and a CSV of 100,000 rows are refused at once with a clear message; the page stays responsive and keeps its data', async () => {
    const { page, problems, close } = await open(l1l2);
    await page.goto(l1l2, { waitUntil: 'networkidle' });
    const fig = await openTools(page, 'outliers');
    const original = await readout(fig);
    const input = fig.locator('input[type=file]');
    let t = Date.now();
    await input.setInputFiles(file('huge.csv', Buffer.alloc(5 * 1024 * 1024, '1,2\n')));
    expect(await message(fig)).toBe('huge.csv is 5.2 MB; this figure opens files of at most 1.0 MB (100 points). The figure keeps its data.');
    const rows = Array.from({ length: 100_000 }, (_, i) => `${i % 1000},${i % 7}`).join('\n');
    await input.setInputFiles(file('rows.csv', rows));
    await expect.poll(() => message(fig)).toBe('rows.csv: The data has 100,000 lines; this figure takes at most 100 points. The figure keeps its data.');
    // Pasted, the same text gets the same answer.
    await paste(fig.getByRole('textbox', { name: /Points as CSV/ }), rows);
    await fig.getByRole('button', { name: 'Use these points' }).click();
    expect(await message(fig)).toBe('The text: The data has 100,000 lines; this figure takes at most 100 points. The figure keeps its data.');
    // What the page itself spends on refusing 100,000 pasted rows (Playwright's own waiting aside).
    const spent = await fig.getByRole('button', { name: 'Use these points' }).evaluate(async (b: HTMLButtonElement) => {
      const t0 = performance.now();
      b.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return performance.now() - t0;
    });
    expect(spent, 'ms from the click to the message drawn').toBeLessThan(1000);
    expect(Date.now() - t).toBeLessThan(30_000);
    expect(await readout(fig)).toBe(original);
    expect(await fig.innerText()).not.toMatch(/NaN/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('readers’ own data on an embed page', () => {
  it('restores the data from the address and hides the data tools with hide=ownData', async () => {
    const site = inject('siteUrl');
    const xy = formatData([[1, 5], [2, 7], [3, 9], [4, 11.5], [5, 13], [6, 14]]);
    const url = `${site}embed/l1-vs-l2-regularization/outliers/?outliers.xy=${encodeURIComponent(xy)}`;
    const { page, problems, close } = await open(url);
    await page.goto(url, { waitUntil: 'networkidle' });
    await goLive(page, 'outliers');
    const fig = page.locator('#fig-outliers');
    await expect.poll(() => summary(fig)).toMatch(/^Showing your data: 6 points\./);
    expect(await readout(fig)).toContain('your data: 6 points');
    await page.goto(`${url}&hide=ownData`, { waitUntil: 'networkidle' });
    await goLive(page, 'outliers');
    await expect.poll(() => readout(page.locator('#fig-outliers'))).toContain('your data: 6 points');
    expect(await page.locator('#fig-outliers [data-setting="ownData"]').isVisible()).toBe(false);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
