import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { allProblems, openPage, scrollThrough, type PageProblems } from './support/page';
import type { FigureDeclaration } from '../../src/figures/figure';
import { urlKey } from '../../src/figures/setting-codecs';
import { propNames, type SettingSpec } from '../../src/figures/settings';

/**
 * The widget gallery (/widgets/) must document every figure there is — found here the same way
 * the build finds them, from the declarations — with every prop, and show each one working.
 */
const declarations = import.meta.glob<FigureDeclaration>('../../src/figures/**/*.figure.ts', { eager: true, import: 'default' });
const declared = Object.entries(declarations).map(([path, figure]) => {
  const name = path.split('/').pop()!.replace('.figure.ts', '');
  const specs: Record<string, SettingSpec> = Object.fromEntries(propNames(figure.settings).map((p) => [p, figure.settings[p]]));
  return { name, figure, specs };
});
const wrappers = readdirSync(new URL('../../src/components/widgets/', import.meta.url))
  .filter((f) => f.endsWith('.astro'))
  .map((f) => f.replace('.astro', ''));

let browser: Browser;
let page: Page;
let problems: PageProblems;
let close: () => Promise<void>;
const url = inject('siteUrl');

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, problems, close } = await openPage(browser, url));
  await page.goto(`${url}widgets/`, { waitUntil: 'networkidle' });
  await scrollThrough(page);
  await page.waitForLoadState('networkidle');
});
afterAll(async () => {
  await close?.();
  await browser?.close();
});

describe('the widget gallery', () => {
  it('finds widgets to check', () => {
    expect(declared.length).toBeGreaterThan(0);
    for (const { name, figure } of declared) expect(figure.name, `${name}.figure.ts declares the figure ${name}`).toBe(name);
  });

  it('lists every widget, each with a live example', async () => {
    const listed = await page.locator('section[data-widget]').evaluateAll((els) => els.map((e) => e.getAttribute('data-widget')));
    expect(listed.sort()).toEqual([...wrappers].sort());
    for (const { name } of declared) {
      expect(wrappers, `${name} has a wrapper in src/components/widgets/`).toContain(name);
      const section = page.locator(`section[data-widget="${name}"]`);
      await expect(section.locator('.nn-figure, [data-testid]').count()).resolves.toBeGreaterThan(0);
      await expect(section.locator('astro-island').count().then((n) => n > 0 || name === 'Findings')).resolves.toBe(true);
    }
  });

  for (const { name, specs } of declared) {
    it(`documents every prop of <${name}> with its type, default and allowed values`, async () => {
      const rows = page.locator(`section[data-widget="${name}"] table tr[data-prop]`);
      const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-prop')));
      expect(names).toEqual(Object.keys(specs));
      for (const [prop, spec] of Object.entries(specs)) {
        const text = await page.locator(`section[data-widget="${name}"] tr[data-prop="${prop}"]`).innerText();
        expect(text).toContain(spec.description);
        const defaults = Array.isArray(spec.default) ? spec.default : [spec.default];
        for (const d of defaults) expect(text).toContain(Array.isArray(d) ? `[${d.join(', ')}]` : String(d));
        if (spec.type === 'enum' || spec.type === 'list') for (const v of spec.values) expect(text).toContain(v);
        if (spec.type === 'number') {
          expect(text).toContain(String(spec.min));
          expect(text).toContain(String(spec.max));
        }
        const key = urlKey(prop, spec);
        if (key) expect(text).toContain(key);
      }
      const example = await page.locator(`section[data-widget="${name}"] .gallery-example code`).first().textContent();
      expect(example).toContain(`import ${name} from '../../src/components/widgets/${name}.astro';`);
      for (const prop of Object.keys(specs)) expect(example).toContain(` ${prop}=`);
    });
  }

  it('lists the numbers each figure lends to live formulas, with a live formula that follows its example', async () => {
    const lenders = await page.locator('section[data-widget]:has([data-testid^="live-"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-widget')));
    expect(lenders).toEqual(expect.arrayContaining(['ActivationExplorer', 'BackpropChain', 'Softmax']));
    for (const name of lenders) {
      const section = page.locator(`section[data-widget="${name}"]`);
      const listed = await section.locator(`[data-testid="live-${name}"] tbody th`).allInnerTexts();
      expect(listed.length).toBeGreaterThan(2);
      const shown = await section.locator('.nn-live-formula .katex-html [data-nnlive]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-nnlive'), e.textContent]));
      expect(shown.length).toBeGreaterThan(0);
      for (const [n, text] of shown) {
        expect(listed).toContain(n);
        expect(text).toMatch(/^[−\d]/);
      }
      expect(await section.locator('.gallery-example code').last().textContent()).toMatch(/<LiveFormula of="[a-z-]+" tex=".*\\live\{/);
    }
  });

  it('loads with no console error and no NaN', async () => {
    expect(await page.locator('body').innerText()).not.toMatch(/\bNaN\b|\bundefined\b/);
    expect(allProblems(problems)).toEqual([]);
  });
});
