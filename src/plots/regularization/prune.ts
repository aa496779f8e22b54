/** Pure plot builder: a strip plot with a box per group of total test errors. */
import type { PlotOptions } from '../render';
import { stripPlot } from './strip';

export interface ErrorGroup {
  label: string;
  color: string;
  values: readonly (number | null)[];
}

export function groupRows(groups: readonly ErrorGroup[]): { group: string; error: number }[] {
  return groups.flatMap((g) => g.values.filter((v): v is number => v !== null && Number.isFinite(v)).map((error) => ({ group: g.label, error })));
}

export function groupsStripPlot(groups: readonly ErrorGroup[], { compact = false }: { compact?: boolean } = {}): PlotOptions {
  return stripPlot(groupRows(groups), groups, { label: 'total test error', marginLeft: 240, compact });
}
