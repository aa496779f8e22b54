import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allProblems, type OpenedPage } from './support/page';
import { goLive, useBrowser } from './support/figure';

/** Every figure's page of its own (/embed/<article>/<id>/), for teachers to embed. */
const { open, browser } = useBrowser();
/**
 * The article page the figures' checks below change settings in: one per article, shared by its
 * figures in turn (loading the whole article is most of such a check's time). Each check carries
 * only its own figure's part of the address.
 */
let shared: { article: string; opened: OpenedPage } | undefined;
async function articlePage(article: string): Promise<OpenedPage> {
  if (shared?.article !== article) {
    await shared?.opened.close();
    const opened = await open(`${site}articles/${article}/`);
    await opened.page.goto(`${site}articles/${article}/`, { waitUntil: 'networkidle' });
    shared = { article, opened };
  }
  return shared.opened;
}
afterAll(async () => {
  await shared?.opened.close();
  await browser()?.close();
});

const site = inject('siteUrl');
const embeds = readdirSync(join(inject('siteDir'), 'embed')).flatMap((article) =>
  readdirSync(join(inject('siteDir'), 'embed', article)).map((id) => ({ article, id, url: `${site}embed/${article}/${id}/` })),
);
const visible = (page: Page, sel: string) => page.locator(sel).first().isVisible();

describe('embed pages', () => {
  it('exist for every figure of every article', () => {
    expect(embeds.map((e) => `${e.article}/${e.id}`)).toEqual(
      expect.arrayContaining(['activation-functions/all', 'activation-functions/softmax', 'activation-functions/dead', 'l1-vs-l2-regularization/exp', 'l1-vs-l2-regularization/heat', 'l1-vs-l2-regularization/sweep', 'l1-vs-l2-regularization/step', 'activation-functions/chain']),
    );
    expect(embeds.length).toBe(19); // 12 on activation functions (with main's chain), 7 on L1 vs L2 (with step)
  });

  it('each shows its figure, drawn, with its caption and a link back, loading no figure code until the reader turns to it, and nothing from another site', async () => {
    for (const e of embeds) {
      const { page, problems, close } = await open(e.url, { viewport: { width: 800, height: 700 } });
      const scripts: string[] = [];
      page.on('response', (r) => r.url().endsWith('.js') && scripts.push(r.url()));
      await page.goto(e.url, { waitUntil: 'networkidle' });
      expect(await page.locator(`#fig-${e.id} .nn-plot svg`).count(), e.id).toBeGreaterThan(0);
      expect((await page.locator('figcaption').innerText()).length, e.id).toBeGreaterThan(20);
      const back = page.locator('.embed-source a').first();
      expect(await back.getAttribute('href')).toBe(`/articles/${e.article}/#fig-${e.id}`);
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
      // The toolbar's script (Figure.astro), and what it imports: url-events, and d3-dsv to write CSV (a chunk
      // of its own since the data tools read CSV with it too).
      expect(scripts.filter((s) => !/Figure\.astro|url-events|d3-dsv/.test(s)), e.id).toEqual([]);
      expect(allProblems(problems), e.id).toEqual([]);
      await close();
    }
  });

  it('works without JavaScript, as the figure drawn when the site was built', async () => {
    const { page, close } = await open(`${site}embed/activation-functions/softmax/`, { javaScriptEnabled: false });
    await page.goto(`${site}embed/activation-functions/softmax/`);
    expect(await page.locator('#fig-softmax [data-testid="softmax-probs"]').innerText()).toBe('0.846, 0.085, 0.069');
    expect(await page.locator('.nn-noscript').count()).toBe(1);
    await close();
  });

  it('restores the state of its address, hides the controls it names, and shows the numbers the article shows at that state', async () => {
    const state = 'exp.lambda=1&exp.runs=2&exp.seed=3';
    const embed = await open(`${site}embed/l1-vs-l2-regularization/exp/?${state}&hide=lambda,seed,toolbar`);
    await embed.page.goto(`${site}embed/l1-vs-l2-regularization/exp/?${state}&hide=lambda,seed,toolbar`, { waitUntil: 'networkidle' });
    expect(await visible(embed.page, '[data-setting="lambda"]')).toBe(false);
    expect(await visible(embed.page, '[data-setting="seed"]')).toBe(false);
    expect(await visible(embed.page, '.nn-figure-actions')).toBe(false);
    expect(await visible(embed.page, '[data-setting="runs"]')).toBe(true);
    await embed.page.locator('#fig-exp').scrollIntoViewIfNeeded();
    await embed.page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 30_000 });
    expect(await visible(embed.page, '[data-setting="lambda"]'), 'still hidden once the figure is live').toBe(false);
    const cells = (page: Page) => page.locator('#fig-exp [data-testid^="err-"], #fig-exp [data-testid^="mean-"]').allInnerTexts();
    const inEmbed = await cells(embed.page);
    const article = await open(`${site}articles/l1-vs-l2-regularization/?${state}`);
    await article.page.goto(`${site}articles/l1-vs-l2-regularization/?${state}`, { waitUntil: 'networkidle' });
    await article.page.locator('#fig-exp').scrollIntoViewIfNeeded();
    await article.page.waitForSelector('#fig-exp [data-phase="done"]', { timeout: 30_000 });
    expect(await cells(article.page)).toEqual(inEmbed);
    expect(inEmbed.filter((t) => /^\d+\.\d\d$/.test(t)).length).toBe(8);
    expect(allProblems(embed.problems)).toEqual([]);
    await embed.close();
    await article.close();
  });

  it('tells the page around it its height, and the Embed button copies a frame with the figure’s current state', async () => {
    const { page, context, problems, close } = await open(site);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site).origin });
    await page.goto(`${site}articles/activation-functions/?softmax.t=2`, { waitUntil: 'networkidle' });
    await goLive(page, 'softmax');
    const probs = '#fig-softmax [data-testid="softmax-probs"]';
    // The link's temperature is applied right after hydration (an effect), so it is waited for: softmax of
    // the default logits (3, 0.7, 0.5) at T = 2, not the default T = 1's 0.846, 0.085, 0.069.
    const atT2 = '0.624, 0.198, 0.179';
    await expect.poll(() => page.locator(probs).innerText(), { message: 'the link’s temperature, not the default one' }).toBe(atT2);
    await page.locator('#fig-softmax').getByRole('button', { name: 'Embed' }).click();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(new RegExp(`^<iframe src="${site.replace(/[.?]/g, '\\$&')}embed/activation-functions/softmax/\\?softmax\\.t=2" title="Softmax of editable logits" style="width:100%;height:\\d+px;border:0" loading="lazy"></iframe>\\n<script>`));
    // The snippet in a page of its own: the frame grows to the figure's height.
    await page.setContent(`<!doctype html><body>${snippet}</body>`);
    const frame = page.locator('iframe');
    await expect.poll(async () => (await frame.boundingBox())?.height ?? 0, { timeout: 15_000 }).toBeGreaterThan(500);
    const inner = page.frameLocator('iframe');
    // the frame shows the figure at the copied state (T = 2), as the article did
    await expect.poll(() => inner.locator(probs).innerText(), { timeout: 15_000 }).toBe(atT2);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  // every figure: the article's state, carried by its link into the embed page with that control hidden
    // What a figure shows, without its controls: tables, readouts, statuses and the text of the plots
    // on screen. A figure drawn twice (DualPlot) keeps its hidden drawing at the options it was last
    // drawn with, which depends on whether the URL's state came before the stylesheet hid it: that
    // drawing is left out.
    const output = (page: Page, id: string) =>
      page.locator(`#fig-${id} .nn-figure-body`).evaluate((body) => {
        const copy = body.cloneNode(true) as HTMLElement;
        const hidden = [...body.querySelectorAll('.nn-dual > *')].map((el) => el.getClientRects().length === 0);
        copy.querySelectorAll('.nn-dual > *').forEach((el, i) => hidden[i] && el.remove());
        for (const el of copy.querySelectorAll('[data-setting], button, input, select, label, script, style, [data-testid="url-notice"]')) el.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
  for (const e of embeds) {
    it(`${e.article}/${e.id}: a setting changed in the article, carried by its link into the embed page with that control hidden, shows the same numbers there`, async () => {
      const article = await articlePage(e.article);
      await goLive(article.page, e.id);
      const figure = article.page.locator(`#fig-${e.id}`);
      // a number field, slider or menu of the figure set to another value, as a reader would: the first
      // whose setting goes into the URL (some, like a playing speed, stay out of links)
      const controls = figure.locator('[data-setting]:has(input[type="number"]:not([disabled]), input[type="range"]:not([disabled]), select:not([disabled]), input[type="checkbox"]:not([disabled]))');
      let setting: string | null = null;
      for (let i = 0; i < Math.min(4, await controls.count()) && !setting; i++) {
        const name = await controls.nth(i).getAttribute('data-setting');
        const before = new URL(article.page.url()).search;
        const control = controls.nth(i).locator('input[type="number"]:not([disabled]), input[type="range"]:not([disabled]), select:not([disabled]), input[type="checkbox"]:not([disabled])').first();
        const kind = await control.evaluate((el) => (el.tagName === 'SELECT' ? 'select' : (el as HTMLInputElement).type));
        if (kind === 'checkbox') {
          await control.click();
        } else if (kind === 'select') {
          const options = await control.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
          const current = await control.inputValue();
          await control.selectOption(options.find((o) => o !== current)!);
        } else {
          const [value, min, max, step] = await control.evaluate((el: HTMLInputElement) => [Number(el.value), Number(el.min || -Infinity), Number(el.max || Infinity), Number(el.step) || 1]);
          const next = String(+(value + step <= max ? value + step : Math.max(min, value - step)).toFixed(6));
          if (kind === 'range') {
            await control.evaluate((el: HTMLInputElement, v) => {
              el.value = v;
              el.dispatchEvent(new Event('input', { bubbles: true }));
              el.dispatchEvent(new Event('change', { bubbles: true }));
            }, next);
          } else {
            await control.fill(next);
            await control.press('Enter');
          }
        }
        // the address changed with this control (on a busy machine it can follow the change by seconds,
        // and a later control must not be credited with an earlier one's entry: so each waits 5 s)
        for (let t = 0; t < 50 && !setting; t++) {
          if (new URL(article.page.url()).search !== before) setting = name;
          else await article.page.waitForTimeout(100);
        }
      }
      if (!setting) {
        // none of the first controls goes into links (a single function's explorer, the outlier fit's
        // buttons): the two pages are compared at the figure's defaults
        await article.page.goto(`${site}articles/${e.article}/`, { waitUntil: 'networkidle' });
        await goLive(article.page, e.id);
      }
      // this figure's part of the address (the shared page holds the settings earlier checks changed in other figures)
      const state = new URLSearchParams([...new URL(article.page.url()).searchParams].filter(([key]) => key.startsWith(`${e.id}.`))).toString();
      const url = `${site}embed/${e.article}/${e.id}/?${state}${setting ? `&hide=${setting}` : ''}`;
      const embed = await open(url);
      await embed.page.goto(url, { waitUntil: 'networkidle' });
      await goLive(embed.page, e.id);
      if (setting) expect(await visible(embed.page, `#fig-${e.id} [data-setting="${setting}"]`), `${e.id}: ${setting} hidden`).toBe(false);
      // computed figures train in both pages: equal once both have finished
      // (on failure the message shows both pages' outputs, so a difference can be read off the CI log)
      let shown = '';
      await expect
        .poll(
          async () => {
            const [there, here] = [await output(embed.page, e.id), await output(article.page, e.id)];
            shown = `embed: ${there}\narticle: ${here}`;
            return there === here;
          },
          { timeout: 30_000, message: `${e.id} at ${state}` },
        )
        .toBe(true)
        .catch((error: Error) => {
          throw new Error(`${error.message}\n${shown}`);
        });
      expect(await output(embed.page, e.id)).not.toMatch(/\bNaN\b/);
      expect(allProblems(embed.problems), e.id).toEqual([]);
      expect(allProblems(article.problems), e.id).toEqual([]);
      await embed.close();
    });
  }

  it('keeps calm under a hostile address: long, scripted, non-numeric and repeated values', async () => {
    const long = 'x'.repeat(10_000);
    const url = `${site}embed/l1-vs-l2-regularization/exp/?exp.lambda=1e308&exp.lambda=NaN&exp.runs=${long}&hide=%3Cscript%3Ealert(1)%3C%2Fscript%3E,${'y'.repeat(100)}&theme=%3Cimg%20src%3Dx%3E&exp.methods=l1,l1,%3Cb%3E`;
    const { page, problems, close } = await open(url);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator('#fig-exp').scrollIntoViewIfNeeded();
    const notice = () => page.locator('#fig-exp [data-testid="url-notice"]').innerText();
    await expect.poll(notice).toMatch(/^Ignored /);
    for (const part of ['exp.methods=l1,l1,<b>: Penalties must be', 'exp.lambda=1e308: λ must be a number from 0 to 10', 'exp.lambda=NaN: given twice, the first one is used', `exp.runs=${'x'.repeat(23)}…: runs per method must be a whole number from 1 to 100`]) {
      expect(await notice()).toContain(part);
    }
    // (the notice quotes what it ignored; nothing else shows NaN)
    expect((await page.locator('body').innerText()).replace(await notice(), '')).not.toMatch(/\bNaN\b|Infinity|undefined/);
    expect(await page.locator('img[src="x"], b').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
