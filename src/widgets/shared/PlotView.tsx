import { useCallback, useLayoutEffect, useRef } from 'preact/hooks';
import { drawPlot, drawsLikeBuild, redrawLive, scaleSignature, type PlotOptions } from '../../plots/render';
import { rowsFromPlot } from '../../plots/plot-data';

/** Rows a figure can hand to its "Download CSV" action (see src/components/figure-actions.ts). */
export type DataRows = readonly Record<string, string | number | boolean | null>[];

/** The element property through which a figure's rows reach the CSV export (computed on demand). */
export interface PlotElement extends HTMLDivElement {
  nnData?: () => DataRows;
}

interface Props {
  /** Options from a pure builder in src/plots; memoise them so the figure redraws only on change. */
  options: PlotOptions;
  /** What the figure shows, for screen readers. */
  label: string;
  /**
   * The numbers behind the figure, offered as CSV by the figure's toolbar (default: read from the
   * marks' data); a function is called only when the reader asks for them.
   */
  data?: DataRows | (() => DataRows);
  class?: string;
}

/** What the drawing on screen was drawn from, and the signature of the scales of the last whole drawing in it (which a live redraw keeps). */
interface Drawn {
  options: PlotOptions;
  /**
   * The scales' signature of the last drawing made whole: the build's, written in the page, while
   * the element holds the build's drawing (on a screen where Plot draws as the build does), then
   * this browser's; null where the next change must draw whole; undefined until the element is seen.
   */
  scales: string | null | undefined;
  /** The markup the element is given once: the drawing on the server, nothing in the browser (see below). */
  html: string;
  /** On the server: the build's scales (`scaleSignature`), written on the element as data-nn-scales. */
  builtScales?: string;
}

/**
 * An Observable Plot figure. At build time it renders into the static HTML, with the signature of
 * its scales. In the browser it draws nothing while the island hydrates: the element already holds
 * the build's drawing (Preact does not touch innerHTML while hydrating, and the markup it is given
 * never changes), and Plot, on a phone, took a third to a half of a figure's hydration to draw it
 * again. A figure mounted afresh is drawn before the browser paints. On a change the figure is
 * redrawn before the browser paints: only its live marks when the options allow it (`redrawLive`),
 * else whole. The build's drawing takes live marks at once where Plot draws as the build does
 * (`drawsLikeBuild`: any screen of more than one device pixel per CSS pixel, phones among them);
 * on other screens Plot places marks half a pixel off the build's, and the first change draws the
 * figure whole.
 */
export function PlotView({ options, label, data, class: className }: Props) {
  const box = useRef<PlotElement>(null);
  const drawn = useRef<Drawn | null>(null);
  if (!drawn.current) {
    const built = import.meta.env.SSR ? drawPlot(options) : null;
    drawn.current = { options, scales: undefined, html: built?.outerHTML ?? '', builtScales: built ? scaleSignature(built) : undefined };
  }
  useLayoutEffect(() => {
    const d = drawn.current!;
    const el = box.current;
    if (!el) return;
    const drawWhole = () => {
      const node = drawPlot(options);
      d.scales = scaleSignature(node);
      el.replaceChildren(node);
    };
    if (d.scales === undefined) {
      // hydrated: the build's drawing is there, with its scales; mounted in the browser: nothing drawn yet
      d.scales = el.firstElementChild && drawsLikeBuild ? el.dataset.nnScales ?? null : null;
      if (!el.firstElementChild) drawWhole();
    }
    if (d.options !== options && !(d.scales && redrawLive(el, d.scales, d.options, options))) drawWhole();
    d.options = options;
  }, [options]);
  // The rows are read when the reader asks for them, from the latest options; the element gets its
  // reader as it is attached (a ref runs while the island hydrates, before an effect would), so the
  // toolbar finds it as soon as the figure is live.
  const latest = useRef({ data, options });
  latest.current = { data, options };
  const attach = useCallback((el: PlotElement | null) => {
    box.current = el;
    if (el) {
      el.nnData = () => {
        const { data: given, options: now } = latest.current;
        return (typeof given === 'function' ? given() : given) ?? rowsFromPlot(now);
      };
    }
  }, []);
  return (
    <div
      ref={attach}
      class={`nn-plot ${className ?? ''}`}
      role="img"
      aria-label={label}
      data-nn-scales={drawn.current.builtScales}
      dangerouslySetInnerHTML={{ __html: drawn.current.html }}
    />
  );
}
