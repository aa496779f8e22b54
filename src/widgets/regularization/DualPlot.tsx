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

/**
 * Where a pointer event on an element holding a DualPlot is, in the own pixel units of the drawing
 * on screen (its main SVG, after any legend swatches), with that drawing's frame from `frames`;
 * null when no drawing is on screen or it has no size.
 */
export function pointerInDrawing<T extends Record<Side, { readonly width: number; readonly height: number }>>(
  e: PointerEvent,
  frames: T,
): { x: number; y: number; frame: T[Side] } | null {
  const root = e.currentTarget as Element;
  const plot = [...root.querySelectorAll<HTMLElement>('.nn-plot')].find((p) => p.getClientRects().length > 0);
  const svgs = plot?.querySelectorAll<SVGSVGElement>('svg');
  const svg = svgs?.[svgs.length - 1];
  if (!plot || !svg) return null;
  const frame: T[Side] = plot.classList.contains('reg-narrow') ? frames.narrow : frames.wide;
  const r = svg.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  return { x: ((e.clientX - r.left) * frame.width) / r.width, y: ((e.clientY - r.top) * frame.height) / r.height, frame };
}
