import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';

/** The frame both training figures share: sizes (wide or phone), margins, and an epoch x-axis. */
function epochFrame(compact: boolean, heights: [wide: number, narrow: number], epochs: number): PlotOptions {
  return {
    width: compact ? 320 : 620,
    height: compact ? heights[1] : heights[0],
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 38,
    style: { background: 'transparent', fontSize: '12px' },
    x: { domain: [0, Math.max(1, epochs)], label: 'epoch', tickFormat: 'd' },
  };
}

export interface DeadPoint {
  series: string;
  epoch: number;
  dead: number;
}

/** Dead hidden units after each epoch, one line per activation. */
export function deadUnitsPlot(
  points: readonly DeadPoint[],
  { units, epochs, colors, compact = false }: { units: number; epochs: number; colors: Readonly<Record<string, string>>; compact?: boolean },
): PlotOptions {
  const data = points.filter((p) => Number.isFinite(p.dead) && Number.isFinite(p.epoch));
  const color = (d: DeadPoint) => colors[d.series] ?? 'currentColor';
  return {
    ...epochFrame(compact, [260, 240], epochs),
    y: { domain: [0, units], label: compact ? `dead units (of ${units})` : `dead hidden units (of ${units})`, grid: true },
    color: { type: 'identity' },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
      Plot.line(data, { x: 'epoch', y: 'dead', z: 'series', stroke: color, strokeWidth: 2.25, curve: 'step-after' }),
    ],
  };
}

export interface SlopePoint {
  unit: string;
  /** 1-based hidden layer of the unit (colours the line). */
  layer: number;
  epoch: number;
  a: number;
}

/** Each PReLU unit's slope a over training, starting from the initial value. */
export function slopeTracePlot(
  points: readonly SlopePoint[],
  { epochs, initial = 0.25, colors, compact = false, followed }: { epochs: number; initial?: number; colors: readonly string[]; compact?: boolean; followed?: string },
): PlotOptions {
  const data = points.filter((p) => Number.isFinite(p.a) && Number.isFinite(p.epoch));
  const as = data.map((p) => p.a);
  const lo = Math.min(-0.1, initial, ...as);
  const hi = Math.max(0.6, initial, ...as);
  const color = (d: SlopePoint) => colors[(d.layer - 1) % colors.length];
  return {
    ...epochFrame(compact, [280, 260], epochs),
    // room above the top tick (often 0.6, at the very top) for the axis label
    marginTop: 30,
    y: { domain: [lo, hi], label: 'slope a of each unit', grid: true },
    color: { type: 'identity' },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
      Plot.ruleY([initial], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4,4' }),
      Plot.line(data, { x: 'epoch', y: 'a', z: 'unit', stroke: color, strokeWidth: 1.6, strokeOpacity: 0.9 }),
      // the unit whose last step the formulas write out, drawn over the others
      ...(followed ? [Plot.line(data.filter((p) => p.unit === followed), { x: 'epoch', y: 'a', stroke: color, strokeWidth: 3.5 })] : []),
    ],
  };
}
