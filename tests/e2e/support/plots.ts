import type { Page } from 'playwright-core';

/** A text of a figure's plot, as drawn on screen. */
export interface DrawnText {
  figure: string;
  text: string;
  /** Font size on screen: the computed font size times the SVG's scale (rendered width / viewBox width). */
  px: number;
  /** Its box on screen, and whether that box lies inside the plot's own box (which clips what is outside). */
  box: { left: number; top: number; right: number; bottom: number };
  inside: boolean;
}

/** Every text drawn in the plots of the given figures (selectors), as on screen: the drawing shown, wide or narrow. */
export async function drawnTexts(page: Page, figures: readonly string[]): Promise<DrawnText[]> {
  return page.evaluate((figures) => {
    const out: DrawnText[] = [];
    for (const figure of figures) {
      for (const plot of document.querySelectorAll<HTMLElement>(`${figure} .nn-plot`)) {
        if (plot.getClientRects().length === 0) continue; // the drawing for the other screen size
        const clip = plot.getBoundingClientRect();
        for (const svg of plot.querySelectorAll('svg')) {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          for (const t of svg.querySelectorAll('text')) {
            const text = t.textContent?.trim() ?? '';
            if (!text) continue;
            const r = t.getBoundingClientRect();
            out.push({
              figure,
              text,
              px: parseFloat(getComputedStyle(t).fontSize) * scale,
              box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
              inside: r.left >= clip.left - 0.5 && r.right <= clip.right + 0.5 && r.top >= clip.top - 0.5 && r.bottom <= clip.bottom + 0.5,
            });
          }
        }
      }
    }
    return out;
  }, figures);
}

/** Pairs of texts of one figure whose boxes overlap (by more than a pixel each way). */
export function overlaps(texts: DrawnText[]): string[] {
  const found: string[] = [];
  texts.forEach((a, i) =>
    texts.slice(0, i).forEach((b) => {
      if (a.figure !== b.figure) return;
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (w > 1 && h > 1) found.push(`${a.figure}: "${a.text}" over "${b.text}"`);
    }),
  );
  return found;
}

/**
 * The visible drawing of a figure as lines of tag, sorted attributes and text (the same markup reads
 * the same whether the HTML parser or a script made it), and how many of its elements outside the
 * live marks carry the tag `kept` (set by `tagFrame`).
 */
export async function drawingOf(page: Page, selector: string, svg = 'svg'): Promise<{ markup: string[]; frame: number; kept: number }> {
  return page.locator(`${selector} .nn-plot:visible ${svg}`).first().evaluate((svg) => {
    const markup = [svg, ...svg.querySelectorAll('*')].map((e) =>
      [e.tagName.toLowerCase(), ...[...e.attributes].map((a) => `${a.name}=${a.value}`).sort(), e.children.length ? '' : e.textContent].join(' '),
    );
    const frame = [svg, ...svg.querySelectorAll('*')].filter((e) => !e.closest('g.nn-live'));
    return { markup, frame: frame.length, kept: frame.filter((e) => (e as Element & { nnKept?: boolean }).nnKept).length };
  });
}

/** Tags every element of a figure's visible drawing outside its live marks (see `drawingOf`); returns how many. */
export async function tagFrame(page: Page, selector: string, svg = 'svg'): Promise<number> {
  return page.locator(`${selector} .nn-plot:visible ${svg}`).first().evaluate((svg) => {
    const frame = [svg, ...svg.querySelectorAll('*')].filter((e) => !e.closest('g.nn-live'));
    for (const e of frame) (e as Element & { nnKept?: boolean }).nnKept = true;
    return frame.length;
  });
}

/**
 * The live marks of a drawing (`g.<liveClass>`, see src/plots/render.ts) as text: each element's tag,
 * attributes (sorted, as a parser may order them differently) and text. Self-contained, the class
 * coming in as an argument, so a test can run it in the page and on the build's drawing alike.
 */
export function liveMarkup(root: Element, liveClass: string): string {
  const out: string[] = [];
  for (const g of root.querySelectorAll(`g.${liveClass}`)) {
    for (const el of [g, ...g.querySelectorAll('*')]) {
      const attributes = [...el.attributes].map((a) => `${a.name}=${a.value}`).sort();
      out.push([el.tagName.toLowerCase(), ...attributes, el.children.length ? '' : el.textContent].join(' '));
    }
  }
  return out.join('\n');
}
