import type { PlotOptions } from '../../plots/render';
import type { DataRows } from '../shared/PlotView';
import type { ComponentChildren } from 'preact';
import { DualPlot as SharedDualPlot, type Side } from '../shared/DualPlot';

/**
 * The shared DualPlot, switched by a CSS container query on the box it sits in
 * (regularization.css), not the screen: the narrow drawing is about as wide as a phone's figure
 * box, so it is hardly scaled down and its text stays legible (at least 11px on a 360px screen);
 * the wide one shows only where it fits at ≥ 11px too. `small`: the wide drawing is at most
 * 448px wide, so it keeps its text legible down to a 24rem box.
 */
export function DualPlot({ wide, narrow, label, data, small, overlay }: {
  wide: PlotOptions;
  narrow: PlotOptions;
  label: string;
  data?: DataRows;
  small?: boolean;
  overlay?: (side: Side, className: string) => ComponentChildren;
}) {
  return (
    <SharedDualPlot wide={wide} narrow={narrow} label={label} data={data} wideClass="reg-wide" narrowClass="reg-narrow" box={small ? 'reg-dual reg-dual-small' : 'reg-dual'} overlay={overlay} />
  );
}

/** The drawing on screen inside `root` (its main SVG, after any legend swatches) and whether it is the narrow one. */
export function shownDrawing(root: Element): { svg: SVGSVGElement; narrow: boolean } | null {
  const plot = [...root.querySelectorAll<HTMLElement>('.nn-plot')].find((p) => p.getClientRects().length > 0);
  const svgs = plot?.querySelectorAll<SVGSVGElement>('svg');
  const svg = svgs?.[svgs.length - 1];
  return plot && svg ? { svg, narrow: plot.classList.contains('reg-narrow') } : null;
}
