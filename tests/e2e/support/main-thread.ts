import type { Page } from 'playwright-core';

/** Main-thread time of one interaction, from a Chromium trace, in milliseconds. */
export interface MainThreadWork {
  /** Every top-level task on the page's main thread. */
  total: number;
  /** The page's own code: event handlers, timers, animation frames, microtasks (the figure's handler, its render, the formulas' update). */
  script: number;
  /** What the browser does with the result: style, layout, paint, layerize, hit tests. */
  rendering: number;
}

const SCRIPT = new Set(['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'V8.Execute']);
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'HitTest', 'UpdateLayer']);

/**
 * Runs `act` under a trace and sums the main thread's work until `settle` ms after it: top-level
 * tasks, and within them the page's script and the browser's rendering (each event counted once,
 * at the outermost of its kind).
 */
export async function measureMainThread(page: Page, act: () => Promise<unknown>, settle = 400): Promise<MainThreadWork> {
  const cdp = await page.context().newCDPSession(page);
  const events: { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as typeof events)));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await act();
  await page.waitForTimeout(settle);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!thread) throw new Error('no renderer main thread in the trace');
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined);
  /** Sum of the events in `names` not nested in another of them. */
  const outermost = (names: Set<string>) => {
    const picked = own.filter((e) => names.has(e.name)).sort((a, b) => a.ts - b.ts);
    let sum = 0;
    let end = -Infinity;
    for (const e of picked) {
      if (e.ts >= end) {
        sum += e.dur!;
        end = e.ts + e.dur!;
      }
    }
    return sum / 1000;
  };
  return { total: outermost(new Set(['RunTask'])), script: outermost(SCRIPT), rendering: outermost(RENDERING) };
}
