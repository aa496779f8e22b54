import { describe, expect, it } from 'vitest';
import { runSettings } from '../../src/models/regularization/experiment';
import { SOURCE_PROTOCOL } from '../../src/models/regularization/source';
import { summarize } from '../../src/models/regularization/summary';
import { runSweep, SWEEP_LAMBDAS, type SweepOutput } from '../../src/models/regularization/sweep';
import { sweepPlot, sweepRows } from '../../src/plots/regularization/sweep';
import { renderPlot } from '../../src/plots/render';

const settings = { methods: ['l1', 'l2'] as const, runs: 1, lr: SOURCE_PROTOCOL.lr, seed: 4 };

describe('the λ sweep', () => {
  const reports: [number, number, number][] = [];
  const out = runSweep({ ...settings, methods: [...settings.methods] }, (done, total, points) => reports.push([done, total, points.length]));
  const base = { ...SOURCE_PROTOCOL, methods: [] as ('l1' | 'l2' | 'none')[], lambda: 0, seed: 4, runs: 1, offset: null, pruned: false };

  it('is the experiment itself at every λ: the same runs, summarised the same way', () => {
    expect(out.lambdas).toEqual(SWEEP_LAMBDAS);
    expect(out.points.map((p) => [p.method, p.lambda])).toEqual(SWEEP_LAMBDAS.flatMap((l) => [['l1', l], ['l2', l]]));
    for (const lambda of [0.01, 0.3, 10]) {
      for (const method of ['l1', 'l2'] as const) {
        const direct = summarize(runSettings({ ...base, methods: [method], lambda }).runs, [method])[0];
        expect(out.points.find((p) => p.lambda === lambda && p.method === method)).toEqual({ ...direct, lambda });
      }
    }
    expect(out.baseline).toEqual(summarize(runSettings({ ...base, methods: ['none'] }).runs, ['none'])[0]);
  });

  it('reports its progress after the baseline and each penalty at each λ, with the points so far', () => {
    const total = 1 + SWEEP_LAMBDAS.length * 2;
    expect(reports).toEqual(Array.from({ length: total }, (_, k) => [k + 1, total, k]));
  });

  it('draws the mean error with ± one sd on a log λ axis, the baseline dashed, and leaves out what diverged', () => {
    const rows = sweepRows(out, 'error');
    expect(rows).toHaveLength(out.points.length);
    for (const r of rows) expect(r.high - r.value).toBeCloseTo(r.value - r.low, 12);
    const options = sweepPlot(out, 'error');
    expect(options.x).toMatchObject({ type: 'log' });
    const svg = renderPlot(options);
    expect(svg).toContain('stroke-dasharray="4 4"');
    for (const tick of ['0.01', '0.3', '10']) expect(svg).toContain(`>${tick}</text>`);
    const diverged: SweepOutput = { ...out, points: out.points.map((p, i) => (i === 0 ? { ...p, mean: null, sd: null, meanUnitsOff: null, finished: 0, diverged: 1 } : p)) };
    expect(sweepRows(diverged, 'error')).toHaveLength(out.points.length - 1);
    expect(sweepRows(diverged, 'unitsOff')).toHaveLength(out.points.length - 1);
    expect(renderPlot(sweepPlot(diverged, 'unitsOff', { compact: true }))).not.toMatch(/NaN/);
  });
});
