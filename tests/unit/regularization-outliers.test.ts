import { describe, expect, it } from 'vitest';
import { leastSquaresLine } from '@neural-notes/nn';
import { OUTLIER_DOMAIN, OUTLIER_FRAMES, outlierToData } from '../../src/plots/regularization/outliers';
import { basePoints, DISTINCT, MAX_OUTLIERS, nextOutlier, OUTLIER_SPOTS, plotDistance, PRESET_OUTLIERS, TRUE_LINE, type Point } from '../../src/models/regularization/outliers';
import { formatLine as lineEquation } from '../../src/lib/format';

describe('the fitted line as text', () => {
  it('writes a negative slope as a subtraction with a real minus sign, never "+ −"', () => {
    expect(lineEquation({ intercept: 8.9213, slope: -1.1094 })).toBe('ŷ = 8.92 \u2212 1.11x');
    expect(lineEquation({ intercept: 1.16, slope: 1.89 })).toBe('ŷ = 1.16 + 1.89x');
    expect(lineEquation({ intercept: -0.5, slope: -2 })).toBe('ŷ = \u22120.5 \u2212 2x');
    expect(lineEquation({ intercept: 3, slope: 0 })).toBe('ŷ = 3 + 0x');
  });
  it('reads "− 1.11x" for the squared-loss line the outliers tilt down', () => {
    const line = leastSquaresLine([...basePoints(), [9, -6], [9.5, -6], [8.5, -6], [8, -6], [9.8, -6], [10, -6], [7.5, -6], [9.9, -6], [9.7, -6], [9.6, -6], [9.4, -6], [9.3, -6]])!;
    expect(line.slope).toBeLessThan(0);
    const text = lineEquation(line);
    expect(text).toMatch(/^ŷ = [\d.]+ \u2212 [\d.]+x$/);
    expect(text).not.toContain('+ \u2212');
    expect(text).not.toContain('-');
  });
});

describe('where "Add an outlier" puts each new point', () => {
  it('has a distinct spot for every outlier the figure takes, each well off the true line and inside the plot', () => {
    expect(OUTLIER_SPOTS.length).toBeGreaterThanOrEqual(MAX_OUTLIERS);
    for (const [x, y] of OUTLIER_SPOTS) {
      expect(x).toBeGreaterThanOrEqual(OUTLIER_DOMAIN.x[0]);
      expect(x).toBeLessThanOrEqual(OUTLIER_DOMAIN.x[1]);
      expect(y).toBeGreaterThanOrEqual(OUTLIER_DOMAIN.y[0]);
      expect(y).toBeLessThanOrEqual(OUTLIER_DOMAIN.y[1]);
      expect(Math.abs(y - (TRUE_LINE.intercept + TRUE_LINE.slope * x))).toBeGreaterThanOrEqual(10);
    }
  });

  it('clicking from the preset outliers to the limit adds a new, visibly separate point each time, the same ones every time', () => {
    const place = () => {
      const pts: Point[] = PRESET_OUTLIERS.slice(0, 2);
      while (pts.length < MAX_OUTLIERS) pts.push(nextOutlier(pts));
      return pts;
    };
    const pts = place();
    expect(pts).toHaveLength(MAX_OUTLIERS);
    for (let i = 0; i < pts.length; i++) {
      for (let j = 0; j < i; j++) expect(plotDistance(pts[i], pts[j]), `${pts[i]} vs ${pts[j]}`).toBeGreaterThanOrEqual(DISTINCT);
    }
    expect(new Set(pts.map((p) => p.join(':'))).size).toBe(MAX_OUTLIERS);
    expect(place()).toEqual(pts); // deterministic
    expect(nextOutlier([])).toEqual([...OUTLIER_SPOTS[0]]);
  });

  it('skips a spot a dragged outlier already sits on, and still gives a point when every spot is taken', () => {
    const first = nextOutlier([]);
    const second = nextOutlier([[first[0] + 0.05, first[1] - 0.2]]);
    expect(second).not.toEqual(first);
    expect(plotDistance(second, first)).toBeGreaterThanOrEqual(DISTINCT);
    const all = OUTLIER_SPOTS.map((p): Point => [p[0], p[1]]);
    const fallback = nextOutlier(all);
    expect(OUTLIER_SPOTS.some((p) => p[0] === fallback[0] && p[1] === fallback[1])).toBe(true);
  });
});

describe('pointer position to data, in either drawing', () => {
  it('maps the corners of the plot area of the wide and of the narrow drawing to the domain', () => {
    for (const f of [OUTLIER_FRAMES.wide, OUTLIER_FRAMES.narrow]) {
      const [x0, y1] = outlierToData(f.marginLeft, f.marginTop, f);
      const [x1, y0] = outlierToData(f.width - f.marginRight, f.height - f.marginBottom, f);
      expect([x0, x1]).toEqual(OUTLIER_DOMAIN.x);
      expect(y0).toBeCloseTo(OUTLIER_DOMAIN.y[0], 12);
      expect(y1).toBeCloseTo(OUTLIER_DOMAIN.y[1], 12);
    }
  });
});
