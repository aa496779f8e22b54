import type { Page } from 'playwright-core';

/**
 * Holds the page's timers of one delay (`setTimeout` and `setInterval` with exactly `ms`), so a test
 * decides when they fall due: e.g. that Play's next tick falls due in the same moment as a press on
 * Pause. Other timers run as usual. Call before the timers are set.
 */
export async function holdTimers(page: Page, ms: number): Promise<{
  /** How many held timers are live (set and not cleared; an interval stays live after it fires). */
  live(): Promise<number>;
  /** Fires the oldest live timer, after clicking `pressFirst` (a selector) in the same task if given. */
  fire(pressFirst?: string): Promise<void>;
}> {
  await page.evaluate((delay) => {
    type Held = { fn: () => void; repeat: boolean };
    const held = new Map<number, Held>();
    const real = { setTimeout: window.setTimeout.bind(window), setInterval: window.setInterval.bind(window), clearTimeout: window.clearTimeout.bind(window), clearInterval: window.clearInterval.bind(window) };
    let next = 1e9;
    const hold = (repeat: boolean, realSet: (fn: () => void, ms?: number) => number) =>
      ((fn: () => void, wait?: number) => {
        if (wait !== delay) return realSet(fn, wait);
        held.set(next, { fn, repeat });
        return next++;
      }) as typeof window.setTimeout;
    const clear = (realClear: (id?: number) => void) => ((id?: number) => {
      if (id === undefined || !held.delete(id)) realClear(id);
    }) as typeof window.clearTimeout;
    window.setTimeout = hold(false, real.setTimeout);
    window.setInterval = hold(true, real.setInterval);
    window.clearTimeout = clear(real.clearTimeout);
    window.clearInterval = clear(real.clearInterval);
    (window as unknown as { __held: Map<number, Held> }).__held = held;
  }, ms);
  return {
    live: () => page.evaluate(() => (window as unknown as { __held: Map<number, unknown> }).__held.size),
    fire: (pressFirst) =>
      page.evaluate((selector) => {
        const held = (window as unknown as { __held: Map<number, { fn: () => void; repeat: boolean }> }).__held;
        if (selector) document.querySelector<HTMLElement>(selector)!.click();
        const [id, timer] = [...held][0];
        if (!timer.repeat) held.delete(id);
        timer.fn();
      }, pressFirst),
  };
}
