/** Pure plot builder: a strip plot with a box per group of total test errors. */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';

export interface ErrorGroup {
  label: string;
  color: string;
  values: readonly (number | null)[];
}

export function groupRows(groups: readonly ErrorGroup[]): { group: string; error: number }[] {
  return groups.flatMap((g) => g.values.filter((v): v is number => v !== null && Number.isFinite(v)).map((error) => ({ group: g.label, error })));
}

export function groupsStripPlot(groups: readonly ErrorGroup[], width = 640): PlotOptions {
  const rows = groupRows(groups);
  const max = Math.max(10, ...rows.map((r) => r.error));
  return {
    width,
    height: 50 + 44 * groups.length,
    marginLeft: 210,
    x: { domain: [0, max * 1.05], label: 'total test error', grid: true },
    fy: { domain: groups.map((g) => g.label), label: null },
    color: { domain: groups.map((g) => g.label), range: groups.map((g) => g.color) },
    marks: [
      Plot.boxX(rows, { x: 'error', fy: 'group', stroke: 'currentColor', strokeOpacity: 0.5, fill: 'group', fillOpacity: 0.12, r: 0 }),
      Plot.dot(rows, Plot.dodgeY('middle', { x: 'error', fy: 'group', fill: 'group', r: 3.5, padding: 1 })),
    ],
  };
}
