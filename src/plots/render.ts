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
  return node.outerHTML;
}
