/** In the browser Observable Plot draws into the page's own document. */
export function plotDocument(): Document {
  return document;
}

/** The style sheets Plot puts in every figure it draws, each already copied once into the page's head. */
const hoisted = new Set<string>();

/**
 * Moves the `<style>` elements Plot adds to every drawing (the same few rules each time) into one
 * `<style data-plot>` each in the page's head. Left in the figure, each redraw would remove and
 * insert style sheets, and the browser re-indexes the whole page's style rules every time (several
 * ms per slider step). The figure toolbar copies them back into a downloaded SVG.
 */
export function hoistPlotStyles(node: Element): void {
  for (const style of node.querySelectorAll('style')) {
    const css = style.textContent ?? '';
    if (!hoisted.has(css)) {
      hoisted.add(css);
      const sheet = document.createElement('style');
      sheet.dataset.plot = '';
      sheet.textContent = css;
      document.head.append(sheet);
    }
    style.remove();
  }
}
