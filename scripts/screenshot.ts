// Screenshots of built pages for a person to look at: light and dark, phone and desktop.
// Usage: npx tsx scripts/screenshot.ts <url> [<url> …]   (writes test-results/screens/*.png)
// With TILES=1, long pages are also cut into screen-sized tiles (…-tile-N.png), easier to look at.
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/support/browser';

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: tsx scripts/screenshot.ts <url> [<url> …]');
  process.exit(1);
}
const out = 'test-results/screens';
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
for (const url of urls) {
  const name = new URL(url).pathname.replace(/\/+$/, '').replace(/^\//, '').replace(/\//g, '_') || 'home';
  for (const scheme of ['light', 'dark'] as const) {
    for (const [label, width] of [['phone', 360], ['desktop', 1280]] as const) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 60));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForTimeout(300);
      const file = `${out}/${name}-${scheme}-${label}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      if (process.env.TILES) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const tile = label === 'phone' ? 1000 : 1100;
        for (let y = 0, n = 0; y < height; y += tile, n++) {
          const tileFile = `${out}/${name}-${scheme}-${label}-tile-${String(n).padStart(2, '0')}.png`;
          await page.screenshot({ path: tileFile, fullPage: true, clip: { x: 0, y, width, height: Math.min(tile, height - y) } });
        }
      }
      await page.close();
    }
  }
}
await browser.close();
