import { parseHTML } from 'linkedom';

/**
 * At build time (and in unit tests) there is no browser: Observable Plot draws into a
 * server-side DOM instead, so every figure is in the HTML before any JavaScript runs.
 * Selected through the `#plot-document` import condition in package.json ("node").
 */
export function plotDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** At build time each figure keeps Plot's `<style>` (see document.browser.ts for the browser). */
export function hoistPlotStyles(_node: Element): void {}
