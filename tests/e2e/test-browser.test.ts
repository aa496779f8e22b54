import { describe, expect, it } from 'vitest';
import { fileBrowser, playwrightDisabledFeatures } from './support/browser';

/**
 * The browser the tests drive. Each new context of a Chromium 15x opens a window whose omnibox popups
 * are web pages of their own, loaded ahead of use (about a core-second each); the tests' Chromium
 * switches them off, and must keep the features Playwright switches off, since Chromium keeps only the
 * last list it is given.
 */
const browser = fileBrowser();

describe('the tests’ Chromium', () => {
  it('knows which features Playwright switches off, so that it can switch off more without turning those back on', async () => {
    const theirs = await playwrightDisabledFeatures();
    expect(theirs, 'Playwright’s command line could not be read: the tests’ browsers would load the omnibox popups again').not.toBeNull();
    // Two that Playwright's list (chromiumSwitches.ts in its source) holds: if they are missing, the line was misread.
    expect(theirs).toEqual(expect.arrayContaining(['MediaRouter', 'PaintHolding']));
  });

  it('opens a context and its page without the browser’s own omnibox pages', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto('about:blank');
    await page.waitForTimeout(500);
    const cdp = await browser().newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    await cdp.detach();
    await context.close();
    expect(targetInfos.map((t) => t.url)).toContain('about:blank');
    expect(targetInfos.filter((t) => t.url.startsWith('chrome://')).map((t) => `${t.type} ${t.url}`)).toEqual([]);
  });
});
