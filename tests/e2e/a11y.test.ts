import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { fileBrowser } from './support/browser';
import { listPages, openPage } from './support/page';
import { bringAllAlive } from './support/figure';

/**
 * axe-core on every page with every figure alive, light and dark. A file of its own (it is the slowest
 * check of the reader's budgets) so that the e2e workers share the time evenly.
 */
const browser = fileBrowser();

const siteUrl = inject('siteUrl');
// Every page, but of the embed pages (one per figure, tested in embed.test.ts) only one.
const pages = listPages(inject('siteDir')).filter((p) => !p.startsWith('embed/') || p === 'embed/l1-vs-l2-regularization/exp/');

/**
 * The rules whose result depends on the colour scheme. The page's markup is the same in both
 * schemes (only the stylesheet's colours change, and the theme toggle's pressed state), so in dark
 * mode only these run again on the whole page, and every rule on the toggle: the others would
 * check the same elements, names and roles a second time.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/** The page's markup, with the theme toggle's state (which follows the scheme, and is checked on its own) left out. */
const markupBesideToggle = (page: Page) => page.evaluate(() => document.body.outerHTML.replace(/(class="theme-toggle"[^>]*aria-pressed=")(true|false)"/, '$1"'));

async function axeViolations(page: Page, rules?: string[], only?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (rules) builder = builder.withRules(rules);
  if (only) builder = builder.include(only);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// An article takes axe about a minute on a quiet 2-core machine (activation functions: 66 s, of which
// 21 s for every rule in light mode and 10 s for the colour rules in dark mode on 13,800 elements), and
// more than the e2e project's 120 s when the other e2e worker runs beside it.
describe('accessibility (axe-core), light and dark', { timeout: 300_000 }, () => {
  for (const path of pages) {
    it(`/${path} has no violations, in light and in dark mode, with every figure alive`, async () => {
      const { page, close } = await openPage(browser(), siteUrl);
      await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
      await bringAllAlive(page);
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await axeViolations(page), 'light').toEqual([]);
      const markup = await markupBesideToggle(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await markupBesideToggle(page), 'the markup is the same in dark mode, but for the theme toggle').toBe(markup);
      expect(await axeViolations(page, COLOUR_RULES), 'dark').toEqual([]);
      if ((await page.locator('.theme-toggle').count()) > 0) expect(await axeViolations(page, undefined, '.theme-toggle'), 'dark: the theme toggle').toEqual([]);
      await close();
    });
  }
});

