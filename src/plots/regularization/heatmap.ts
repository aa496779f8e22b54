/**
 * Pure plot builder for the weight heatmaps: every layer's weight matrix side by side, rows =
 * inputs (fan-in), columns = outputs (fan-out), on a diverging scale with zero neutral. Hidden
 * units that a penalty switched off are outlined: their column in the matrix feeding them and
 * their row in the matrix they feed.
 */
import * as Plot from '@observablehq/plot';
import { live, setTrimmed, type PlotOptions } from '../render';
import { FONT_SIZE, NARROW_WIDTH } from './frame';

/** A box in cell units, from (x1, y1) to (x2, y2). */
export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export interface HeatCell extends Box {
  layer: number;
  i: number;
  j: number;
  w: number;
}

export interface HeatLayout {
  /** Left edge of each matrix in cell units. */
  offsets: number[];
  /** Top edge of each matrix in cell units. */
  tops: number[];
  width: number;
  height: number;
}

const GAP = 1.6;
/** Between two rows of matrices: room for the lower row's labels, in cell units. */
const ROW_GAP = 2.4;

/**
 * Where each matrix goes: `perRow` matrices side by side in a row (all of them by default; two
 * on a phone, so that four matrices fit its width with cells still large enough to see).
 */
export function heatLayout(sizes: readonly number[], perRow = sizes.length - 1): HeatLayout {
  const count = sizes.length - 1;
  const offsets: number[] = [];
  const tops: number[] = [];
  let top = 0;
  let width = 0;
  for (let first = 0; first < count; first += perRow) {
    let x = 0;
    let rowHeight = 0;
    for (let l = first; l < Math.min(count, first + perRow); l++) {
      offsets.push(x);
      tops.push(top);
      x += sizes[l + 1] + GAP;
      rowHeight = Math.max(rowHeight, sizes[l]);
    }
    width = Math.max(width, x - GAP);
    top += rowHeight + ROW_GAP;
  }
  return { offsets, tops, width, height: top - ROW_GAP };
}

/** One rect per weight; non-finite weights are left out. */
export function heatCells(sizes: readonly number[], weights: readonly (readonly number[])[], perRow?: number): HeatCell[] {
  const { offsets, tops } = heatLayout(sizes, perRow);
  const cells: HeatCell[] = [];
  for (let l = 0; l < sizes.length - 1; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    for (let i = 0; i < fanIn; i++) {
      for (let j = 0; j < fanOut; j++) {
        const w = weights[l]?.[i * fanOut + j];
        if (!Number.isFinite(w)) continue;
        cells.push({ layer: l, i, j, w, x1: offsets[l] + j, x2: offsets[l] + j + 1, y1: tops[l] + i, y2: tops[l] + i + 1 });
      }
    }
  }
  return cells;
}

/**
 * The numbers behind the heatmaps, for the figure's CSV: every weight by matrix, row (input) and
 * column (output), counted from 1 — the same whichever drawing (wide or narrow) is on screen.
 */
export function heatRows(sizes: readonly number[], weights: readonly (readonly number[])[]): { matrix: string; row: number; column: number; weight: number }[] {
  return heatCells(sizes, weights).map((c) => ({ matrix: `W${c.layer + 1}`, row: c.i + 1, column: c.j + 1, weight: c.w }));
}

/** Outline boxes for switched-off hidden units: removed[h] lists units of hidden layer h + 1. */
export function deadOutlines(sizes: readonly number[], removed: readonly (readonly number[])[], perRow?: number): Box[] {
  const { offsets, tops } = heatLayout(sizes, perRow);
  const boxes: Box[] = [];
  removed.forEach((units, h) => {
    const into = h; // matrix feeding hidden layer h + 1
    const out = h + 1; // matrix it feeds
    for (const j of units) {
      boxes.push({ x1: offsets[into] + j, x2: offsets[into] + j + 1, y1: tops[into], y2: tops[into] + sizes[h] });
      boxes.push({ x1: offsets[out], x2: offsets[out] + sizes[h + 2], y1: tops[out] + j, y2: tops[out] + j + 1 });
    }
  });
  return boxes;
}

type KeyLabel = { x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end' };

/**
 * The colour key drawn with marks (a continuous legend would need a canvas at build time): a bar
 * of `length` cells at `top`, named in one line beside it, or (compact) with its ends and middle
 * labelled underneath and "weight" beside it.
 */
export function colorKey(
  maxAbs: number,
  top: number,
  steps = 40,
  length = 12,
  compact = false,
): { cells: (Box & { w: number })[]; labels: KeyLabel[] } {
  const cells = Array.from({ length: steps }, (_, k) => ({
    x1: (k * length) / steps,
    x2: ((k + 1) * length) / steps,
    y1: top,
    y2: top + 0.8,
    w: -maxAbs + ((k + 0.5) * 2 * maxAbs) / steps,
  }));
  const y = top + 0.4;
  const fmt = (v: number) => (v === 0 ? '0' : v.toFixed(1).replace('-', '−'));
  if (compact) {
    const below = top + 0.8 + 0.9;
    return {
      cells,
      labels: [
        { x: 0, y: below, text: fmt(-maxAbs), anchor: 'start' },
        { x: length / 2, y: below, text: '0', anchor: 'middle' },
        { x: length, y: below, text: fmt(maxAbs), anchor: 'end' },
        { x: length + 0.5, y, text: 'weight', anchor: 'start' },
      ],
    };
  }
  return {
    cells,
    labels: [{ x: length + 0.4, y, text: `weight, from ${fmt(-maxAbs)} (red) through 0 (no colour) to ${fmt(maxAbs)} (blue)`, anchor: 'start' }],
  };
}

/** A weight's colour: its sign's hue, as opaque as it is large (so 0 is the card's own colour, light or dark). */
export const NEGATIVE = '#b2182b';
export const POSITIVE = '#2166ac';
export function weightFill(w: number): string {
  return w < 0 ? NEGATIVE : POSITIVE;
}
export function weightOpacity(w: number, maxAbs: number): number {
  return Math.min(1, Math.abs(w) / maxAbs);
}

const cellCount = (sizes: readonly number[]) => sizes.slice(1).reduce((n, fanOut, l) => n + sizes[l] * fanOut, 0);

/** Gives each cell of a drawn heatmap its weight's colour, as Plot would (false, untouched, if the cells do not pair up). */
function recolour(group: Element, cells: readonly HeatCell[], maxAbs: number): boolean {
  const rects = group.children;
  if (rects.length !== cells.length) return false;
  cells.forEach((c, i) => {
    const rect = rects[i];
    const fill = weightFill(c.w);
    if (rect.getAttribute('fill') !== fill) rect.setAttribute('fill', fill);
    setTrimmed(rect, 'fill-opacity', weightOpacity(c.w, maxAbs), 'opacity');
  });
  return true;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Gives the outlines' group one rect per box, placed as Plot places a rect mark's rects on these
 * scales (no insets: from the smaller end, as long as the two ends are apart), in Plot's order of
 * attributes (false, untouched, when there is no box: Plot then draws no group).
 */
function reoutline(group: Element, boxes: readonly Box[], x: (v: number) => number, y: (v: number) => number): boolean {
  const rects = [...group.children];
  if (boxes.length === 0 || rects.some((r) => r.tagName.toLowerCase() !== 'rect' || r.attributes.length !== 4)) return false;
  while (rects.length > boxes.length) rects.pop()!.remove();
  while (rects.length < boxes.length) rects.push(group.appendChild(group.ownerDocument.createElementNS(SVG, 'rect')));
  boxes.forEach((b, i) => {
    const [x1, x2, y1, y2] = [x(b.x1), x(b.x2), y(b.y1), y(b.y2)];
    const place: [string, number][] = [['x', Math.min(x1, x2)], ['y', Math.min(y1, y2)], ['width', Math.max(0, Math.abs(x2 - x1))], ['height', Math.max(0, Math.abs(y1 - y2))]];
    for (const [name, value] of place) setTrimmed(rects[i], name, value, 'pixels');
  });
  return true;
}

export interface HeatmapOptions {
  /** Colour scale runs from −maxAbs to +maxAbs. */
  maxAbs: number;
  width?: number;
  title?: string;
  /** The drawing for a phone (see frame.ts): the matrices two to a row, the key labelled underneath. */
  compact?: boolean;
}

/**
 * The weight matrices of one run. The weights and the outlines of switched-off units are live
 * marks: stepping through the epochs or moving the threshold redraws only them (`redrawLive`).
 */
export function heatmapPlot(
  sizes: readonly number[],
  weights: readonly (readonly number[])[],
  removed: readonly (readonly number[])[],
  { maxAbs, compact = false, width = compact ? NARROW_WIDTH : 640 }: HeatmapOptions,
): PlotOptions {
  const perRow = compact ? 2 : sizes.length - 1;
  const layout = heatLayout(sizes, perRow);
  const cells = heatCells(sizes, weights, perRow);
  const m = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 1;
  // Wide, the last matrix is one column: its label is wider than it, so the right margin holds the rest.
  const marginRight = compact ? 10 : 34;
  const [marginLeft, marginTop, marginBottom] = [10, 20, 10];
  const inner = width - marginLeft - marginRight;
  const keyTop = layout.height + 1.2;
  const rows = keyTop + (compact ? 2.4 : 1.2); // matrices, then the colour key underneath
  const height = Math.round((inner * rows) / layout.width) + 30;
  const outlines = deadOutlines(sizes, removed, perRow);
  const [areas, rest] = frameMarks(sizes, perRow, layout, keyTop, m, compact);
  return {
    width,
    height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: { fontSize: FONT_SIZE },
    x: { domain: [0, layout.width], axis: null },
    y: { domain: [0, rows], reverse: true, axis: null },
    live: {
      frame: `heatmap ${width} ${compact ? 'compact' : 'wide'} ${sizes.join(',')} ${m}`,
      // Every weight a number: the cells are where they were, one per weight in order, and only their colours change.
      patch: {
        ...(cells.length === cellCount(sizes) && { [live('weights')]: (group: Element) => recolour(group, cells, m) }),
        // the outlines placed on the frame's scales, made as Plot makes them
        [live('outlines')]: (group) => {
          const x = Plot.scale({ x: { domain: [0, layout.width], range: [marginLeft, width - marginRight] } });
          const y = Plot.scale({ y: { domain: [0, rows], reverse: true, range: [height - marginBottom, marginTop] } });
          return reoutline(group, outlines, (v) => x.apply(v) as number, (v) => y.apply(v) as number);
        },
      },
      // Within a frame the outlines follow only which units are off: an epoch step leaves them be.
      data: { [live('outlines')]: removed.map((units) => units.join(',')).join(';') },
    },
    marks: [
      areas,
      Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: (d: { w: number }) => weightFill(d.w), fillOpacity: (d: { w: number }) => weightOpacity(d.w, m), inset: 0.5, className: live('weights') }),
      Plot.rect(outlines, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', stroke: 'var(--fg)', strokeWidth: 1.5, strokeDasharray: '3,2', fill: 'none', className: live('outlines') }),
      ...rest,
    ],
  };
}

/** The marks that do not follow the weights, by everything they show: made once, not on every epoch step. */
const framesMade = new Map<string, readonly [Plot.Markish, readonly Plot.Markish[]]>();

/**
 * The heatmap's marks that stay while the reader steps through the epochs (each matrix's area, its
 * label, the colour key): the same for these sizes, layout and colour scale, so they are made once
 * and used again (Plot only reads a mark; a step then makes only the two live marks).
 */
function frameMarks(sizes: readonly number[], perRow: number, layout: HeatLayout, keyTop: number, m: number, compact: boolean): readonly [Plot.Markish, readonly Plot.Markish[]] {
  const id = `${sizes.join(',')} ${perRow} ${compact} ${m}`;
  const made = framesMade.get(id);
  if (made) return made;
  const key = colorKey(m, keyTop, 40, 12, compact);
  const labels = layout.offsets.map((x, l) => ({ x: x + sizes[l + 1] / 2, y: layout.tops[l] - 0.4, text: `W${l + 1} (${sizes[l]},${sizes[l + 1]})` }));
  const marks = [
    // each matrix's area, faintly, so a matrix of near-zero weights still shows its shape
    Plot.rect(
      layout.offsets.map((x, l) => ({ x1: x, x2: x + sizes[l + 1], y1: layout.tops[l], y2: layout.tops[l] + sizes[l] })),
      { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'currentColor', fillOpacity: 0.07 },
    ),
    [
      Plot.text(labels, { x: 'x', y: 'y', text: 'text', fill: 'currentColor', lineAnchor: 'bottom' }),
      Plot.rect([{ x1: key.cells[0].x1, x2: key.cells[key.cells.length - 1].x2, y1: key.cells[0].y1, y2: key.cells[0].y2 }], { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'currentColor', fillOpacity: 0.07 }),
      Plot.rect(key.cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: (d: { w: number }) => weightFill(d.w), fillOpacity: (d: { w: number }) => weightOpacity(d.w, m) }),
      ...(['start', 'middle', 'end'] as const).map((anchor) =>
        Plot.text(
          key.labels.filter((l) => l.anchor === anchor),
          { x: 'x', y: 'y', text: 'text', fill: 'currentColor', textAnchor: anchor },
        ),
      ),
    ],
  ] as const;
  // a figure shows a few frames (two runs, two sizes); a reader's other settings make others
  if (framesMade.size >= 16) framesMade.clear();
  framesMade.set(id, marks);
  return marks;
}
