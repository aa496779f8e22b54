import type { PlotOptions } from '../../plots/render';
import { DualPlot as SharedDualPlot } from '../shared/DualPlot';

/** The shared DualPlot, switched by this article's media query (activations.css: act-only-wide / act-only-narrow). */
export function DualPlot({ wide, narrow, label }: { wide: PlotOptions; narrow: PlotOptions; label: string }) {
  return <SharedDualPlot wide={wide} narrow={narrow} label={label} wideClass="act-only-wide" narrowClass="act-only-narrow" />;
}
