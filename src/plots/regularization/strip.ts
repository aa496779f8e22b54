/**
 * Pure plot builder shared by the experiment and the prune figures: one row per group of total
 * test errors, each run a dot, with the group's box drawn over the dots so the summary stays
 * readable however many runs there are; and, optionally, the post's own numbers as hollow
 * diamonds on the rows they belong to. Wide, the group names stand left of the rows; narrow (a
 * phone), each name stands above its row, so the rows keep the figure's whole width.
 *
 * The dots are spread up and down inside their row by a fixed, evenly filling sequence (the
 * golden-ratio sequence k·0.618… mod 1, by the run's place in its group), never by a random draw
 * and never beyond the row: at 100 runs a row is a dense band, not a pile spilling into the next.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';
import { FONT_SIZE, MARGIN_BOTTOM, NARROW_WIDTH } from './frame';

export interface StripRow {
  group: string;
  error: number;
}

/** A row with its place in its row: `jitter` from 0 (the top of the dots' band) to 1 (its bottom); no meaning beyond that. */
export interface PlacedRow extends StripRow {
  jitter: number;
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
  /** Numbers drawn as hollow diamonds on their group's row, in the middle of the band (the post's). */
  markers?: readonly StripRow[];
  /** Colour of the markers. */
  markerColor?: string;
}

/** Row heights: wide, the names left of the rows; narrow, 18px of name above 26px of strip, 14px apart. */
export const STRIP_ROW = { wide: 44, narrow: 58 } as const;
/** Narrow drawing: the strip (and its box) between these heights of the 58px row. */
const NARROW_STRIP = { top: 18, bottom: 44 } as const;

/** Dot radius for the most runs in one group: smaller as the rows fill up. */
export function dotRadius(perGroup: number): number {
  return perGroup <= 20 ? 3.5 : perGroup <= 50 ? 3 : 2.5;
}

const GOLDEN = 0.6180339887498949;

/**
 * Each row's place in its row, from the k-th row of its group: (k·0.618… + 0.5) mod 1, so that
 * any number of dots fills the row evenly, the first sits in the middle, and the same run keeps
 * its place when more runs are added. The same in both drawings (the CSV reads it).
 */
export function placeRows(rows: readonly StripRow[]): PlacedRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const k = seen.get(r.group) ?? 0;
    seen.set(r.group, k + 1);
    return { ...r, jitter: (k * GOLDEN + 0.5) % 1 };
  });
}

/** The band a dot's centre may use, as fractions of the row, so the whole dot stays inside the box. */
export function dotBand(compact: boolean, r: number): [number, number] {
  if (!compact) return [0.2, 0.8];
  const h = STRIP_ROW.narrow;
  return [(NARROW_STRIP.top + r + 1) / h, (NARROW_STRIP.bottom - r - 1) / h];
}

export function stripPlot(rows: readonly StripRow[], groups: readonly { label: string; color: string }[], o: StripOptions): PlotOptions {
  const compact = o.compact ?? false;
  const markers = (o.markers ?? []).filter((m) => groups.some((g) => g.label === m.group));
  const max = Math.max(10, ...rows.map((r) => r.error), ...markers.map((m) => m.error));
  const labels = groups.map((g) => g.label);
  const perGroup = Math.max(0, ...labels.map((l) => rows.filter((r) => r.group === l).length));
  const r = dotRadius(perGroup);
  // jitter 0 … 1 spans the part [lo, hi] of the row that keeps every dot inside the box
  const [lo, hi] = dotBand(compact, r);
  const placed = placeRows(rows);
  // Narrow: the top 18px of each 58px row hold its name, the strip's box fills 18–44px right under
  // it, and 14px of space part it from the next row's name.
  const rowHeight = compact ? STRIP_ROW.narrow : STRIP_ROW.wide;
  const box = compact ? { insetTop: NARROW_STRIP.top, insetBottom: rowHeight - NARROW_STRIP.bottom } : { insetTop: 2, insetBottom: 2 };
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
    // inside each row: jitter 0 at the dots' band's top (lo of the row), 1 at its bottom (hi)
    y: { domain: [-lo / (hi - lo), (1 - lo) / (hi - lo)], reverse: true, axis: null },
    fy: { domain: labels, label: null, padding: compact ? 0 : 0.1 },
    color: { domain: labels, range: groups.map((g) => g.color) },
    marks: [
      // the row's band, drawn in no colour: what the browser tests measure the dots against
      Plot.frame({ stroke: 'none', fill: 'none', className: 'reg-strip-row' }),
      // the box plot under the dots: the quartiles' box filled lightly, the whiskers, the median
      Plot.boxX(rows, { x: 'error', fy: 'group', fill: 'group', fillOpacity: 0.15, stroke: 'currentColor', strokeOpacity: 0.7, r: 0, ...box }),
      Plot.dot(placed, { x: 'error', y: 'jitter', fy: 'group', fill: 'group', fillOpacity: 0.75, r, className: 'reg-strip-dot' }),
      // over the dots, the quartiles' box outlined and the median: the summary stays visible however many runs
      Plot.barX(rows, Plot.groupZ({ x1: 'p25', x2: 'p75' }, { x: 'error', fy: 'group', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, className: 'reg-strip-box', ...box })),
      Plot.tickX(rows, Plot.groupZ({ x: 'median' }, { x: 'error', fy: 'group', stroke: 'currentColor', strokeWidth: 2.5, className: 'reg-strip-median', ...box })),
      markers.length
        ? Plot.dot(markers.map((m) => ({ ...m, jitter: 0.5 })), {
            x: 'error', y: 'jitter', fy: 'group', symbol: 'diamond', r: 5.5, fill: 'none', stroke: o.markerColor ?? '#9c6ade', strokeWidth: 2, className: 'reg-strip-source',
          })
        : null,
      // Narrow: the names as the fy axis moved from the row's middle to its top (an axis, so the
      // marks and the CSV read from them are the same in both drawings).
      compact ? Plot.axisFy({ anchor: 'left', textAnchor: 'start', tickSize: 0, dy: 9 - rowHeight / 2, label: null }) : null,
    ],
  };
}
