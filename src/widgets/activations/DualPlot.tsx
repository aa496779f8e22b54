import type { PlotOptions } from '../../plots/render';
import { DualPlot as SharedDualPlot } from '../shared/DualPlot';

/** The shared DualPlot, switched by a container query on its box (activations.css: act-dual, act-only-wide / act-only-narrow). */
export function DualPlot({ wide, narrow, label }: { wide: PlotOptions; narrow: PlotOptions; label: string }) {
  return <SharedDualPlot wide={wide} narrow={narrow} label={label} wideClass="act-only-wide" narrowClass="act-only-narrow" box="act-dual" />;
}
