import type { PlotOptions } from '../../plots/render';
import { PlotView, type DataRows } from './PlotView';

/**
 * A figure drawn twice, for a wide box and for a narrow one (a phone): both drawings are in the
 * build-time HTML and the article's stylesheet shows one of them through `wideClass` and
 * `narrowClass`, so the right one shows before any script runs and nothing jumps. `box`, if
 * given, wraps the pair in a div of that class (e.g. a CSS container to query).
 */
export function DualPlot({ wide, narrow, label, data, wideClass, narrowClass, box }: {
  wide: PlotOptions;
  narrow: PlotOptions;
  label: string;
  data?: DataRows;
  wideClass: string;
  narrowClass: string;
  box?: string;
}) {
  const pair = (
    <>
      <PlotView options={wide} label={label} data={data} class={wideClass} />
      <PlotView options={narrow} label={label} data={data} class={narrowClass} />
    </>
  );
  return box ? <div class={box}>{pair}</div> : pair;
}
