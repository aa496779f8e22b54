import { useCallback, useLayoutEffect, useRef } from 'preact/hooks';
import { drawPlot, redrawLive, renderPlot, type Drawing, type PlotOptions } from '../../plots/render';
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

/** What the drawing on screen was drawn from, and the last drawing this browser made of it whole (whose scales a live redraw keeps). */
interface Drawn {
  options: PlotOptions;
  /** Null while the element holds the build's drawing: nothing has changed since the island hydrated. */
  full: Drawing | null;
  /** The markup the element is given once: the drawing on the server, nothing in the browser (see below). */
  html: string;
}

/**
 * An Observable Plot figure. At build time it renders into the static HTML. In the browser it
 * draws nothing while the island hydrates: the element already holds the build's drawing (Preact
 * does not touch innerHTML while hydrating, and the markup it is given never changes), and Plot,
 * on a phone, took a third to a half of a figure's hydration to draw it again. A figure mounted
 * afresh is drawn before the browser paints. On a change the figure is redrawn before the browser
 * paints: the first time whole (this browser's own drawing, whose scales later changes keep; on a
 * screen of one device pixel per CSS pixel Plot also places marks half a pixel off the build's),
 * then only the live marks when the options allow it (`redrawLive`), else whole again.
 */
export function PlotView({ options, label, data, class: className }: Props) {
  const box = useRef<PlotElement>(null);
  const drawn = useRef<Drawn | null>(null);
  drawn.current ??= { options, full: null, html: import.meta.env.SSR ? renderPlot(options) : '' };
  useLayoutEffect(() => {
    const d = drawn.current!;
    const el = box.current;
    if (!el) return;
    const drawWhole = () => {
      d.full = drawPlot(options);
      el.replaceChildren(d.full);
    };
    // mounted in the browser, not hydrated: nothing drawn yet
    if (!d.full && !el.firstElementChild) drawWhole();
    else if (d.options !== options && !(d.full && redrawLive(el, d.full, d.options, options))) drawWhole();
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
