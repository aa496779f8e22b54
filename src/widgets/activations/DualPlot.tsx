import type { PlotOptions } from '../../plots/render';
import { PlotView } from '../shared/PlotView';

/**
 * A figure drawn twice, for wide and for narrow screens, and switched by CSS: both versions are in
 * the build-time HTML, so the right one shows before any JavaScript runs and nothing jumps.
 */
export function DualPlot({ wide, narrow, label }: { wide: PlotOptions; narrow: PlotOptions; label: string }) {
  return (
    <>
      <PlotView options={wide} label={label} class="act-only-wide" />
      <PlotView options={narrow} label={label} class="act-only-narrow" />
    </>
  );
}
