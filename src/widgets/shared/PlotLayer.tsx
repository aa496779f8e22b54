import type { ComponentChildren } from 'preact';

/**
 * A layer drawn over a plot (a cursor, a probe): an SVG of the plot's own size and viewBox,
 * placed over its top-left corner and scaled alike (src/styles/figures.css: .nn-plot-layer; the plot's box
 * must be positioned). What moves in it is redrawn without redrawing the plot beneath.
 */
export function PlotLayer({ width, height, class: className, children }: { width: number; height: number; class?: string; children?: ComponentChildren }) {
  return (
    <svg class={`nn-plot-layer ${className ?? ''}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      {children}
    </svg>
  );
}
