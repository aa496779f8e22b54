import * as Plot from '@observablehq/plot';
import { hoistPlotStyles, plotDocument } from '#plot-document';

/** Plot options as built by the pure builders in src/plots (no `document`: that is ours to add). */
export type PlotOptions = Omit<Plot.PlotOptions, 'document'>;

/**
 * Draws a figure and returns its markup. The same call runs at build time (server DOM) and in
 * the browser, so the figure in the HTML and the figure after hydration come from one code path.
 */
export function renderPlot(options: PlotOptions): string {
  const node = Plot.plot({ ...options, document: plotDocument() }) as Element;
  // The figure is labelled as a whole (PlotView gives it role="img" and a label); Plot's own
  // aria-labels on inner groups have no role to belong to, so they are dropped.
  for (const el of node.querySelectorAll('[aria-label]')) {
    if (!el.getAttribute('role')) el.removeAttribute('aria-label');
  }
  node.querySelector('svg')?.removeAttribute('aria-label');
  if (node.tagName.toLowerCase() === 'svg') node.removeAttribute('aria-label');
  hoistPlotStyles(node);
  trimNumbers(node);
  return node.outerHTML;
}

/** Attributes whose numbers are positions or sizes in pixels (a tenth of a pixel is below what a screen shows). */
const PIXELS = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'd', 'points', 'transform'];
/** Attributes whose numbers are opacities (two decimals are 1% steps). */
const OPACITIES = ['opacity', 'fill-opacity', 'stroke-opacity'];
const DECIMAL = /-?(?:\d*\.\d+|\d+)(?:e[-+]?\d+)?/gi;
/** Worth rewriting: a fraction or an exponent. */
const FRACTIONAL = /\.\d|\de[-+]?\d/i;

/**
 * Writes a drawing's numbers to a tenth of a pixel (and opacities to a hundredth) instead of the
 * 15 digits Plot computes: the same picture in about a third less markup (the page carries every
 * figure drawn at build time). Build and browser trim alike, so their drawings stay identical.
 */
export function trimNumbers(root: Element): void {
  const round = (digits: number) => (text: string) => {
    const v = Number(text);
    if (!Number.isFinite(v)) return text;
    const r = Number(v.toFixed(digits));
    return String(r === 0 ? 0 : r);
  };
  const tenth = round(1);
  const hundredth = round(2);
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.tagName.toLowerCase() === 'svg') continue; // its viewBox and size stay exact
    for (const name of PIXELS) {
      const value = el.getAttribute(name);
      if (value && FRACTIONAL.test(value)) el.setAttribute(name, value.replace(DECIMAL, tenth));
    }
    for (const name of OPACITIES) {
      const value = el.getAttribute(name);
      if (value && FRACTIONAL.test(value)) el.setAttribute(name, value.replace(DECIMAL, hundredth));
    }
  }
}
