import { describe, expect, it } from 'vitest';
import { renderPlot } from '../../src/plots/render';
import { curveRows, curvesPlot, dataPoints, errorRows, errorsPlot, fitPlot, fitRows } from '../../src/plots/regularization/experiment';
import { deadOutlines, heatCells, heatLayout, heatmapPlot } from '../../src/plots/regularization/heatmap';
import { groupRows, groupsStripPlot } from '../../src/plots/regularization/prune';
import { geometryPlot, toData } from '../../src/plots/regularization/geometry';
import { outliersPlot } from '../../src/plots/regularization/outliers';
import { DEFAULT_SETTINGS, runSettings, SOURCE_L1_ERRORS, type CompactRun } from '../../src/widgets/regularization/logic';
import { leastAbsoluteLine, leastSquaresLine, optimumPath, penalizedOptimum, quadraticLoss } from '@neural-notes/nn';
import { DEFAULT_QUADRATIC, lossLevelSet, penaltyFor, penaltyLevelSet } from '../../src/widgets/regularization/geometry';
import { basePoints, TRUE_LINE } from '../../src/widgets/regularization/outliers';

const out = runSettings({ ...DEFAULT_SETTINGS, methods: ['l1', 'l2'], runs: 2 });
const diverged: CompactRun = { ...out.runs[0], run: 9, status: 'diverged', testError: null, fit: [], dataLoss: [NaN], penalty: [Infinity] };

describe('experiment plots', () => {
  it('marks every point, train and test, with outliers flagged', () => {
    const pts = dataPoints(out.data);
    expect(pts).toHaveLength(50);
    expect(pts.filter((p) => p.role === 'test')).toHaveLength(10);
    expect(pts.filter((p) => p.outlier)).toHaveLength(10);
  });

  it('leaves diverged runs and non-finite values out of every mark', () => {
    const runs = [...out.runs, diverged];
    expect(fitRows(runs).every((r) => Number.isFinite(r.y))).toBe(true);
    expect(new Set(fitRows(runs).map((r) => r.key)).size).toBe(4);
    expect(curveRows(runs).every((r) => Number.isFinite(r.value))).toBe(true);
    expect(errorRows(runs).map((r) => r.run)).not.toContain(9);
  });

  it('adds the source numbers as their own group', () => {
    const rows = errorRows(out.runs, { label: 'src', errors: SOURCE_L1_ERRORS });
    expect(rows.filter((r) => r.group === 'src').map((r) => r.error)).toEqual([...SOURCE_L1_ERRORS]);
  });

  it('renders to SVG without NaN', () => {
    for (const options of [fitPlot(out.data, out.runs, ['l1', 'l2']), curvesPlot(out.runs, ['l1', 'l2'], 100, 'penalty'), errorsPlot(out.runs, ['l1', 'l2'], SOURCE_L1_ERRORS)]) {
      const svg = renderPlot(options);
      expect(svg).toContain('<svg');
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });

  it('curve rows can be thinned to every other epoch, keeping the last', () => {
    const rows = curveRows([out.runs[0]], 2).filter((r) => r.term === 'data loss');
    expect(rows.map((r) => r.epoch).slice(0, 3)).toEqual([1, 3, 5]);
    expect(rows[rows.length - 1].epoch).toBe(100);
  });
});

describe('heatmap plot', () => {
  const sizes = [1, 10, 10, 10, 1];
  it('lays the four matrices side by side', () => {
    const layout = heatLayout(sizes);
    expect(layout.offsets).toHaveLength(4);
    expect(layout.height).toBe(10);
    const cells = heatCells(sizes, [Array(10).fill(0.1), Array(100).fill(0), Array(100).fill(-0.1), Array(10).fill(NaN)]);
    expect(cells).toHaveLength(210); // the NaN layer is left out
  });
  it('outlines a switched-off unit in both matrices it touches', () => {
    const boxes = deadOutlines(sizes, [[3], [], []]);
    expect(boxes).toHaveLength(2);
    expect(boxes[0].x2 - boxes[0].x1).toBe(1); // its column in W1
    expect(boxes[1].y2 - boxes[1].y1).toBe(1); // its row in W2
  });
  it('renders with a symmetric scale and no NaN', () => {
    const svg = renderPlot(heatmapPlot(sizes, [Array(10).fill(0.5), Array(100).fill(0), Array(100).fill(-0.5), Array(10).fill(1)], [[0], [], []], { maxAbs: NaN }));
    expect(svg).not.toMatch(/NaN/);
  });
});

describe('prune strip plot', () => {
  it('skips runs that did not finish', () => {
    expect(groupRows([{ label: 'a', color: 'red', values: [1, null, 2] }])).toEqual([
      { group: 'a', error: 1 },
      { group: 'a', error: 2 },
    ]);
    expect(renderPlot(groupsStripPlot([{ label: 'a', color: 'red', values: [1, null, 2] }]))).not.toMatch(/NaN/);
  });
});

describe('penalty geometry', () => {
  const q = DEFAULT_QUADRATIC;
  it('without a penalty the optimum is the loss minimum', () => {
    const w = penalizedOptimum(q, penaltyFor('l2', 0, 0.5));
    expect(w[0]).toBeCloseTo(q.center[0], 9);
    expect(w[1]).toBeCloseTo(q.center[1], 9);
    expect(quadraticLoss(q, q.center)).toBe(0);
  });
  it('L1 puts a weight at exactly 0 for a large enough λ; L2 only shrinks', () => {
    expect(penalizedOptimum(q, penaltyFor('l1', 1, 0.5))[1]).toBe(0);
    const l2 = penalizedOptimum(q, penaltyFor('l2', 1, 0.5));
    expect(l2[0]).not.toBe(0);
    expect(l2[1]).not.toBe(0);
    expect(Math.hypot(...l2)).toBeLessThan(Math.hypot(...q.center));
  });
  it('the path starts at the loss minimum and ends at the origin for L1', () => {
    const path = optimumPath(q, 'l1', 0.5, 3);
    expect(path[0].w).toEqual(q.center);
    expect(path[path.length - 1].w).toEqual([0, 0]);
  });
  it('level sets: the L1 diamond touches the axes at the level, the L2 circle has radius √(2c/λ)', () => {
    const diamond = penaltyLevelSet(penaltyFor('l1', 1, 0.5), 1);
    expect(diamond[0][0]).toBeCloseTo(1, 12);
    const circle = penaltyLevelSet(penaltyFor('l2', 2, 0.5), 1);
    for (const [a, b] of circle) expect(Math.hypot(a, b)).toBeCloseTo(1, 12);
    expect(penaltyLevelSet(penaltyFor('l1', 0, 0.5), 1)).toEqual([]);
    for (const p of lossLevelSet(q, 0.5)) expect(quadraticLoss(q, p)).toBeCloseTo(0.5, 10);
  });
  it('maps pointer pixels to weights and renders without NaN', () => {
    const [x, y] = toData(36, 36);
    expect(x).toBeCloseTo(-1.5, 12);
    expect(y).toBeCloseTo(2.5, 12);
    const svg = renderPlot(geometryPlot({ lossCurves: [lossLevelSet(q, 1)], penaltyCurve: penaltyLevelSet(penaltyFor('l1', 1, 0.5), 0.6), path: [[NaN, 0]], optimum: [0.6, 0], center: q.center, probe: null, color: 'red' }));
    expect(svg).not.toMatch(/NaN/);
  });
});

describe('outliers and the loss', () => {
  const base = basePoints();
  it('both fits recover the line without outliers', () => {
    expect(leastSquaresLine(base)?.slope).toBeCloseTo(TRUE_LINE.slope, 0);
    expect(leastAbsoluteLine(base)?.slope).toBeCloseTo(TRUE_LINE.slope, 0);
  });
  it('outliers pull the squared-loss line much more than the absolute-loss line', () => {
    const pts = [...base, [7.5, 2], [9, 3]] as [number, number][];
    const sq = leastSquaresLine(pts)!;
    const ab = leastAbsoluteLine(pts)!;
    expect(Math.abs(sq.slope - 2)).toBeGreaterThan(3 * Math.abs(ab.slope - 2));
    expect(leastSquaresLine([[1, 1]])).toBeNull();
    expect(renderPlot(outliersPlot(base, [[7.5, 2]], { absolute: ab, squared: sq, truth: TRUE_LINE }))).not.toMatch(/NaN/);
  });
});
