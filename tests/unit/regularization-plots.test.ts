import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderPlot, type PlotOptions } from '../../src/plots/render';
import { rowsFromPlot } from '../../src/plots/plot-data';
import { curveRows, curvesPlot, dataPoints, errorRows, errorsPlot, fitPlot, fitRows, PRUNED_LABELS, sourceMarkers } from '../../src/plots/regularization/experiment';
import { deadOutlines, heatCells, heatLayout, heatmapPlot, heatRows } from '../../src/plots/regularization/heatmap';
import { groupRows, groupsStripPlot } from '../../src/plots/regularization/prune';
import { dotBand, dotRadius, placeRows, STRIP_ROW } from '../../src/plots/regularization/strip';
import * as Plot from '@observablehq/plot';
import { GEOMETRY_DOMAIN, GEOMETRY_FRAMES, geometryPlot, plusPath, PROBE_RADIUS, toData, toPixels, type GeometryData } from '../../src/plots/regularization/geometry';
import { outliersPlot } from '../../src/plots/regularization/outliers';
import experimentFigure, { experimentSettings } from '../../src/figures/regularization/Experiment.figure';
import { resolveSettings } from '../../src/figures/figure';
import { runSettings, type CompactRun } from '../../src/models/regularization/experiment';
import { SOURCE_L1_ERRORS, SOURCE_PRUNED_ERRORS } from '../../src/models/regularization/source';
import { leastAbsoluteLine, leastSquaresLine, optimumPath, penalizedOptimum, quadraticLoss } from '@neural-notes/nn';
import { DEFAULT_QUADRATIC, lossLevelSet, penaltyFor, penaltyLevelSet } from '../../src/models/regularization/geometry';
import { basePoints, TRUE_LINE } from '../../src/models/regularization/outliers';

const DEFAULT_SETTINGS = experimentSettings(resolveSettings(experimentFigure, {}));
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

  it('marks the post’s numbers on the rows they belong to: its L1 totals on L1, its pruned totals on both pruned rows', () => {
    const markers = sourceMarkers(SOURCE_L1_ERRORS, SOURCE_PRUNED_ERRORS);
    expect(markers.filter((m) => m.group === 'L1').map((m) => m.error)).toEqual([...SOURCE_L1_ERRORS]);
    expect(markers.filter((m) => m.group === PRUNED_LABELS.l1).map((m) => m.error)).toEqual([...SOURCE_PRUNED_ERRORS]);
    expect(markers.filter((m) => m.group === PRUNED_LABELS.l2).map((m) => m.error)).toEqual([...SOURCE_PRUNED_ERRORS]);
    // without pruned-shape rows, only the L1 markers are drawn (a marker needs its row)
    const svg = renderPlot(errorsPlot(out.runs, ['l1', 'l2'], { l1: SOURCE_L1_ERRORS, pruned: SOURCE_PRUNED_ERRORS }));
    expect(svg.match(/class="reg-strip-source"[^>]*>(.*?)<\/g>/s)?.[1].match(/<path/g)).toHaveLength(5);
  });

  it('renders to SVG without NaN', () => {
    for (const options of [fitPlot(out.data, out.runs, ['l1', 'l2']), curvesPlot(out.runs, ['l1', 'l2'], 100, 'penalty'), errorsPlot(out.runs, ['l1', 'l2'], { l1: SOURCE_L1_ERRORS, pruned: SOURCE_PRUNED_ERRORS })]) {
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
  it('draws a frame the same after its marks that stay have served other drawings (they are made once and used again)', () => {
    const s = [2, 5, 4, 1];
    const random = (seed: number) => s.slice(1).map((n, l) => Array.from({ length: s[l] * n }, (_, k) => Math.sin(seed * 97 + k * 13 + l) * 0.8));
    for (const compact of [false, true]) {
      const first = renderPlot(heatmapPlot(s, random(1), [[2], []], { maxAbs: 0.9, compact }));
      // other weights and outlines in the same frame, other frames, and another size: the shared marks are drawn many times
      for (let k = 2; k < 8; k++) renderPlot(heatmapPlot(s, random(k), [[k % 5], []], { maxAbs: k % 2 ? 0.9 : 1.3, compact: k % 3 === 0 ? !compact : compact }));
      expect(renderPlot(heatmapPlot(s, random(1), [[2], []], { maxAbs: 0.9, compact }))).toBe(first);
      // and the frame's marks show the frame they were asked for (the colour key's ends)
      expect(renderPlot(heatmapPlot(s, random(1), [[2], []], { maxAbs: 1.3, compact }))).toMatch(/>[^<]*−1\.3\b/);
      expect(renderPlot(heatmapPlot(s, random(1), [[2], []], { maxAbs: 0.9, compact }))).toMatch(/>[^<]*−0\.9\b/);
    }
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
    const [x, y] = toData(GEOMETRY_FRAMES.wide.margin, GEOMETRY_FRAMES.wide.margin);
    expect(x).toBeCloseTo(-1.5, 12);
    expect(y).toBeCloseTo(2.5, 12);
    const svg = renderPlot(geometryPlot({ lossCurves: [lossLevelSet(q, 1)], penaltyCurve: penaltyLevelSet(penaltyFor('l1', 1, 0.5), 0.6), path: [[NaN, 0]], optimum: [0.6, 0], center: q.center, color: 'red' }));
    expect(svg).not.toMatch(/NaN/);
  });
  it('places the probe layer where Plot would draw the probe, with the same marker, in both drawings', () => {
    const numbers = (text: string) => (text.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
    for (const [compact, frame] of [[false, GEOMETRY_FRAMES.wide], [true, GEOMETRY_FRAMES.narrow]] as const) {
      for (const p of [[2, -1], [-1.2, 0.35], [0, 0]] as [number, number][]) {
        expect(toData(...toPixels(p, frame), frame).map((v) => Number(v.toFixed(12)))).toEqual(p);
        const base = geometryPlot({ lossCurves: [], penaltyCurve: [], path: [], optimum: [NaN, NaN], center: [NaN, NaN], color: 'red' }, { compact });
        const svg = renderPlot({ ...base, marks: [Plot.dot([p], { x: (d: number[]) => d[0], y: (d: number[]) => d[1], r: PROBE_RADIUS, stroke: 'blue', symbol: 'plus' })] });
        const drawn = svg.match(/<path[^>]*>/g)?.find((tag) => tag.includes('translate(') && tag.includes(' d="M-')); // the symbol, not a tick
        expect(drawn, 'Plot draws the symbol as a translated path').toBeDefined();
        const [tx, ty] = numbers(drawn?.match(/translate\(([^)]*)\)/)?.[1] ?? '');
        // Plot's drawing is written to a tenth of a pixel (renderPlot → trimNumbers); the layer to the full.
        const [px, py] = toPixels(p, frame);
        expect(Math.abs(px - tx)).toBeLessThanOrEqual(0.05);
        expect(Math.abs(py - ty)).toBeLessThanOrEqual(0.05);
        const d = drawn?.match(/ d="([^"]*)"/)?.[1] ?? '';
        const drawnNumbers = numbers(d);
        expect(numbers(plusPath(PROBE_RADIUS))).toHaveLength(drawnNumbers.length);
        numbers(plusPath(PROBE_RADIUS)).forEach((v, i) => expect(Math.abs(v - drawnNumbers[i])).toBeLessThanOrEqual(0.05));
      }
    }
    expect(GEOMETRY_DOMAIN).toEqual([-1.5, 2.5]);
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

/**
 * The smallest text of a drawing as seen on screen when it is shown in a figure box `box` px wide
 * (scaled down to fit, never up): each text's font size (its own, an ancestor's, or the SVG's)
 * times box / width. A phone of 360 CSS px gives a 307 px figure box.
 */
function smallestText(options: PlotOptions, box = 307): { px: number; text: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${renderPlot(options)}</body></html>`);
  const svgs = [...document.querySelectorAll('svg')];
  const svg = svgs[svgs.length - 1]; // the plot, after any legend swatches
  const sizeOf = (el: Element): number | null => {
    const style = /font-size:\s*([\d.]+)px/.exec(el.getAttribute('style') ?? '');
    if (style) return Number(style[1]);
    const attr = el.getAttribute('font-size');
    return attr ? Number(attr) : null;
  };
  const scale = Math.min(1, box / Number(svg.getAttribute('width')));
  let smallest = { px: Infinity, text: '' };
  for (const t of svg.querySelectorAll('text')) {
    if (!t.textContent?.trim()) continue;
    let size: number | null = null;
    for (let el: Element | null = t; el && size === null; el = el.parentElement) size = sizeOf(el);
    const px = (size ?? 16) * scale;
    if (px < smallest.px) smallest = { px, text: t.textContent };
  }
  return smallest;
}

describe('every figure of the article has a drawing for a phone whose text stays legible', () => {
  const q = DEFAULT_QUADRATIC;
  const geo: GeometryData = { lossCurves: [lossLevelSet(q, 1)], penaltyCurve: penaltyLevelSet(penaltyFor('l1', 1, 0.5), 0.6), path: [], optimum: [0.6, 0], center: q.center, color: 'red' };
  const base = basePoints();
  const fits = { absolute: leastAbsoluteLine(base), squared: leastSquaresLine(base), truth: TRUE_LINE };
  const sizes = [1, 10, 10, 10, 1];
  const weights = [Array(10).fill(0.5), Array(100).fill(0), Array(100).fill(-0.5), Array(10).fill(1)];
  const group = (label: string) => ({ label, color: 'red', values: [1, 2, 3] });
  const drawings = (compact: boolean): [string, PlotOptions][] => [
    ['penalty geometry', geometryPlot(geo, { compact })],
    ['outliers', outliersPlot(base, [[7.5, 2]], fits, { compact })],
    ['experiment: data and fits', fitPlot(out.data, out.runs, ['l1', 'l2'], { compact })],
    ['experiment: curves', curvesPlot(out.runs, ['l1', 'l2'], 100, 'penalty', { compact })],
    ['experiment: test errors', errorsPlot(out.runs, ['l1', 'l2'], { l1: SOURCE_L1_ERRORS, pruned: SOURCE_PRUNED_ERRORS }, { compact })],
    ['heatmaps', heatmapPlot(sizes, weights, [[0], [], []], { maxAbs: 1, compact })],
    ['prune', groupsStripPlot(['full 1-10-10-10-1, L1 (ours)', 'pruned as derived here, L1 (ours)'].map(group), { compact })],
  ];

  it('on a 360px phone (a 307px figure box) the narrow drawings show every text at 11px or more', () => {
    for (const [name, options] of drawings(true)) {
      expect(options.width, name).toBeLessThanOrEqual(340);
      const smallest = smallestText(options);
      expect(smallest.px, `${name}: "${smallest.text}"`).toBeGreaterThanOrEqual(11);
    }
  });

  it('the wide drawings, shown from a 35rem box up (24rem for the 448px geometry), do too', () => {
    for (const [name, options] of drawings(false)) {
      const box = options.width === GEOMETRY_FRAMES.wide.width ? 384 : 560;
      const smallest = smallestText(options, box);
      expect(smallest.px, `${name}: "${smallest.text}"`).toBeGreaterThanOrEqual(11);
    }
  });

  it('both drawings of a figure carry the same data (so its CSV does not depend on the screen)', () => {
    const wide = drawings(false);
    // The heatmaps hand their own rows (heatRows) to the CSV: their marks hold layout coordinates.
    drawings(true).forEach(([name, narrow], i) => {
      if (name !== 'heatmaps') expect(rowsFromPlot(narrow), name).toEqual(rowsFromPlot(wide[i][1]));
    });
    const rows = heatRows(sizes, weights);
    expect(rows).toHaveLength(220);
    expect(rows[0]).toEqual({ matrix: 'W1', row: 1, column: 1, weight: 0.5 });
    expect(rows.at(-1)).toEqual({ matrix: 'W4', row: 10, column: 1, weight: 1 });
  });
});

describe('heatmaps on a phone', () => {
  const sizes = [1, 10, 10, 10, 1];
  it('lays the four matrices out two to a row, the second row under the first with room for its labels', () => {
    const layout = heatLayout(sizes, 2);
    expect(layout.offsets).toEqual([0, 11.6, 0, 11.6]);
    expect(layout.tops).toEqual([0, 0, 12.4, 12.4]);
    expect(layout.width).toBeCloseTo(21.6, 12);
    expect(layout.height).toBeCloseTo(22.4, 12);
    expect(heatLayout(sizes).tops).toEqual([0, 0, 0, 0]);
  });
  it('puts every weight and every outline inside the drawing, and each matrix in its own place', () => {
    const weights = [Array(10).fill(0.1), Array(100).fill(0.2), Array(100).fill(0.3), Array(10).fill(0.4)];
    const layout = heatLayout(sizes, 2);
    const cells = heatCells(sizes, weights, 2);
    expect(cells).toHaveLength(220);
    for (const c of cells) {
      expect(c.x1).toBeGreaterThanOrEqual(0);
      expect(c.x2).toBeLessThanOrEqual(layout.width + 1e-9);
      expect(c.y2).toBeLessThanOrEqual(layout.height + 1e-9);
    }
    const w4 = cells.filter((c) => c.layer === 3);
    expect(new Set(w4.map((c) => c.x1))).toEqual(new Set([11.6]));
    expect(Math.min(...w4.map((c) => c.y1))).toBe(12.4);
    // unit 3 of hidden layer 2: its column in W2 (top row) and its row in W3 (bottom row)
    const [col, row] = deadOutlines(sizes, [[], [3], []], 2);
    expect(col).toMatchObject({ x1: 11.6 + 3, x2: 11.6 + 4, y1: 0, y2: 10 });
    expect(row).toMatchObject({ x1: 0, x2: 10, y1: 12.4 + 3, y2: 12.4 + 4 });
  });
  it('labels every matrix whole, inside the drawing, and keeps the colour key legible', () => {
    const options = heatmapPlot(sizes, [Array(10).fill(0.5), Array(100).fill(0), Array(100).fill(-0.5), Array(10).fill(1)], [], { maxAbs: 1.6, compact: true });
    const svg = renderPlot(options);
    for (const label of ['W1 (1,10)', 'W2 (10,10)', 'W3 (10,10)', 'W4 (10,1)', '−1.6', '1.6', 'weight']) expect(svg).toContain(`>${label}<`);
    expect(svg).not.toMatch(/NaN/);
  });
});

describe('penalty geometry in either drawing', () => {
  it('maps the corners of the plot area to the domain, wide and narrow', () => {
    for (const f of [GEOMETRY_FRAMES.wide, GEOMETRY_FRAMES.narrow]) {
      expect(toData(f.margin, f.margin, f)).toEqual([-1.5, 2.5]);
      const [x, y] = toData(f.width - f.margin, f.height - f.margin, f);
      expect(x).toBeCloseTo(2.5, 12);
      expect(y).toBeCloseTo(-1.5, 12);
    }
  });
});

describe('the error strip plot at many runs', () => {
  it('spreads each row’s dots evenly inside the band that keeps them in their box, the same in both drawings', () => {
    const rows = Array.from({ length: 100 }, (_, k) => ({ group: k % 2 ? 'a' : 'b', error: k }));
    const placed = placeRows(rows);
    for (const p of placed) {
      expect(p.jitter).toBeGreaterThanOrEqual(0);
      expect(p.jitter).toBeLessThan(1);
    }
    expect(placed[0].jitter).toBe(0.5);
    // evenly: every tenth of the band holds between 3 and 7 of a group's 50 dots
    const a = placed.filter((p) => p.group === 'a').map((p) => p.jitter);
    for (let t = 0; t < 10; t++) expect(a.filter((j) => j >= t / 10 && j < (t + 1) / 10).length).toBeGreaterThanOrEqual(3);
    expect(dotRadius(5)).toBe(3.5);
    expect(dotRadius(100)).toBe(2.5);
    // narrow: the dots' band lies inside the 18–44px strip of the 58px row, dot and all
    const [lo, hi] = dotBand(true, 2.5);
    expect(lo * STRIP_ROW.narrow - 2.5).toBeGreaterThanOrEqual(18);
    expect(hi * STRIP_ROW.narrow + 2.5).toBeLessThanOrEqual(44);
  });
});
