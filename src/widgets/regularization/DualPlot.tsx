import type { PlotOptions } from '../../plots/render';
import { PlotView, type DataRows } from '../shared/PlotView';

/**
 * A figure drawn twice, for a wide box and for a narrow one (a phone), and switched by a CSS
 * container query on the box it sits in (regularization.css): both drawings are in the
 * build-time HTML, so the right one shows before any script runs and nothing jumps. The narrow
 * drawing is about as wide as a phone's figure box, so it is hardly scaled down and its text stays
 * legible (at least 11px on a 360px screen); the wide one shows only where it fits at ≥ 11px too.
 */
export function DualPlot({ wide, narrow, label, data, small }: { wide: PlotOptions; narrow: PlotOptions; label: string; data?: DataRows; small?: boolean }) {
  // `small`: the wide drawing is at most 440px wide, so it keeps its text legible down to a 24rem box.
  return (
    <div class={small ? 'reg-dual reg-dual-small' : 'reg-dual'}>
      <PlotView options={wide} label={label} data={data} class="reg-wide" />
      <PlotView options={narrow} label={label} data={data} class="reg-narrow" />
    </div>
  );
}

/** The drawing on screen inside `root` (its main SVG, after any legend swatches) and whether it is the narrow one. */
export function shownDrawing(root: Element): { svg: SVGSVGElement; narrow: boolean } | null {
  const plot = [...root.querySelectorAll<HTMLElement>('.nn-plot')].find((p) => p.getClientRects().length > 0);
  const svgs = plot?.querySelectorAll<SVGSVGElement>('svg');
  const svg = svgs?.[svgs.length - 1];
  return plot && svg ? { svg, narrow: plot.classList.contains('reg-narrow') } : null;
}
