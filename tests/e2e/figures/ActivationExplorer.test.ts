import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from '../support/page';
import { articleUrl, changes, goLive, readoutOf, svgOf, thinLines, useBrowser } from '../support/figure';
import { measureMainThread } from '../support/main-thread';
import explorer from '../../../src/figures/activations/ActivationExplorer.figure';
import { resolveSettings } from '../../../src/figures/figure';
import { formatCode, formatLive } from '../../../src/lib/live-formula-format';
import { TIMED } from '../support/timed';

const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

const article = articleUrl('activation-functions');

describe('ActivationExplorer', () => {
  it('explorer: each control changes the figure, and the readout follows keyboard and pointer', async () => {
    const { page, problems, close } = await open(article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'all');
    const fig = page.locator('#fig-all');
    await changes(page, '#fig-all', () => fig.getByLabel('tanh', { exact: true }).check());
    await changes(page, '#fig-all', async () => {
      await fig.getByRole('slider', { name: /Leaky slope/ }).focus();
      await page.keyboard.press('End');
    });
    await changes(page, '#fig-all', async () => {
      await fig.getByRole('slider', { name: /ELU α/ }).focus();
      await page.keyboard.press('Home');
    });
    await changes(page, '#fig-all', async () => {
      await fig.getByLabel('x to', { exact: true }).fill('10');
      await fig.getByLabel('x to', { exact: true }).press('Enter');
    });
    // bad range: rejected with a message, figure kept
    const before = await svgOf(page, '#fig-all');
    await fig.getByLabel('x from', { exact: true }).fill('20');
    await fig.getByLabel('x from', { exact: true }).press('Enter');
    await expect(fig.locator('.nn-error').first().isVisible()).resolves.toBe(true);
    expect(await svgOf(page, '#fig-all')).toBe(before);
    const readout = fig.getByTestId('readout');
    const r0 = await readout.innerText();
    // The cursor moves in its own layer: the curves and axes are not redrawn.
    const curves = await svgOf(page, '#fig-all');
    const cursorX = () => fig.locator('.act-cursor line').first().getAttribute('x1');
    const x0 = await cursorX();
    await fig.locator('.act-panel').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout.innerText()).not.toBe(r0);
    expect(await cursorX()).not.toBe(x0);
    expect(await svgOf(page, '#fig-all')).toBe(curves);
    const box = (await fig.locator('.act-panel svg').first().boundingBox())!;
    const r1 = await readout.innerText();
    expect(await readout.getAttribute('aria-live')).toBe('polite'); // the keys' readings are announced
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await expect.poll(() => readout.innerText()).not.toBe(r1);
    expect(await readout.getAttribute('aria-live')).toBe('off'); // a moving pointer is not read out at every step
    // per-function instances: PReLU a, RReLU l/u and resample
    await goLive(page, 'prelu');
    await changes(page, '#fig-prelu', async () => {
      await page.locator('#fig-prelu').getByRole('slider', { name: /PReLU a/ }).focus();
      await page.keyboard.press('End');
    });
    await goLive(page, 'rrelu');
    const rr = page.locator('#fig-rrelu');
    const slopes = await rr.getByTestId('rrelu-slopes').innerText();
    await changes(page, '#fig-rrelu', () => rr.getByRole('button', { name: 'Resample' }).click());
    expect(await rr.getByTestId('rrelu-slopes').innerText()).not.toBe(slopes);
    await changes(page, '#fig-rrelu', async () => {
      await rr.getByLabel('RReLU u', { exact: true }).fill('4');
      await rr.getByLabel('RReLU u', { exact: true }).press('Enter');
    });
    expect(await rr.getByTestId('rrelu-slopes').innerText()).toContain('0.2857');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('leaky ReLU: the slope slider reaches 1, where the function is the identity, as the caption says', async () => {
    const { page, problems, close } = await open(article);
    await page.goto(article, { waitUntil: 'networkidle' });
    await goLive(page, 'leaky');
    const fig = page.locator('#fig-leaky');
    expect(await fig.locator('figcaption').innerText()).toContain('at 1 the identity');
    const slider = fig.getByRole('slider', { name: /Leaky slope/ });
    expect(await slider.getAttribute('max')).toBe('1');
    await changes(page, '#fig-leaky', async () => {
      await slider.focus();
      await page.keyboard.press('End');
    });
    expect(await slider.inputValue()).toBe('1');
    await expect.poll(() => page.url()).toContain('leaky.slope=1');
    // the cursor starts on the negative side, at x = −1.5: f(x) = x and f′(x) = 1 there …
    await expect.poll(() => readoutOf(page, '#fig-leaky', 'Leaky ReLU')).toEqual({ f: 'f(x) = −1.5', d: 'f′(x) = 1' });
    // … and on the positive side
    await fig.locator('.act-panel').first().focus();
    await page.keyboard.press('End');
    await expect.poll(() => readoutOf(page, '#fig-leaky', 'Leaky ReLU')).toEqual({ f: 'f(x) = 5', d: 'f′(x) = 1' });
    // a shared link with slope 1 is restored, not clamped
    await page.goto(`${article}?leaky.slope=1`, { waitUntil: 'networkidle' });
    await goLive(page, 'leaky');
    await expect.poll(() => page.locator('#fig-leaky').getByRole('slider', { name: /Leaky slope/ }).inputValue()).toBe('1');
    await expect.poll(() => readoutOf(page, '#fig-leaky', 'Leaky ReLU')).toEqual({ f: 'f(x) = −1.5', d: 'f′(x) = 1' });
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('RReLU: the note describes the lines on screen, with and without the training-mode slopes', async () => {
    const { page, problems, close } = await open(article);
    await page.goto(`${article}?all.fns=relu,rrelu`, { waitUntil: 'networkidle' });
    await goLive(page, 'all');
    const fig = page.locator('#fig-all');
    const note = fig.getByTestId('rrelu-slopes');
    const training = fig.getByLabel('Show slopes drawn in training');
    // off: one RReLU line, and the note says nothing of thick or thin lines
    await expect.poll(() => note.innerText()).toContain('Evaluation slope 2/(l + u) = 0.1818');
    expect(await training.isChecked()).toBe(false);
    expect(await thinLines(page, '#fig-all')).toBe(0);
    expect(await note.innerText()).not.toMatch(/thick|thin/);
    expect(await note.innerText()).toContain('the slope of the RReLU line for x < 0');
    // on: eight thin lines per panel, and the note names them and the thick line
    await changes(page, '#fig-all', () => training.check());
    expect(await thinLines(page, '#fig-all')).toBe(16);
    expect(await note.innerText()).toMatch(/\(the thin lines\)[\s\S]*\(the thick RReLU line\)/);
    // and off again, in the RReLU figure, which starts in training mode
    await goLive(page, 'rrelu');
    const rr = page.locator('#fig-rrelu');
    expect(await rr.getByTestId('rrelu-slopes').innerText()).toContain('(the thick RReLU line)');
    await changes(page, '#fig-rrelu', () => rr.getByLabel('Show slopes drawn in training').uncheck());
    expect(await thinLines(page, '#fig-rrelu')).toBe(0);
    expect(await rr.getByTestId('rrelu-slopes').innerText()).not.toMatch(/thick|thin/);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('explorer readout on a 360 px phone: every function in the same columns, one line each, nothing overflowing', async () => {
    const { page, problems, close } = await open(article, { viewport: { width: 360, height: 800 } });
    await page.goto(`${article}?all.fns=sigmoid,tanh,relu,leakyRelu,prelu,rrelu,elu`, { waitUntil: 'networkidle' });
    await goLive(page, 'all');
    const fig = page.locator('#fig-all');
    await expect.poll(() => fig.getByTestId('readout-entry').count()).toBe(7);
    const layout = () =>
      fig.getByTestId('readout').evaluate((readout) => {
        const box = readout.getBoundingClientRect();
        const rows = [...readout.querySelectorAll('[data-testid="readout-entry"]')].map((row) => {
          const r = row.getBoundingClientRect();
          const part = (sel: string) => {
            const b = row.querySelector(sel)!.getBoundingClientRect();
            return { left: Math.round(b.left), right: Math.round(b.right), top: Math.round(b.top - r.top), height: Math.round(b.height) };
          };
          return { name: part('.act-readout-name'), f: part('[data-part="f"]'), d: part('[data-part="d"]') };
        });
        const lineHeight = parseFloat(getComputedStyle(readout).lineHeight) || 20;
        return {
          rows,
          lineHeight,
          right: box.right,
          overflow: readout.scrollWidth - readout.clientWidth,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
    for (const key of ['Home', 'End', 'PageDown']) {
      await fig.locator('.act-panel').first().focus();
      const before = await fig.getByTestId('readout').innerText();
      await page.keyboard.press(key);
      await expect.poll(() => fig.getByTestId('readout').innerText()).not.toBe(before);
      const l = await layout();
      const [first] = l.rows;
      for (const row of l.rows) {
        // the same columns: f and f′ start and end where the first entry's do …
        expect(row.f.left, key).toBe(first.f.left);
        expect(row.d.left, key).toBe(first.d.left);
        expect(row.name.left, key).toBe(first.name.left);
        // … on the same line as the name, never wrapped onto a line of their own
        expect(row.f.top, key).toBe(row.name.top);
        expect(row.d.top, key).toBe(row.name.top);
        for (const part of [row.name, row.f, row.d]) {
          expect(part.height, key).toBeLessThan(l.lineHeight * 1.5);
          expect(part.right, key).toBeLessThanOrEqual(Math.ceil(l.right));
        }
        expect(row.f.left, key).toBeGreaterThanOrEqual(row.name.right);
        expect(row.d.left, key).toBeGreaterThanOrEqual(row.f.right);
      }
      expect(l.overflow, key).toBeLessThanOrEqual(0);
      expect(l.pageOverflow, key).toBeLessThanOrEqual(0);
    }
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('ActivationExplorer, from a hand-edited link', () => {
  it('counts a function listed twice once: the only one ticked stays locked, the figure never goes blank', async () => {
    const { page, problems, close } = await open(`${article}?all.fns=relu,relu,relu&vanishing.acts=relu,relu`);
    await page.goto(`${article}?all.fns=relu,relu,relu&vanishing.acts=relu,relu`, { waitUntil: 'networkidle' });
    await page.locator('#fig-all').scrollIntoViewIfNeeded();
    const relu = page.locator('#fig-all').getByLabel('ReLU', { exact: true });
    await expect.poll(() => relu.isDisabled()).toBe(true);
    expect(await relu.isChecked()).toBe(true);
    expect(await page.locator('#fig-all [data-testid="readout-entry"]').count()).toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('all.fns')).toBe('relu');
    await page.locator('#fig-vanishing').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#fig-vanishing [data-testid="vanishing-table"] tbody tr').count()).toBe(1);
    await expect.poll(() => page.locator('#fig-vanishing').getByLabel('ReLU', { exact: true }).isDisabled()).toBe(true);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('each function’s live formula follows its explorer’s cursor, under the pointer and by keyboard, with little script per pointer move', TIMED, async () => {
    const { page, problems, close } = await open(article, { viewport: { width: 1280, height: 900 } });
    await page.goto(article, { waitUntil: 'networkidle' });
    for (const [id, props] of [['sigmoid', { functions: ['sigmoid'], cursor: 0 }], ['elu', { functions: ['elu'] }]] as const) {
      await goLive(page, id);
      const panel = page.locator(`#fig-${id} .act-panel`).first();
      await panel.focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      const x = Number(await panel.getAttribute('aria-valuenow'));
      const values = explorer.live!.compute(resolveSettings(explorer, props), { x });
      const expected = (names: string[]) => names.map((n) => `${n}=${formatLive(values[n], formatCode(explorer.live!.values[n]))}`);
      const shown = () => page.locator(`.nn-live-formula[data-nn-live-of="${id}"] .katex-html [data-nnlive]`).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-nnlive')}=${e.textContent}`));
      // every number shown is the declaration's at the cursor's x (read afresh at each poll: the formulas follow a frame later)
      const wrong = async () => {
        const now = await shown();
        const want = expected(now.map((t) => t.split('=')[0]));
        return now.flatMap((t, i) => (t === want[i] ? [] : [`${t} (want ${want[i]})`]));
      };
      await expect.poll(wrong, { timeout: 5000 }).toEqual([]);
      expect((await shown()).some((t) => t.startsWith(`f.${props.functions[0]}=`))).toBe(true);
      expect(await shown()).toContain(`x=${formatLive(x, 'd3')}`);
    }
    // pointer moves over the sigmoid's plot: the page's own work per move (the budget is 16 ms)
    const panel = page.locator('#fig-sigmoid .act-panel').first();
    await panel.scrollIntoViewIfNeeded();
    const box = (await panel.boundingBox())!;
    const moves = [];
    for (let i = 0; i < 7; i++) moves.push(await measureMainThread(page, () => page.mouse.move(box.x + 60 + i * 30, box.y + box.height / 2), 250));
    const scripts = moves.map((m) => m.script).sort((a, b) => a - b);
    console.log(`ActivationExplorer pointer moves, main thread: script ${moves.map((m) => m.script.toFixed(1)).join(', ')} ms; rendering ${moves.map((m) => m.rendering.toFixed(1)).join(', ')} ms`);
    expect(scripts[3]).toBeLessThanOrEqual(16);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
