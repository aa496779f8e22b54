/**
 * Runs `f` once the main thread is next idle (`requestIdleCallback`; after 200 ms where a browser has
 * none) and returns what cancels it: for work a reader need not wait for, such as starting a figure's
 * worker or measuring a table.
 */
export function whenIdle(f: () => void): () => void {
  if (window.requestIdleCallback) {
    const handle = window.requestIdleCallback(f);
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(f, 200);
  return () => clearTimeout(handle);
}
