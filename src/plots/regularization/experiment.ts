/**
 * Pure plot builders for the experiment figure: the data with every run's fitted line, the
 * training curves (data loss and penalty, separately), and the strip/box plot of the total
 * test error per method. Non-finite values never reach a mark. Each comes wide (560px) or
 * `compact` (a phone's width, see DualPlot.tsx), both with 13px text.
 */
import * as Plot from '@observablehq/plot';
import type { Method } from '@neural-notes/nn';
import { live, type PlotOptions } from '../render';
import { FONT_SIZE, MARGIN_BOTTOM, MARGIN_TOP, NARROW_WIDTH } from './frame';
import { stripPlot } from './strip';
import { fitGrid, type CompactData, type CompactRun } from '../../models/regularization/experiment';
import { METHOD_COLORS, METHOD_LABELS } from './labels';

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function colorScale(methods: readonly Method[]) {
  return {
    domain: methods.map((m) => METHOD_LABELS[m]),
    range: methods.map((m) => METHOD_COLORS[m]),
    legend: true,
  };
}

export interface FitPoint {
  x: number;
  y: number;
  role: 'train' | 'test';
  outlier: boolean;
}

/** The dataset as plot rows. */
export function dataPoints(data: CompactData): FitPoint[] {
  const roles = new Map<number, 'train' | 'test'>();
  data.train.forEach((i) => roles.set(i, 'train'));
  data.test.forEach((i) => roles.set(i, 'test'));
  const outliers = new Set(data.outliers);
  return data.x.map((x, i) => ({ x, y: data.y[i], role: roles.get(i) ?? 'train', outlier: outliers.has(i) }));
}

/** Rows of every finished run's fitted line (diverged runs are left out); `range`: the grid's x-range when it is not [0, 10]. */
export function fitRows(runs: readonly CompactRun[], range?: readonly [number, number]): { x: number; y: number; key: string; method: string }[] {
  const rows: { x: number; y: number; key: string; method: string }[] = [];
  for (const r of runs) {
    if (r.status !== 'ok' || r.fit.length === 0) continue;
    const grid = fitGrid(r.fit.length, range);
    r.fit.forEach((y, k) => {
      if (finite(y)) rows.push({ x: grid[k], y, key: `${r.method}-${r.run}`, method: METHOD_LABELS[r.method] });
    });
  }
  return rows;
}

export function fitPlot(data: CompactData, runs: readonly CompactRun[], methods: readonly Method[], { compact = false }: { compact?: boolean } = {}): PlotOptions {
  const points = dataPoints(data).filter((p) => finite(p.y));
  const ys = points.map((p) => p.y);
  // The generated data's usual box; a reader's own data gets a box around its points.
  const range = data.xRange;
  const pad = (lo: number, hi: number): [number, number] => {
    const m = (hi - lo) * 0.05 || 1;
    return [lo - m, hi + m];
  };
  const xDomain = range ? pad(range[0], range[1]) : [0, 10];
  const yDomain = range ? pad(Math.min(...ys), Math.max(...ys)) : [-2, Math.max(25, ...ys) + 2];
  const key = points.map((p) => `${p.x},${p.y},${p.role}${p.outlier ? ',outlier' : ''}`).join(' ');
  return {
    width: compact ? NARROW_WIDTH : 560,
    style: { fontSize: FONT_SIZE },
    height: compact ? 260 : 310,
    marginTop: MARGIN_TOP,
    marginLeft: 40,
    marginRight: 20,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: xDomain, label: 'x' },
    y: { domain: yDomain, label: 'y', grid: true },
    color: colorScale(methods),
    // Everything but the fitted lines follows the data alone: a rerun on the same data redraws only the lines.
    live: { frame: `fit ${compact ? 'narrow' : 'wide'} ${methods.join(',')} ${xDomain.join(',')} ${yDomain.join(',')} ${key}` },
    marks: [
      Plot.line(fitRows(runs, range), { x: 'x', y: 'y', z: 'key', stroke: 'method', strokeWidth: 1.5, strokeOpacity: 0.75, clip: true, className: live('fits') }),
      Plot.dot(points.filter((p) => p.role === 'train'), { x: 'x', y: 'y', r: 3, fill: 'currentColor', fillOpacity: 0.55 }),
      Plot.dot(points.filter((p) => p.role === 'test'), { x: 'x', y: 'y', r: 3.5, stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.dot(points.filter((p) => p.outlier), { x: 'x', y: 'y', r: 6.5, stroke: 'var(--danger)', strokeWidth: 1.2 }),
    ],
  };
}

export interface CurveRow {
  epoch: number;
  value: number;
  term: 'data loss' | 'penalty';
  key: string;
  method: string;
}

/** Per-epoch mean cost per step, one row per run, epoch and term (finite values only). */
export function curveRows(runs: readonly CompactRun[], stride = 1): CurveRow[] {
  const rows: CurveRow[] = [];
  const keep = (e: number, n: number) => e % stride === 0 || e === n - 1;
  for (const r of runs) {
    const key = `${r.method}-${r.run}`;
    const method = METHOD_LABELS[r.method];
    r.dataLoss.forEach((v, e) => keep(e, r.dataLoss.length) && finite(v) && rows.push({ epoch: e + 1, value: v, term: 'data loss', key, method }));
    r.penalty.forEach((v, e) => keep(e, r.penalty.length) && finite(v) && rows.push({ epoch: e + 1, value: v, term: 'penalty', key, method }));
  }
  return rows;
}

/** One term of the cost (data loss or penalty) per epoch, one line per run. */
export function curvesPlot(
  runs: readonly CompactRun[],
  methods: readonly Method[],
  epochs: number,
  term: CurveRow['term'] = 'data loss',
  { compact = false }: { compact?: boolean } = {},
): PlotOptions {
  // Every second epoch is plenty for the eye and halves the drawing work with many runs.
  const rows = curveRows(runs, runs.length > 10 ? 2 : 1).filter((r) => r.term === term);
  // The y domain as Plot would find it from the rows (from zero, made nice), found here so that it
  // can name the frame: reruns whose curves reach about as high redraw only their curves.
  let top = 0;
  for (const r of rows) top = Math.max(top, r.value);
  const yDomain = rows.length ? (Plot.scale({ y: { domain: [0, top], nice: true } }).domain as number[]) : undefined;
  return {
    width: compact ? NARROW_WIDTH : 560,
    style: { fontSize: FONT_SIZE },
    height: compact ? 180 : 192,
    marginTop: MARGIN_TOP,
    marginLeft: 44,
    marginRight: 20,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [1, epochs], label: 'epoch' },
    y: yDomain ? { label: `${term}, mean per step`, grid: true, domain: yDomain } : { label: `${term}, mean per step`, grid: true, nice: true, zero: true },
    color: { ...colorScale(methods), legend: false },
    live: yDomain ? { frame: `curves ${term} ${compact ? 'narrow' : 'wide'} ${methods.join(',')} ${epochs} ${yDomain.join(',')}` } : undefined,
    marks: [Plot.line(rows, { x: 'epoch', y: 'value', z: 'key', stroke: 'method', strokeWidth: 1.2, strokeOpacity: 0.75, className: live('curves') })],
  };
}

export interface ErrorRow {
  group: string;
  error: number;
  run: number;
}

/** Row names of the source's pruned shape, (1,10),(10,10),(10,1),(1,1), retrained here with L1 or L2. */
export const PRUNED_LABELS = { l1: 'post’s pruned shape, L1', l2: 'post’s pruned shape, L2' } as const;
export const PRUNED_COLORS = { l1: '#e8590c', l2: '#1971c2' } as const;
/** Colour of the post's own numbers (hollow diamonds). */
export const SOURCE_COLOR = '#9c6ade';

/** The label of a run's row: its penalty, or the pruned shape with its penalty. */
export function rowLabel(r: CompactRun): string {
  return r.pruned ? PRUNED_LABELS[r.method as 'l1' | 'l2'] : METHOD_LABELS[r.method];
}

/** One row per finished run, of the full network and (when given) of the pruned shape. */
export function errorRows(runs: readonly CompactRun[], prunedRuns: readonly CompactRun[] = []): ErrorRow[] {
  return [...runs, ...prunedRuns].filter((r) => finite(r.testError)).map((r) => ({ group: rowLabel(r), error: r.testError as number, run: r.run }));
}

/**
 * The post's numbers as markers: its five L1 totals on the L1 row, its five totals of the pruned
 * shape on both pruned rows (its prose implies L1, its published file trains that shape with L2).
 */
export function sourceMarkers(sourceL1: readonly number[], sourcePruned: readonly number[]): { group: string; error: number }[] {
  return [
    ...sourceL1.map((error) => ({ group: METHOD_LABELS.l1, error })),
    ...sourcePruned.flatMap((error) => [{ group: PRUNED_LABELS.l1, error }, { group: PRUNED_LABELS.l2, error }]),
  ];
}

export function errorsPlot(
  runs: readonly CompactRun[], methods: readonly Method[], source: { l1: readonly number[]; pruned: readonly number[] },
  { compact = false, prunedRuns = [], testPoints = 10 }: { compact?: boolean; prunedRuns?: readonly CompactRun[]; testPoints?: number } = {},
): PlotOptions {
  const groups = [
    ...methods.map((m) => ({ label: METHOD_LABELS[m], color: METHOD_COLORS[m] })),
    ...(prunedRuns.length ? (['l1', 'l2'] as const).map((m) => ({ label: PRUNED_LABELS[m], color: PRUNED_COLORS[m] })) : []),
  ];
  return stripPlot(errorRows(runs, prunedRuns), groups, {
    label: `total test error (sum of |y − prediction| over the ${testPoints} test point${testPoints === 1 ? '' : 's'})`,
    narrowLabel: `total test error (${testPoints} test point${testPoints === 1 ? '' : 's'})`,
    marginLeft: 170,
    wideWidth: 560,
    compact,
    markers: sourceMarkers(source.l1, source.pruned),
    markerColor: SOURCE_COLOR,
  });
}
