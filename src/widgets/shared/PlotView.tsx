import { useCallback, useLayoutEffect, useRef } from 'preact/hooks';
import { drawPlot, liveMarkup, redrawLive, type Drawing, type PlotOptions } from '../../plots/render';
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

/** What the drawing on screen was drawn from, and the last full drawing (whose scales a live redraw keeps). */
interface Drawn {
  options: PlotOptions;
  full: Drawing;
  /** The first drawing's markup: what the element is given once (in the HTML, or when it mounts). */
  html: string;
  /** Whether the drawing in the element is known to be the browser's own (see below). */
  own: boolean;
}

/**
 * An Observable Plot figure. At build time it renders into the static HTML; after hydration it
 * keeps that markup (Preact does not touch innerHTML while hydrating, and the markup it is given
 * never changes after the first drawing) and redraws on change, before the browser paints: only
 * the live marks when the options allow it (`redrawLive`), else the whole drawing.
 */
export function PlotView({ options, label, data, class: className }: Props) {
  const box = useRef<PlotElement>(null);
  const drawn = useRef<Drawn | null>(null);
  if (!drawn.current) {
    const full = drawPlot(options);
    drawn.current = { options, full, html: full.outerHTML, own: false };
  }
  useLayoutEffect(() => {
    const d = drawn.current!;
    const el = box.current;
    if (!el || d.options === options) return;
    // A drawing from the build is redrawn in part only if the browser draws it alike (it does not
    // on a screen where Plot moves marks by half a pixel; then the first change redraws it all).
    d.own ||= liveMarkup(el) === liveMarkup(d.full);
    if (!d.own || !redrawLive(el, d.full, d.options, options)) {
      d.full = drawPlot(options);
      el.replaceChildren(d.full);
      d.own = true;
    }
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
      dangerouslySetInnerHTML={{ __html: drawn.current.html }}
    />
  );
}
