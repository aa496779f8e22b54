/** Pure plot builder: points, the reader's outliers, and the absolute-loss and squared-loss lines. */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';
import { FONT_SIZE, MARGIN_BOTTOM, MARGIN_TOP, NARROW_WIDTH } from './frame';
import { OUTLIER_DOMAIN, type Line, type Point } from '../../models/regularization/outliers';

export { OUTLIER_DOMAIN };

export interface OutlierFrame {
  width: number;
  height: number;
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  marginBottom: number;
}

/** The figure's two drawings (see frame.ts): `wide` for a desktop column, `narrow` for a phone. */
export const OUTLIER_FRAMES = {
  wide: { width: 640, height: 396, marginLeft: 40, marginRight: 20, marginTop: MARGIN_TOP, marginBottom: MARGIN_BOTTOM },
  narrow: { width: NARROW_WIDTH, height: 316, marginLeft: 36, marginRight: 12, marginTop: MARGIN_TOP, marginBottom: MARGIN_BOTTOM },
} as const satisfies Record<string, OutlierFrame>;
export const FIT_COLORS = { absolute: '#d9480f', squared: '#1c7ed6', truth: '#8a8f98' };

const finite = (p: Point) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** The box a plot shows: x from … to …, y from … to …. */
export interface Domain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

function lineRows(line: Line | null, label: string, domain: Domain) {
  if (!line || !Number.isFinite(line.slope) || !Number.isFinite(line.intercept)) return [];
  return domain.x.map((x) => ({ x, y: line.intercept + line.slope * x, label }));
}

/**
 * The points, the outliers and the two fitted lines. `truth` is the line the figure's own points
 * scatter around (null for a reader's own data, whose true line nobody knows); `domain` the box
 * shown (default: OUTLIER_DOMAIN; larger for a reader's data outside it).
 */
export function outliersPlot(
  base: readonly Point[],
  outliers: readonly Point[],
  fits: { absolute: Line | null; squared: Line | null; truth: Line | null },
  { compact = false, domain = OUTLIER_DOMAIN }: { compact?: boolean; domain?: Domain } = {},
): PlotOptions {
  const truth = fits.truth ? lineRows(fits.truth, 'true line y = 1 + 2x', domain) : [];
  const lines = [
    ...lineRows(fits.absolute, 'absolute loss Σ|y − ŷ|', domain),
    ...lineRows(fits.squared, 'squared loss Σ(y − ŷ)²', domain),
  ];
  const labels = [...(fits.truth ? ['true line y = 1 + 2x'] : []), 'absolute loss Σ|y − ŷ|', 'squared loss Σ(y − ŷ)²'];
  return {
    ...(compact ? OUTLIER_FRAMES.narrow : OUTLIER_FRAMES.wide),
    style: { fontSize: FONT_SIZE },
    x: { domain: [...domain.x], label: 'x' },
    y: { domain: [...domain.y], label: 'y', grid: true },
    color: {
      domain: labels,
      range: [...(fits.truth ? [FIT_COLORS.truth] : []), FIT_COLORS.absolute, FIT_COLORS.squared],
      legend: true,
    },
    marks: [
      Plot.line(truth, { x: 'x', y: 'y', stroke: 'label', strokeWidth: 1.5, strokeDasharray: '4,3', clip: true }),
      Plot.line(lines, { x: 'x', y: 'y', z: 'label', stroke: 'label', strokeWidth: 2.5, clip: true }),
      Plot.dot(base.filter(finite), { x: (p: Point) => p[0], y: (p: Point) => p[1], r: compact ? 3 : 3.5, fill: 'currentColor', fillOpacity: 0.7 }),
      Plot.dot(outliers.filter(finite), { x: (p: Point) => p[0], y: (p: Point) => p[1], r: compact ? 6 : 7, stroke: 'var(--danger)', strokeWidth: 2, fill: 'var(--danger)', fillOpacity: 0.2 }),
    ],
  };
}

/** Data coordinates of a point given in the SVG's own pixel units of the drawing with this frame. */
export function outlierToData(px: number, py: number, s: OutlierFrame = OUTLIER_FRAMES.wide, domain: Domain = OUTLIER_DOMAIN): Point {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return [x0 + ((px - s.marginLeft) / (s.width - s.marginLeft - s.marginRight)) * (x1 - x0), y1 - ((py - s.marginTop) / (s.height - s.marginTop - s.marginBottom)) * (y1 - y0)];
}
