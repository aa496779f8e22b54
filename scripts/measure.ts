/**
 * What a reader on a phone gets from the built site (dist/), measured: `npm run measure`.
 *
 *   npm run build && npm run measure              # every figure below, printed as tables
 *   npm run measure -- --lighthouse               # also Lighthouse (mobile) on every page (fetches lighthouse@13 with npx)
 *   npm run measure -- --json > measure.json
 *   npm run measure -- --pages=/,/articles/activation-functions/   # only these pages
 *   npm run measure -- --load-only                # the pages only, not the reader actions on the figures
 *   NEURAL_NOTES_OUT=dist-main npm run measure   # a build written elsewhere (to compare two builds in one run)
 *
 * Phone = a 360 × 740 screen at DPR 3, touch, and the CPU slowed 4× (Chrome DevTools' mobile
 * profile), in the headless Chromium the tests use. Figures from a shared machine drift: compare
 * runs made in the same hour, and ratios rather than milliseconds.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { findChromium, launchChromium } from '../tests/e2e/support/browser';
import { listPages } from '../tests/e2e/support/page';
import { serveStatic } from '../tests/e2e/support/server';

const root = join(import.meta.dirname, '..');
// The built site: dist, or the folder a build was told to write (NEURAL_NOTES_OUT), to compare two builds.
const dist = join(root, process.env.NEURAL_NOTES_OUT ?? 'dist');
const args = new Set(process.argv.slice(2));
/** `--pages=/a/,/b/`: measure only these pages (default: every page but 404). */
const only = process.argv.find((a) => a.startsWith('--pages='))?.slice('--pages='.length).split(',').map((p) => p.replace(/^\//, ''));
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const SLOWDOWN = 4;

interface PageFigures {
  page: string;
  htmlKB: number;
  htmlGzipKB: number;
  svgKB: number;
  propsKB: number;
  domElements: number;
  jsAtLoadKB: number;
  jsAfterScrollKB: number;
  longTasksAtLoad: number[];
  longTasksScrolling: number[];
  /** Long animation frames (LoAF): their blocking time, which counts the browser's style, layout and paint (long tasks do not). */
  blockingFramesAtLoad: number[];
  blockingFramesScrolling: number[];
  /** Main-thread time Chromium counts in style recalculation and layout up to 1 s after load (ms). */
  styleAtLoadMs: number;
  layoutAtLoadMs: number;
  lcpMs: number;
  cls: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
/** Blocking frames as "longest, total" (ms), or "none". */
const blocking = (frames: number[]) => (frames.length ? `${Math.max(...frames)}, ${frames.reduce((a, b) => a + b, 0)}` : 'none');

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  // tsx names the functions handed to page.evaluate with a helper the page does not have
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  // main-thread task time, read by tapAliveTimed
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/**
 * Long tasks, long animation frames, LCP and CLS, recorded from the first byte. A long task is script
 * and parsing only; the rendering a frame needs (style, layout, paint) shows in its long animation
 * frame's blocking time, which on the articles is most of what blocks the main thread at load.
 */
const OBSERVE = () => {
  const w = window as unknown as { __nn: { long: { start: number; duration: number }[]; frames: number[]; lcp: number; cls: number } };
  w.__nn = { long: [], frames: [], lcp: 0, cls: 0 };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__nn.long.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) =>
    (l.getEntries() as (PerformanceEntry & { blockingDuration: number })[]).forEach((e) => e.blockingDuration > 0 && w.__nn.frames.push(e.blockingDuration)),
  ).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__nn.lcp = Math.max(w.__nn.lcp, e.startTime)))).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) =>
    (l.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]).forEach((e) => !e.hadRecentInput && (w.__nn.cls += e.value)),
  ).observe({ type: 'layout-shift', buffered: true });
};

async function pageFigures(browser: Browser, base: string, path: string): Promise<PageFigures> {
  const html = readFileSync(join(dist, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
  const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].reduce((n, m) => n + m[0].length, 0);
  const props = [...html.matchAll(/ props="[^"]*"/g)].reduce((n, m) => n + m[0].length, 0);
  const { context, page, cdp } = await phone(browser);
  const scripts: string[] = [];
  page.on('response', (r) => r.url().endsWith('.js') && scripts.push(new URL(r.url()).pathname));
  await page.addInitScript(OBSERVE);
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  const jsBytes = () => scripts.reduce((n, s) => n + gzipSync(readFileSync(join(dist, s.replace(/^\//, '')))).length, 0);
  const atLoad = await page.evaluate(() => (window as unknown as { __nn: { long: { duration: number }[]; frames: number[]; lcp: number } }).__nn);
  const jsAtLoad = jsBytes();
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const before = atLoad.long.length;
  const framesBefore = atLoad.frames.length;
  // Read the whole page as a reader scrolls it: a screen at a time.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.8) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  await page.waitForTimeout(1000);
  const after = await page.evaluate(() => (window as unknown as { __nn: { long: { duration: number }[]; frames: number[]; cls: number } }).__nn);
  const figures: PageFigures = {
    page: `/${path}`,
    htmlKB: kb(Buffer.byteLength(html)),
    htmlGzipKB: kb(gzipSync(html).length),
    svgKB: kb(svg),
    propsKB: kb(props),
    domElements,
    jsAtLoadKB: kb(jsAtLoad),
    jsAfterScrollKB: kb(jsBytes()),
    longTasksAtLoad: atLoad.long.map((t) => Math.round(t.duration)),
    longTasksScrolling: after.long.slice(before).map((t) => Math.round(t.duration)),
    blockingFramesAtLoad: atLoad.frames.map(Math.round),
    blockingFramesScrolling: after.frames.slice(framesBefore).map(Math.round),
    styleAtLoadMs: Math.round(metrics.RecalcStyleDuration * 1000),
    layoutAtLoadMs: Math.round(metrics.LayoutDuration * 1000),
    lcpMs: Math.round(atLoad.lcp),
    cls: Math.round(after.cls * 1000) / 1000,
  };
  await context.close();
  return figures;
}

interface Latency {
  what: string;
  ms: number;
  goal: string;
}

/**
 * The reader's inputs during `act`, one per interaction (Event Timing's interactionId): the time
 * from the input to the next paint (what the reader waits; INP measures the same) and the time
 * spent in the page's own handlers.
 */
async function interactionTimes(page: Page, act: () => Promise<void>): Promise<{ paint: number; handlers: number }[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __events: Map<number, { paint: number; handlers: number }> };
    w.__events = new Map();
    new PerformanceObserver((l) =>
      (l.getEntries() as PerformanceEventTiming[]).forEach((e) => {
        if (!e.interactionId) return;
        const old = w.__events.get(e.interactionId) ?? { paint: 0, handlers: 0 };
        w.__events.set(e.interactionId, { paint: Math.max(old.paint, e.duration), handlers: old.handlers + (e.processingEnd - e.processingStart) });
      }),
    ).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  await act();
  await page.waitForTimeout(500);
  return page.evaluate(() => [...(window as unknown as { __events: Map<number, { paint: number; handlers: number }> }).__events.values()].map((v) => ({ paint: Math.round(v.paint), handlers: Math.round(v.handlers) })));
}

/** Eight steps of a slider by its right-arrow key, `gap` ms apart, timed as the reader's interactions. */
const keySteps = (page: Page, slider: Locator, gap: number) =>
  interactionTimes(page, async () => {
    await slider.focus();
    for (let k = 0; k < 8; k++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(gap);
    }
  });

const summary = (times: { paint: number; handlers: number }[]) => {
  const paints = times.map((t) => t.paint).sort((a, b) => a - b);
  const handlers = times.map((t) => t.handlers).sort((a, b) => a - b);
  return `input → next paint: median ${paints[Math.floor(paints.length / 2)] ?? 0} ms, slowest ${paints[paints.length - 1] ?? 0} ms; handlers: median ${handlers[Math.floor(handlers.length / 2)] ?? 0} ms, at most ${handlers[handlers.length - 1] ?? 0} ms`;
};

/** Cold reruns measured, each on a fresh page (a fresh worker); the median and the slowest are reported. */
const COLD_RERUNS = 5;

/** Brings a figure to life as a reader on a phone does (scrolls to it and taps it) and waits until it has hydrated. */
async function tapAlive(page: Page, id: string): Promise<Locator> {
  const figure = page.locator(`#fig-${id}`);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.nn-figure-body').tap({ position: { x: 4, y: 4 } });
  await page.waitForFunction((sel) => !document.querySelector(`${sel} astro-island[ssr]`), `#fig-${id}`);
  return figure;
}

/**
 * The main thread's time (all tasks, and the script in them, throttled as the phone's) from a tap
 * on a figure until it is live and has settled: loading its island's code and hydrating it. The
 * figure is scrolled to first, so scrolling is not counted.
 */
async function tapAliveTimed(page: Page, cdp: CDPSession, id: string): Promise<{ figure: Locator; what: string; ms: number }> {
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.locator(`#fig-${id}`).scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const before = await read();
  const figure = await tapAlive(page, id);
  await page.waitForTimeout(500);
  const after = await read();
  const [tasks, script] = ['TaskDuration', 'ScriptDuration'].map((k) => Math.round((after[k] - before[k]) * 1000));
  return { figure, what: `${id}: tap → live (main-thread tasks; of them script ${script} ms)`, ms: tasks };
}

/**
 * One cold rerun of the Experiment on a fresh phone page, `wait` ms after the figure came alive:
 * rerun → first run's number shown, and → every run done. Soon after, the worker may still be
 * loading or warming up (`Computation.warmup`); a few seconds after, it has warmed up.
 */
async function coldRerun(browser: Browser, base: string, wait: number): Promise<{ first: number; done: number }> {
  const { context, page } = await phone(browser);
  await page.goto(`${base}articles/l1-vs-l2-regularization/`, { waitUntil: 'networkidle' });
  await tapAlive(page, 'exp');
  await page.waitForTimeout(wait);
  const t = await page.evaluate(
    () =>
      new Promise<{ first: number; done: number }>((resolve) => {
        const fig = document.querySelector('#fig-exp')!;
        const button = [...fig.querySelectorAll('button')].find((b) => b.textContent?.includes('Rerun'))!;
        const cell = () => fig.querySelector('[data-testid="err-none-0"]')?.textContent;
        const start = performance.now();
        let first = 0;
        const watch = new MutationObserver(() => {
          if (!first && cell() === '…') first = -1; // the table cleared: wait for the first run's number
          if (first === -1 && cell() !== '…') first = performance.now() - start;
          if (fig.querySelector('.reg-experiment')?.getAttribute('data-phase') === 'done') {
            watch.disconnect();
            resolve({ first: first > 0 ? first : performance.now() - start, done: performance.now() - start });
          }
        });
        watch.observe(fig, { subtree: true, childList: true, characterData: true, attributes: true });
        button.click();
      }),
  );
  await context.close();
  return t;
}

async function latencies(browser: Browser, base: string): Promise<Latency[]> {
  const out: Latency[] = [];
  for (const [wait, when] of [[500, '0.5 s after the figure came alive'], [3000, '3 s after, the worker warmed up']] as const) {
    const runs: { first: number; done: number }[] = [];
    for (let k = 0; k < COLD_RERUNS; k++) runs.push(await coldRerun(browser, base, wait));
    const spread = (pick: (r: { first: number; done: number }) => number) => {
      const ms = runs.map(pick).sort((a, b) => a - b);
      return { median: Math.round(ms[Math.floor(ms.length / 2)]), worst: Math.round(ms[ms.length - 1]) };
    };
    const first = spread((r) => r.first);
    const done = spread((r) => r.done);
    out.push({ what: `Experiment: rerun ${when} → first run shown (median of ${COLD_RERUNS} pages, slowest ${first.worst} ms)`, ms: first.median, goal: '≤ 100 ms' });
    out.push({ what: `Experiment: rerun ${when} → all 20 runs shown (median of ${COLD_RERUNS} pages, slowest ${done.worst} ms)`, ms: done.median, goal: '≤ 1000 ms' });
  }
  const { context, page, cdp } = await phone(browser);
  const alive = (timed: { what: string; ms: number }) => out.push({ what: timed.what, ms: timed.ms, goal: 'no goal set: less is better' });
  // A slider step and a pointer move on the activation article.
  await page.goto(`${base}articles/activation-functions/`, { waitUntil: 'networkidle' });
  const { figure: softmax, ...softmaxAlive } = await tapAliveTimed(page, cdp, 'softmax');
  alive(softmaxAlive);
  const steps = await keySteps(page, softmax.getByRole('slider', { name: /Temperature/ }), 120);
  out.push({ what: `Softmax: 8 slider steps (${summary(steps)})`, ms: Math.max(0, ...steps.map((t) => t.paint)), goal: '≤ 16 ms of main-thread work' });
  const { figure: all, ...allAlive } = await tapAliveTimed(page, cdp, 'all');
  alive(allAlive);
  const box = (await all.locator('.act-panel').first().boundingBox())!;
  const moves = await interactionTimes(page, async () => {
    for (let k = 0; k < 8; k++) {
      await page.touchscreen.tap(box.x + 20 + k * ((box.width - 40) / 8), box.y + box.height / 2);
      await page.waitForTimeout(120);
    }
  });
  out.push({ what: `Explorer: 8 taps on the plot (${summary(moves)})`, ms: Math.max(0, ...moves.map((t) => t.paint)), goal: '≤ 16 ms of main-thread work' });
  // Epoch steps through the weight heatmaps (two runs' matrices redrawn a step), once the worker
  // has sent the frames (the page carries only the one on screen).
  await page.goto(`${base}articles/l1-vs-l2-regularization/`, { waitUntil: 'networkidle' });
  const { figure: heat, ...heatAlive } = await tapAliveTimed(page, cdp, 'heat');
  alive(heatAlive);
  const epochs = heat.locator('input[type="range"]');
  await epochs.fill('0');
  await page.waitForFunction(() => /^After epoch 0 of/.test(document.querySelector('#fig-heat [data-testid="heat-epoch"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
  await epochs.fill('50');
  await page.waitForTimeout(1000);
  const frames = await keySteps(page, epochs, 160);
  out.push({ what: `Heatmaps: 8 epoch steps (${summary(frames)})`, ms: Math.max(0, ...frames.map((t) => t.paint)), goal: '≤ 16 ms of main-thread work' });
  await context.close();
  return out;
}

/**
 * Lighthouse (mobile) on one page, in a process of its own. Asynchronous: the static server that
 * answers it runs in this process, and a synchronous child would block it (the page never loads).
 */
const execFileAsync = promisify(execFile);

async function lighthouse(url: string): Promise<Record<string, number>> {
  const { stdout } = await execFileAsync(
    'npx',
    ['--yes', 'lighthouse@13', url, '--quiet', '--output=json', '--only-categories=performance,accessibility,best-practices,seo', '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking'],
    { env: { ...process.env, CHROME_PATH: findChromium() }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as { categories: Record<string, { score: number }>; audits: Record<string, { numericValue: number }> };
  return {
    ...Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)])),
    'FCP ms': Math.round(report.audits['first-contentful-paint'].numericValue),
    'LCP ms': Math.round(report.audits['largest-contentful-paint'].numericValue),
    'TBT ms': Math.round(report.audits['total-blocking-time'].numericValue),
  };
}

const server = await serveStatic(dist, '/', { gzip: true });
const browser = await launchChromium();
try {
  const pages = listPages(dist).filter((p) => !p.startsWith('404') && (!only || only.includes(p)));
  const figures: PageFigures[] = [];
  for (const p of pages) figures.push(await pageFigures(browser, server.url, p));
  const lat = args.has('--load-only') ? [] : await latencies(browser, server.url);
  let lh: Record<string, Record<string, number>> | null = null;
  if (args.has('--lighthouse')) {
    lh = {};
    for (const p of pages) lh[`/${p}`] = await lighthouse(server.url + p);
  }
  if (args.has('--json')) {
    console.log(JSON.stringify({ figures, latencies: lat, lighthouse: lh }, null, 2));
  } else {
    console.log(`Phone: 360 × 740, DPR 3, CPU ${SLOWDOWN}× slower, headless Chromium.\n`);
    console.log('| page | HTML KB | gzip KB | SVG KB | island props KB | DOM elements | JS at load KB | JS after scrolling KB | long tasks at load (ms) | long tasks scrolling (ms) | frames blocking at load: longest, total (ms) | frames blocking scrolling: longest, total (ms) | style, layout at load (ms) | LCP ms | CLS |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const f of figures) {
      console.log(
        `| ${f.page} | ${f.htmlKB} | ${f.htmlGzipKB} | ${f.svgKB} | ${f.propsKB} | ${f.domElements} | ${f.jsAtLoadKB} | ${f.jsAfterScrollKB} | ${f.longTasksAtLoad.join(', ') || 'none'} | ${f.longTasksScrolling.join(', ') || 'none'} | ${blocking(f.blockingFramesAtLoad)} | ${blocking(f.blockingFramesScrolling)} | ${f.styleAtLoadMs}, ${f.layoutAtLoadMs} | ${f.lcpMs} | ${f.cls} |`,
      );
    }
    if (lat.length) console.log('\n| reader action | ms | goal |\n|---|---|---|');
    for (const l of lat) console.log(`| ${l.what} | ${l.ms} | ${l.goal} |`);
    if (lh) {
      console.log('\nLighthouse 13, mobile (simulated slow 4G and 4× CPU), pages served gzip-compressed.\n');
      console.log('| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms |\n|---|---|---|---|---|---|---|---|');
      for (const [p, s] of Object.entries(lh)) console.log(`| ${p} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${s['FCP ms']} | ${s['LCP ms']} | ${s['TBT ms']} |`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
