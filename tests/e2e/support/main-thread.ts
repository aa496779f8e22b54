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
 * at the outermost of its kind). Work is the thread's own running time (the trace's thread
 * duration), not time on the clock, which a busy machine stretches while the thread waits for a core.
 */
export async function measureMainThread(page: Page, act: () => Promise<unknown>, settle = 400): Promise<MainThreadWork> {
  const own = await traceMainThread(page, act, settle);
  /** Sum of the events in `names` not nested in another of them. */
  const outermost = (names: Set<string>) => {
    const picked = own.filter((e) => names.has(e.name)).sort((a, b) => a.ts - b.ts);
    let sum = 0;
    let end = -Infinity;
    for (const e of picked) {
      if (e.ts >= end) {
        sum += e.tdur ?? e.dur!;
        end = e.ts + e.dur!;
      }
    }
    return sum / 1000;
  };
  return { total: outermost(new Set(['RunTask'])), script: outermost(SCRIPT), rendering: outermost(RENDERING) };
}

/** One task of the main thread: how long it took (wall) and how much of that the thread ran (CPU), in ms. */
export interface MainThreadTask {
  wall: number;
  cpu: number;
}

/**
 * The main thread's tasks longer than `over` ms of its own running time while `act` runs and
 * `settle` ms after. A long task in the reader's sense is the page keeping its thread busy; on a
 * busy machine (two test files on two cores) a short task can take long on the clock while the thread
 * waits for a core, so the thread's own time (the trace's thread duration) is what is compared.
 */
export async function longTasks(page: Page, act: () => Promise<unknown>, over = 50, settle = 300): Promise<MainThreadTask[]> {
  return (await tasksAndWorkers(page, act, over, settle)).long;
}

/**
 * The main thread's long tasks (as `longTasks`) and the page's dedicated workers' own running time
 * (ms, the sum of their tasks' thread durations) while `act` runs and `settle` ms after: what a
 * computation in a worker costs, which the clock overstates on a busy machine.
 */
export async function tasksAndWorkers(page: Page, act: () => Promise<unknown>, over = 50, settle = 300): Promise<{ long: MainThreadTask[]; workerMs: number }> {
  const events = await traceRenderer(page, act, settle);
  const long = threadEvents(events, 'CrRendererMain')
    .filter((e) => e.name === 'RunTask')
    .map((e) => ({ wall: e.dur! / 1000, cpu: (e.tdur ?? e.dur!) / 1000 }))
    .filter((t) => t.cpu > over);
  const workerMs = threadEvents(events, 'DedicatedWorker thread')
    .filter((e) => e.name === 'RunTask')
    .reduce((sum, e) => sum + (e.tdur ?? e.dur!) / 1000, 0);
  return { long, workerMs };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The complete events of the page's main thread while `act` runs and `settle` ms after. */
async function traceMainThread(page: Page, act: () => Promise<unknown>, settle: number): Promise<TraceEvent[]> {
  return threadEvents(await traceRenderer(page, act, settle), 'CrRendererMain');
}

/** The complete events ('X') of the threads named `name` in the page's renderer process. */
function threadEvents(events: TraceEvent[], name: string): TraceEvent[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const tids = new Set(events.filter((e) => e.name === 'thread_name' && e.pid === main.pid && e.args?.name === name).map((e) => e.tid));
  return events.filter((e) => e.pid === main.pid && tids.has(e.tid) && e.ph === 'X' && e.dur !== undefined);
}

/** Every event of a trace taken while `act` runs and `settle` ms after. */
async function traceRenderer(page: Page, act: () => Promise<unknown>, settle: number): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await act();
  await page.waitForTimeout(settle);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}
