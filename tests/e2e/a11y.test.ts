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

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('accessibility (axe-core), light and dark', () => {
  for (const path of pages) {
    it(`/${path} has no violations, in light and in dark mode, with every figure alive`, async () => {
      const { page, close } = await openPage(browser(), siteUrl);
      await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
      await bringAllAlive(page);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeViolations(page), scheme).toEqual([]);
      }
      await close();
    });
  }
});

