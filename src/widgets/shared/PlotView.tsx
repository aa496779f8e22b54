import { useMemo } from 'preact/hooks';
import { renderPlot, type PlotOptions } from '../../plots/render';

interface Props {
  /** Options from a pure builder in src/plots; memoise them so the figure redraws only on change. */
  options: PlotOptions;
  /** What the figure shows, for screen readers. */
  label: string;
  class?: string;
}

/**
 * An Observable Plot figure. At build time it renders into the static HTML; after hydration it
 * keeps that markup (Preact does not touch innerHTML while hydrating) and redraws on change.
 */
export function PlotView({ options, label, class: className }: Props) {
  const svg = useMemo(() => renderPlot(options), [options]);
  return <div class={`nn-plot ${className ?? ''}`} role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}
