import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { fileBrowser } from './support/browser';
import { allProblems, openPage, waitForHydration } from './support/page';

const browser = fileBrowser();

const url = inject('fixtureUrl');
const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

describe('the fixture site, served under /neural-notes/', () => {
  it('is served under the sub-path, with every asset under it', async () => {
    expect(new URL(url).pathname).toBe('/neural-notes/');
    const { page, problems, close } = await openPage(browser(), url);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${url}articles/fixture-article/`, { waitUntil: 'networkidle' });
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((p) => !p.startsWith('/neural-notes/'))).toEqual([]);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('typesets the equations with KaTeX and its bundled fonts', async () => {
    const { page, problems, close } = await openPage(browser(), url);
    const fonts: string[] = [];
    page.on('response', (r) => {
      if (/KaTeX_.*\.woff2$/.test(r.url()) && r.ok()) fonts.push(r.url());
    });
    await page.goto(`${url}articles/fixture-article/`, { waitUntil: 'networkidle' });
    await expect(page.locator('.katex-display').count()).resolves.toBe(1);
    await expect(page.locator('.katex').count()).resolves.toBe(2);
    await expect(page.locator('.katex-error').count()).resolves.toBe(0);
    await page.evaluate(() => document.fonts.ready);
    // The stylesheet matches the markup: a fraction's numerator is set smaller than the text.
    const sizes = await page.evaluate(() => {
      const num = document.querySelector('.katex .mfrac .vlist > span:last-child .mord') as Element;
      const math = document.querySelector('.katex') as Element;
      return [parseFloat(getComputedStyle(num).fontSize), parseFloat(getComputedStyle(math).fontSize)];
    });
    expect(sizes[0]).toBeLessThan(sizes[1] * 0.8);
    expect(fonts.length).toBeGreaterThan(0);
    expect(allProblems(problems)).toEqual([]);
    await page.screenshot({ path: `${shots}/fixture-article-desktop.png`, fullPage: true });
    await close();
  });

  it('hydrates the Preact island: clicking the button updates it', async () => {
    const { page, problems, close } = await openPage(browser(), url, { viewport: { width: 360, height: 740 } });
    await page.goto(`${url}articles/fixture-article/`, { waitUntil: 'networkidle' });
    const count = page.getByTestId('count');
    await count.scrollIntoViewIfNeeded();
    await expect(count.innerText()).resolves.toBe('3');
    await waitForHydration(page, '.fixture-counter');
    await page.getByRole('button', { name: 'Add one' }).click();
    await page.getByRole('button', { name: 'Add one' }).click();
    await expect(count.innerText()).resolves.toBe('5');
    await page.screenshot({ path: `${shots}/fixture-article-phone.png`, fullPage: true });
    expect(allProblems(problems)).toEqual([]);
    await close();
  });

  it('lists the published fixture article on the home page, and never the draft', async () => {
    const { page, close } = await openPage(browser(), url);
    await page.goto(url);
    const titles = await page.locator('.article-list h3').allInnerTexts();
    expect(titles).toEqual(['Fixture article', 'Fixture figures']);
    await page.screenshot({ path: `${shots}/fixture-home.png`, fullPage: true });
    const draft = await page.goto(`${url}articles/fixture-draft/`);
    expect(draft?.status()).toBe(404);
    await close();
  });
});

describe('shared widget plumbing on the fixture site', () => {
  it('draws a Plot figure at build time, and a Web Worker running packages/nn updates it', async () => {
    const { page, problems, close } = await openPage(browser(), url);
    await page.goto(`${url}articles/fixture-article/`, { waitUntil: 'networkidle' });
    const figure = page.locator('.nn-plot svg');
    await expect(figure.count()).resolves.toBe(1); // present before hydration: it is in the HTML
    const before = await figure.innerHTML();
    await waitForHydration(page, '.nn-plot');
    await page.getByRole('button', { name: 'Compute in worker' }).click();
    await expect.poll(() => page.getByTestId('probs').innerText()).toBe('0.846 0.085 0.069');
    expect(await page.locator('.nn-plot svg').innerHTML()).not.toBe(before);
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});

describe('the figure toolbar', () => {
  it('copies a link with the state, and downloads SVG, PNG and CSV', async () => {
    const { page, context, problems, close } = await openPage(browser(), url, { acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.goto(`${url}articles/fixture-article/?demo.x=1`, { waitUntil: 'networkidle' });
    const figure = page.locator('#demo-figure');
    await waitForHydration(page, '#demo-figure .nn-plot');

    await figure.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => figure.locator('[role=status]').innerText()).toContain('Link copied');
    // demo.x belongs to no figure of the page: the link leaves it out.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${url}articles/fixture-article/#demo-figure`);

    const save = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name, exact: true }).click()]);
      const path = await download.path();
      const { readFileSync } = await import('node:fs');
      return { name: download.suggestedFilename(), body: readFileSync(path) };
    };
    // Redrawn in the browser, the figure's SVG leaves Plot's <style> to the page's head; a
    // downloaded copy carries those rules again.
    await figure.getByRole('button', { name: 'Compute in worker' }).click();
    await expect.poll(() => page.getByTestId('probs').innerText()).toBe('0.846 0.085 0.069');
    expect(await figure.locator('.nn-plot style').count()).toBe(0);
    const svg = await save('SVG');
    expect(svg.name).toBe('demo-figure.svg');
    expect(svg.body.toString()).toMatch(/<style[^>]*>:where\(\.plot-[\w-]+\) \{[^<]*white-space: pre;/);
    expect(svg.body.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.body.toString()).not.toContain('var(--');

    const png = await save('PNG');
    expect(png.name).toBe('demo-figure.png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');

    await page.getByRole('button', { name: 'Compute in worker' }).click();
    await expect.poll(() => page.getByTestId('probs').innerText()).toBe('0.846 0.085 0.069');
    const csv = await save('CSV');
    expect(csv.name).toBe('demo-figure.csv');
    const lines = csv.body.toString().trim().split('\n');
    expect(lines[0]).toBe('class,probability');
    expect(lines).toHaveLength(4);
    expect(Number(lines[1].split(',')[1]).toFixed(3)).toBe('0.846');
    expect(allProblems(problems)).toEqual([]);
    await close();
  });
});
