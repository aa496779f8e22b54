import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { Cite } from 'rehype-citation';
import { fileBrowser } from './support/browser';
import { allProblems, openPage } from './support/page';
import { siteConfig } from '../../src/site.config';

/**
 * The journal's apparatus on the built site: citation cards (hover, keyboard, tap, Escape),
 * sidenotes (margin on a desktop, folded into the text on a phone), numbered equations and figures
 * with their previews, and the appendix (citation, BibTeX, history, licence) with the meta tags.
 */
const browser = fileBrowser();

const siteUrl = inject('siteUrl');
const activations = `${siteUrl}articles/activation-functions/`;
const regularization = `${siteUrl}articles/l1-vs-l2-regularization/`;

/** The card a link describes (aria-describedby), and whether it is on screen. */
const cardOf = (page: Page, link: Locator) => link.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`));
const shown = (card: Locator) => card.evaluate((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0);

/** Text of a reference-list entry without its back links. */
async function entryText(page: Page, href: string): Promise<string> {
  return page.locator(href).evaluate((li) => {
    const copy = li.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.cite-back').forEach((a) => a.remove());
    return copy.textContent!.replace(/\s+/g, ' ').trim();
  });
}

/** Sum of layout shifts recorded on the page so far. */
const shifts = (page: Page) => page.evaluate(() => (window as unknown as { __cls: number }).__cls);
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

describe('citation cards', () => {
  it('on hover, show the full reference with its DOI link, and move nothing on the page', async () => {
    const { page, problems, close } = await openPage(browser(), siteUrl, { viewport: { width: 1280, height: 800 } });
    await recordShifts(page);
    await page.goto(activations, { waitUntil: 'networkidle' });
    const link = page.locator('a.cite[href="#ref-he2015"]').first();
    const card = await cardOf(page, link);
    expect(await shown(card)).toBe(false);
    await link.scrollIntoViewIfNeeded();
    const paragraph = link.locator('xpath=ancestor::p[1]');
    const before = await paragraph.boundingBox();
    const shiftBefore = await shifts(page);
    await link.hover();
    await expect.poll(() => shown(card)).toBe(true);
    const text = (await card.innerText()).replace(/\s+/g, ' ').trim();
    expect(text).toBe(`[${await link.innerText()}] ${await entryText(page, '#ref-he2015')}`);
    expect(await card.locator('a[href="https://doi.org/10.1109/ICCV.2015.123"]').count()).toBe(1);
    expect(await paragraph.boundingBox()).toEqual(before);
    expect(await shifts(page)).toBe(shiftBefore);
    // The pointer can cross to the card and use its link; leaving closes it.
    await card.locator('a').first().hover();
    expect(await shown(card)).toBe(true);
    await page.mouse.move(5, 5);
    await expect.poll(() => shown(card)).toBe(false);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('on keyboard focus, show the reference; Escape closes it and keeps the focus; the card’s link is next in the tab order', async () => {
    const { page, close } = await openPage(browser(), siteUrl, { viewport: { width: 1280, height: 800 } });
    await page.goto(regularization, { waitUntil: 'networkidle' });
    const link = page.locator('a.cite[href="#ref-zou2005"]').first();
    const card = await cardOf(page, link);
    await link.focus();
    await expect.poll(() => shown(card)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('https://doi.org/10.1111/j.1467-9868.2005.00503.x');
    expect(await shown(card)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => shown(card)).toBe(false);
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape also closes a card under the pointer.
    await page.keyboard.press('Tab');
    const other = page.locator('a.cite').nth(0);
    await other.hover();
    const otherCard = await cardOf(page, other);
    await expect.poll(() => shown(otherCard)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => shown(otherCard)).toBe(false);
    await close();
  });

  it('on a 360 px phone, the first tap opens the card on screen, a tap elsewhere closes it, and a tap on an open card’s link follows it', async () => {
    const { page, close } = await openPage(browser(), siteUrl, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(activations, { waitUntil: 'networkidle' });
    const link = page.locator('a.cite[href="#ref-nair2010"]').first();
    const card = await cardOf(page, link);
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect.poll(() => shown(card)).toBe(true);
    expect(new URL(page.url()).hash).toBe('');
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect((await card.innerText()).replace(/\s+/g, ' ')).toContain('Rectified Linear Units Improve Restricted Boltzmann Machines');
    await page.locator('h1').tap();
    await expect.poll(() => shown(card)).toBe(false);
    await link.tap();
    await expect.poll(() => shown(card)).toBe(true);
    await link.tap();
    await expect.poll(() => new URL(page.url()).hash).toBe('#ref-nair2010');
    await close();
  });
});

describe('cards over the page', () => {
  it('an open card is above everything after it: each card of both articles, at its corners and centre, on a desktop and a phone', async () => {
    for (const width of [1280, 360]) {
      const { page, close } = await openPage(browser(), siteUrl, { viewport: { width, height: 800 } });
      for (const url of [activations, regularization]) {
        await page.goto(url, { waitUntil: 'networkidle' });
        // Each card opened in turn (as a tap does: .is-open) with its link in the middle of the screen; the
        // points of the card on screen that the page would hand to a pointer, other than the card's own.
        const covered = await page.evaluate(async () => {
          const out: string[] = [];
          let checked = 0;
          const refs = [...document.querySelectorAll('.prose .popref')];
          for (const ref of refs) {
            const card = ref.querySelector(':scope > .popcard');
            if (!card) continue;
            ref.scrollIntoView({ block: 'center', behavior: 'instant' });
            ref.classList.add('is-open');
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            const box = card.getBoundingClientRect();
            const points = [
              [box.left + 4, box.top + 4],
              [box.right - 4, box.top + 4],
              [box.left + 4, box.bottom - 4],
              [box.right - 4, box.bottom - 4],
              [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
            ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
            for (const [x, y] of points) {
              checked++;
              const hit = document.elementFromPoint(x, y);
              if (!hit || !card.contains(hit)) out.push(`${ref.querySelector('a')?.getAttribute('href')} at (${Math.round(x)}, ${Math.round(y)}): ${hit?.tagName}.${hit?.className}`);
            }
            ref.classList.remove('is-open');
          }
          return { refs: refs.length, checked, out };
        });
        expect(covered.refs, url).toBeGreaterThan(5);
        expect(covered.checked, `${url}: points on screen`).toBeGreaterThanOrEqual(covered.refs * 2);
        expect(covered.out, `${url} at ${width} px`).toEqual([]);
      }
      await close();
    }
  });
});

describe('open cards and notes are accessible (axe-core), light and dark', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`a citation card, an equation preview and an opened sidenote in ${scheme} mode have no violations`, async () => {
      const { page, close } = await openPage(browser(), siteUrl, { viewport: { width: 360, height: 740 }, colorScheme: scheme, hasTouch: true, isMobile: true });
      await page.goto(regularization, { waitUntil: 'networkidle' });
      const targets = [page.locator('a.cite').first(), page.locator('a.xref[href^="#eq-"]').first(), page.locator('a.sidenote-ref[id]').first()];
      for (const link of targets) {
        await link.scrollIntoViewIfNeeded();
        await link.tap();
        const open = link.locator('xpath=..').locator('.popcard').or(page.locator(`${await link.getAttribute('href')}.sidenote`));
        await expect.poll(() => shown(open.first())).toBe(true);
        const results = await new AxeBuilder({ page }).include(await link.evaluate((el) => (el.closest('.popref') ? '.popref.is-open' : '.sidenote.is-open'))).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      }
      await close();
    });
  }
});

describe('sidenotes', () => {
  it('at 1280 px, each note stands in the margin beside the line that refers to it', async () => {
    const { page, close } = await openPage(browser(), siteUrl, { viewport: { width: 1280, height: 800 } });
    for (const url of [activations, regularization]) {
      await page.goto(url, { waitUntil: 'networkidle' });
      const refs = page.locator('a.sidenote-ref[id]');
      expect(await refs.count()).toBeGreaterThan(0);
      const aside = (await page.locator('.article-aside').boundingBox())!;
      for (const ref of await refs.all()) {
        const note = page.locator((await ref.getAttribute('href'))!);
        const text = (await ref.locator('xpath=ancestor::p[1]').boundingBox())!;
        const r = (await ref.boundingBox())!;
        const n = (await note.boundingBox())!;
        expect(n.x, 'right of the text').toBeGreaterThanOrEqual(text.x + text.width);
        expect(n.x + n.width, 'left of the contents').toBeLessThanOrEqual(aside.x);
        expect(Math.abs(n.y - r.y), 'beside its line').toBeLessThan(24);
        // and links back to its reference
        expect(await note.locator(`a.sidenote-back[href="#${await ref.getAttribute('id')}"]`).count()).toBe(1);
        // and is the pointer's down to its last line, also where it reaches beside the prose after it
        const bottom = await note.evaluate((el) => {
          el.scrollIntoView({ block: 'center', behavior: 'instant' });
          const box = el.getBoundingClientRect();
          return el.contains(document.elementFromPoint(box.left + 8, box.bottom - 6));
        });
        expect(bottom, 'the note’s last line takes the pointer').toBe(true);
      }
    }
    await close();
  });

  it('at 360 px, a note is folded into the text and opens there when its number is tapped; its own number folds it again', async () => {
    const { page, close } = await openPage(browser(), siteUrl, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(regularization, { waitUntil: 'networkidle' });
    const ref = page.locator('a.sidenote-ref[id]').first();
    const note = page.locator((await ref.getAttribute('href'))!);
    expect(await shown(note)).toBe(false);
    await ref.scrollIntoViewIfNeeded();
    await ref.tap();
    await expect.poll(() => shown(note)).toBe(true);
    expect(await ref.getAttribute('aria-expanded')).toBe('true');
    const column = (await ref.locator('xpath=ancestor::p[1]').boundingBox())!;
    const r = (await ref.boundingBox())!;
    const n = (await note.boundingBox())!;
    expect(n.x).toBeGreaterThanOrEqual(column.x - 1);
    expect(n.x + n.width).toBeLessThanOrEqual(column.x + column.width + 1);
    expect(n.y).toBeGreaterThan(r.y);
    expect((await note.innerText()).length).toBeGreaterThan(40);
    await note.locator('a.sidenote-back').tap();
    await expect.poll(() => shown(note)).toBe(false);
    expect(await ref.getAttribute('aria-expanded')).toBe('false');
    await close();
  });
});

describe('numbered equations and figures', () => {
  it('a reference to an equation names its number and previews the typeset equation on hover', async () => {
    const { page, close } = await openPage(browser(), siteUrl, { viewport: { width: 1280, height: 800 } });
    for (const url of [activations, regularization]) {
      await page.goto(url, { waitUntil: 'networkidle' });
      const link = page.locator('a.xref[href^="#eq-"]').first();
      const target = page.locator((await link.getAttribute('href'))!);
      const number = (await target.locator('.equation-number').innerText()).trim();
      expect(number).toMatch(/^\(\d+\)$/);
      expect(await link.innerText()).toBe(`Equation ${number.slice(1, -1)}`);
      const card = await cardOf(page, link);
      await link.scrollIntoViewIfNeeded();
      await link.hover();
      await expect.poll(() => shown(card)).toBe(true);
      expect(await card.locator('.katex').count()).toBeGreaterThan(0);
      expect(await card.locator('annotation').first().textContent()).toBe(await target.locator('annotation').first().textContent());
      expect(await card.locator('.equation-number').innerText()).toBe(number);
      await link.click();
      expect(new URL(page.url()).hash).toBe(await link.getAttribute('href'));
    }
    await close();
  });

  it('figures are numbered in order in their captions, and a reference to one previews its caption', async () => {
    const { page, close } = await openPage(browser(), siteUrl, { viewport: { width: 1280, height: 800 } });
    await page.goto(activations, { waitUntil: 'networkidle' });
    const numbers = await page.locator('.prose figure.nn-figure figcaption .figure-number').allInnerTexts();
    expect(numbers.length).toBeGreaterThan(3);
    expect(numbers).toEqual(numbers.map((_, i) => `Figure ${i + 1}.`));
    const link = page.locator('a.xref[href^="#fig-"]').first();
    const caption = (await page.locator(`${await link.getAttribute('href')} figcaption`).innerText()).replace(/\s+/g, ' ').trim();
    expect(caption.startsWith(`${await link.innerText()}.`)).toBe(true);
    const card = await cardOf(page, link);
    await link.focus();
    await expect.poll(() => shown(card)).toBe(true);
    expect((await card.innerText()).replace(/\s+/g, ' ').trim()).toBe(caption);
    await close();
  });
});

describe('the appendix', () => {
  it('gives a citation and BibTeX that citation-js reads back as this article, and copies it', async () => {
    const { page, context, close } = await openPage(browser(), siteUrl, { viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
    for (const url of [activations, regularization]) {
      await page.goto(url, { waitUntil: 'networkidle' });
      const title = (await page.locator('h1').innerText()).trim();
      const bibtex = await page.locator('#bibtex-code').innerText();
      const [entry] = new Cite(bibtex, { forceType: '@bibtex/text', generateGraph: false }).data;
      expect(entry).toMatchObject({ type: 'article-journal', title, 'container-title': siteConfig.name, URL: url.replace(siteUrl, 'https://neural-notes.example.org/') });
      expect(entry.issued['date-parts'][0][0]).toBe(2026);
      expect(await page.locator('.appendix-citation').innerText()).toContain(title);
      await page.getByRole('button', { name: 'Copy BibTeX' }).click();
      await expect.poll(() => page.locator('.appendix .copy-status').innerText()).toBe('Copied.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
    }
    await close();
  });

  it('lists the article’s changes from git, each linked to the change on the repository, with “Report an error” and the licences', async () => {
    const { page, close } = await openPage(browser(), siteUrl);
    await page.goto(activations, { waitUntil: 'networkidle' });
    const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { encoding: 'utf8' }).trim() === 'true';
    const changes = await page.locator('.history li').evaluateAll((lis) =>
      lis.map((li) => ({ date: li.querySelector('time')?.getAttribute('datetime'), href: li.querySelector('a')?.getAttribute('href'), subject: li.querySelector('a')?.textContent })),
    );
    const inGit = execFileSync('git', ['log', '--follow', '--no-merges', '--format=%H', '--', 'content/articles/activation-functions.mdx'], { encoding: 'utf8' }).trim().split('\n');
    expect(changes.map((c) => c.href)).toEqual(inGit.map((hash) => `${siteConfig.repository}/commit/${hash}`));
    for (const c of changes) {
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.subject?.length).toBeGreaterThan(5);
    }
    expect(await page.locator('.history-note').count()).toBe(shallow ? 1 : 0);
    const report = new URL((await page.getByRole('link', { name: 'Report an error' }).getAttribute('href'))!);
    expect(`${report.origin}${report.pathname}`).toBe(`${siteConfig.repository}/issues/new`);
    expect(report.searchParams.get('title')).toBe('Error in “Activation functions”');
    expect(await page.locator('.appendix a[rel="license"]').getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(await page.locator('.appendix a', { hasText: 'LICENSE' }).getAttribute('href')).toBe(`${siteConfig.repository}/blob/main/LICENSE`);
    expect(await page.locator('.appendix').innerText()).toMatch(/MIT licence/);
    await close();
  });

  it('puts Google Scholar citation_* meta tags and a ScholarlyArticle in JSON-LD in the head, with the cited references', async () => {
    const { page, close } = await openPage(browser(), siteUrl);
    for (const url of [activations, regularization]) {
      await page.goto(url);
      const title = (await page.locator('h1').innerText()).trim();
      const meta = (name: string) => page.locator(`head meta[name="${name}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('content')));
      expect(await meta('citation_title')).toEqual([title]);
      expect(await meta('citation_author')).toEqual([siteConfig.defaultAuthor]);
      expect(await meta('citation_publication_date')).toEqual(['2026/11/25']);
      expect(await meta('citation_journal_title')).toEqual([siteConfig.name]);
      const entries = await page.locator('ol.bibliography > li').count();
      const references = await meta('citation_reference');
      expect(references).toHaveLength(entries);
      for (const r of references) expect(r).toMatch(/^citation_title=\S/);
      const ld = JSON.parse((await page.locator('head script[type="application/ld+json"]').textContent())!);
      expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'ScholarlyArticle', headline: title, datePublished: '2026-11-25', license: 'https://creativecommons.org/licenses/by/4.0/' });
      expect(ld.citation).toHaveLength(entries);
      expect(ld.url).toBe(await page.locator('link[rel=canonical]').getAttribute('href'));
    }
    await close();
  });
});
