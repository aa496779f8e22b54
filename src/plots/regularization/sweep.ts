/**
 * Pure plot builder for the λ sweep: a summary of the runs per penalty against λ on a log axis —
 * the mean total test error with ± one sd, against the unpenalised runs' mean (dashed), or the
 * hidden units switched off. Points whose runs all diverged are left out (the table says so).
 */
import * as Plot from '@observablehq/plot';
import type { Method } from '@neural-notes/nn';
import type { SweepOutput } from '../../models/regularization/sweep';
import type { PlotOptions } from '../render';
import { FONT_SIZE, MARGIN_BOTTOM, MARGIN_TOP, NARROW_WIDTH } from './frame';
import { METHOD_COLORS, METHOD_LABELS } from './labels';

export type SweepMeasure = 'error' | 'unitsOff';

export interface SweepRow {
  method: string;
  lambda: number;
  value: number;
  low: number;
  high: number;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** One row per penalty and λ whose runs gave a number (with ± one sd for the error). */
export function sweepRows(out: SweepOutput, measure: SweepMeasure): SweepRow[] {
  return out.points.flatMap((p) => {
    const value = measure === 'error' ? p.mean : p.meanUnitsOff;
    if (!finite(value)) return [];
    const sd = measure === 'error' && finite(p.sd) ? p.sd : 0;
    return [{ method: METHOD_LABELS[p.method], lambda: p.lambda, value, low: value - sd, high: value + sd }];
  });
}

export function sweepPlot(out: SweepOutput, measure: SweepMeasure, { compact = false }: { compact?: boolean } = {}): PlotOptions {
  const methods: readonly Method[] = out.settings.methods;
  const rows = sweepRows(out, measure);
  const baseline = measure === 'error' ? out.baseline.mean : out.baseline.meanUnitsOff;
  const lambdas = [...out.lambdas];
  return {
    width: compact ? NARROW_WIDTH : 560,
    height: compact ? 230 : 260,
    style: { fontSize: FONT_SIZE },
    marginTop: MARGIN_TOP,
    marginLeft: 44,
    marginRight: 20,
    marginBottom: MARGIN_BOTTOM,
    x: { type: 'log', domain: [lambdas[0] / 1.4, lambdas[lambdas.length - 1] * 1.4], ticks: compact ? lambdas.filter((_, i) => i % 2 === 0) : lambdas, tickFormat: (v: number) => String(v), label: 'λ' },
    y: measure === 'error' ? { label: 'total test error, mean ± sd', grid: true, nice: true, zero: true } : { label: 'hidden units off (of 30)', grid: true, domain: [0, 30] },
    color: { domain: methods.map((m) => METHOD_LABELS[m]), range: methods.map((m) => METHOD_COLORS[m]), legend: true },
    marks: [
      ...(finite(baseline) ? [Plot.ruleY([baseline], { stroke: 'currentColor', strokeOpacity: 0.55, strokeDasharray: '4 4' })] : []),
      ...(measure === 'error' ? [Plot.ruleX(rows, { x: 'lambda', y1: 'low', y2: 'high', stroke: 'method', strokeOpacity: 0.6 })] : []),
      Plot.line(rows, { x: 'lambda', y: 'value', z: 'method', stroke: 'method', strokeWidth: 1.5 }),
      Plot.dot(rows, { x: 'lambda', y: 'value', fill: 'method', r: 3.5 }),
    ],
  };
}
