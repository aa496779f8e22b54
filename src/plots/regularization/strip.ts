/**
 * Pure plot builder shared by the experiment and the prune figures: one strip of dots per group
 * of total test errors, with its box. Wide, the group names stand left of the strips; narrow
 * (a phone), each name stands above its strip, so the strips keep the figure's whole width.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';
import { FONT_SIZE, MARGIN_BOTTOM, NARROW_WIDTH } from './frame';

export interface StripRow {
  group: string;
  error: number;
}

export interface StripOptions {
  /** Axis label under the strips (wide, and narrow unless `narrowLabel` is given). */
  label: string;
  narrowLabel?: string;
  /** Room for the group names left of the strips in the wide drawing. */
  marginLeft: number;
  /** Width of the wide drawing (the narrow one is NARROW_WIDTH). */
  wideWidth?: number;
  compact?: boolean;
}

export function stripPlot(rows: readonly StripRow[], groups: readonly { label: string; color: string }[], o: StripOptions): PlotOptions {
  const compact = o.compact ?? false;
  const max = Math.max(10, ...rows.map((r) => r.error));
  const labels = groups.map((g) => g.label);
  // Narrow: the top 18px of each 58px row hold its name, the strip's box fills 18–44px right under
  // it (2px below the row's middle), and 14px of space part it from the next row's name.
  const rowHeight = compact ? 58 : 44;
  const shift = compact ? { dy: 2, insetTop: 16, insetBottom: 16 } : {};
  const marginTop = 10;
  return {
    width: compact ? NARROW_WIDTH : (o.wideWidth ?? 640),
    height: marginTop + MARGIN_BOTTOM + rowHeight * groups.length,
    style: { fontSize: FONT_SIZE },
    marginTop,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: compact ? 12 : o.marginLeft,
    marginRight: compact ? 16 : 20,
    x: { domain: [0, max * 1.05], label: compact ? (o.narrowLabel ?? o.label) : o.label, grid: true },
    fy: { domain: labels, label: null, ...(compact && { padding: 0 }) },
    color: { domain: labels, range: groups.map((g) => g.color) },
    marks: [
      Plot.boxX(rows, { x: 'error', fy: 'group', stroke: 'currentColor', strokeOpacity: 0.5, fill: 'group', fillOpacity: 0.12, r: 0, ...shift }),
      Plot.dot(rows, Plot.dodgeY('middle', { x: 'error', fy: 'group', fill: 'group', r: 3.5, padding: 1, ...(compact && { dy: shift.dy }) })),
      // Narrow: the names as the fy axis moved from the row's middle to its top (an axis, so the
      // marks and the CSV read from them are the same in both drawings).
      compact ? Plot.axisFy({ anchor: 'left', textAnchor: 'start', tickSize: 0, dy: 9 - rowHeight / 2, label: null }) : null,
    ],
  };
}
