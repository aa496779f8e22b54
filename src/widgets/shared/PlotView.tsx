import { useCallback, useMemo, useRef } from 'preact/hooks';
import { renderPlot, type PlotOptions } from '../../plots/render';
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
  /** The numbers behind the figure, offered as CSV by the figure's toolbar (default: read from the marks' data). */
  data?: DataRows;
  class?: string;
}

/**
 * An Observable Plot figure. At build time it renders into the static HTML; after hydration it
 * keeps that markup (Preact does not touch innerHTML while hydrating) and redraws on change.
 */
export function PlotView({ options, label, data, class: className }: Props) {
  const svg = useMemo(() => renderPlot(options), [options]);
  // The rows are read when the reader asks for them, from the latest options; the element gets its
  // reader as it is attached (a ref runs while the island hydrates, before an effect would), so the
  // toolbar finds it as soon as the figure is live.
  const latest = useRef({ data, options });
  latest.current = { data, options };
  const attach = useCallback((el: PlotElement | null) => {
    if (el) el.nnData = () => latest.current.data ?? rowsFromPlot(latest.current.options);
  }, []);
  return (
    <div
      ref={attach}
      class={`nn-plot ${className ?? ''}`}
      role="img"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
