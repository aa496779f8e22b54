import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Finds a Chromium to drive, in this order:
 * 1. an explicit path in CHROMIUM_PATH (or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH);
 * 2. a Chromium installed by Playwright (`npx playwright install chromium`);
 * 3. a system Chromium (/usr/bin/chromium and friends);
 * 4. as root on a Debian-like machine: installs Debian's `chromium` with apt-get.
 * Otherwise it fails with a message saying how to get one.
 */
export function findChromium(): string {
  const explicit = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH points at ${explicit}, which does not exist.`);
    return explicit;
  }
  const candidates = [playwrightChromium(), '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  if (canInstallWithApt()) {
    console.log('[e2e] No Chromium found; installing Debian package "chromium" with apt-get…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
      'elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

function canInstallWithApt(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/usr/bin/apt-get');
}

/**
 * Browser features switched off besides Playwright's own. Since Chromium 15x every new context opens
 * a browser window whose omnibox popups are web pages (chrome://omnibox-popup.top-chrome/), loaded
 * ahead of use: about 400 scripts, about 1.1 core-seconds per context on a 2-core machine (a new
 * context's page kept open for a second: 1.43 core-seconds with them, 0.36 without). No page of ours
 * can see them.
 */
const EXTRA_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

let playwrightFeatures: Promise<string[] | null> | undefined;

/**
 * The features Playwright switches off in every Chromium it starts. Chromium keeps only the last
 * `--disable-features` of its command line, so a launch that switches off more must repeat these.
 * Playwright shows the command line it would run in the error of a launch that fails, here of a
 * program that exits at once (Node, given Chromium's options): no browser starts. Null if that line
 * cannot be read, and then nothing more is switched off.
 */
export function playwrightDisabledFeatures(): Promise<string[] | null> {
  return (playwrightFeatures ??= chromium
    .launch({ executablePath: process.execPath, timeout: 30_000 })
    .then(
      async (browser) => (await browser.close(), ''),
      (error: unknown) => String(error),
    )
    .then((log) => log.match(/--disable-features=(\S+)/)?.[1].split(',') ?? null));
}

/** Headless Chromium with no background traffic: every request must be the page's own. */
export async function launchChromium(): Promise<Browser> {
  const theirs = await playwrightDisabledFeatures();
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-dev-shm-usage',
      ...(theirs ? [`--disable-features=${[...theirs, ...EXTRA_DISABLED_FEATURES].join(',')}`] : []),
    ],
  });
}

/** One Chromium for a test file: launched before its first test, closed after its last. Returns it. */
export function fileBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
