/**
 * Pure plot builder for the penalty geometry: loss ellipses, the penalty's level set through the
 * penalised optimum (diamond, circle or in between) and the optimum's path as λ grows. The probe
 * point is drawn apart, in a layer over the plot (`toPixels`, `plusPath`), so moving it redraws
 * nothing else.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../render';
import { FONT_SIZE, NARROW_WIDTH } from './frame';
import type { Vec2 } from '@neural-notes/nn';

import { GEOMETRY_DOMAIN } from '../../models/regularization/geometry';

export { GEOMETRY_DOMAIN };

export interface GeometryFrame {
  width: number;
  height: number;
  margin: number;
}

/** The figure's two drawings (see frame.ts): `wide` for a desktop column, `narrow` for a phone. */
export const GEOMETRY_FRAMES = {
  // margins with room for the minus signs of the y tick labels (−1.5 …), which 40px cut by a pixel
  wide: { width: 448, height: 448, margin: 44 },
  narrow: { width: NARROW_WIDTH, height: NARROW_WIDTH, margin: 42 },
} as const satisfies Record<string, GeometryFrame>;

export interface GeometryData {
  lossCurves: Vec2[][];
  penaltyCurve: Vec2[];
  path: Vec2[];
  optimum: Vec2;
  center: Vec2;
  color: string;
}

const finitePoint = (p: Vec2) => Number.isFinite(p[0]) && Number.isFinite(p[1]);
const rows = (curve: Vec2[], key: number) => curve.filter(finitePoint).map(([x, y]) => ({ x, y, key }));

export function geometryPlot(d: GeometryData, { compact = false }: { compact?: boolean } = {}): PlotOptions {
  const { width, height, margin } = compact ? GEOMETRY_FRAMES.narrow : GEOMETRY_FRAMES.wide;
  return {
    width,
    height,
    style: { fontSize: FONT_SIZE },
    marginLeft: margin,
    marginRight: margin,
    marginTop: margin,
    marginBottom: margin,
    x: { domain: GEOMETRY_DOMAIN, label: 'w₁' },
    y: { domain: GEOMETRY_DOMAIN, label: 'w₂' },
    marks: [
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.line(d.lossCurves.flatMap((c, k) => rows(c, k)), { x: 'x', y: 'y', z: 'key', stroke: 'currentColor', strokeOpacity: 0.35, clip: true }),
      Plot.line(rows(d.penaltyCurve, 0), { x: 'x', y: 'y', stroke: d.color, strokeWidth: 2, fill: d.color, fillOpacity: 0.12, clip: true }),
      Plot.line(rows(d.path, 0), { x: 'x', y: 'y', stroke: d.color, strokeDasharray: '4,3', strokeWidth: 1.5, clip: true }),
      Plot.dot([d.center].filter(finitePoint), { x: (p: Vec2) => p[0], y: (p: Vec2) => p[1], r: 4, fill: 'currentColor' }),
      Plot.text([d.center].filter(finitePoint), { x: (p: Vec2) => p[0], y: (p: Vec2) => p[1], text: () => 'loss minimum', dy: -10, fill: 'currentColor' }),
      Plot.dot([d.optimum].filter(finitePoint), { x: (p: Vec2) => p[0], y: (p: Vec2) => p[1], r: 6, fill: d.color, stroke: 'var(--card)', strokeWidth: 1.5 }),
    ],
  };
}

/** Data coordinates of a point given in the SVG's own pixel units of the drawing with this frame (for the pointer). */
export function toData(px: number, py: number, frame: GeometryFrame = GEOMETRY_FRAMES.wide): Vec2 {
  const { width, height, margin } = frame;
  const [lo, hi] = GEOMETRY_DOMAIN;
  const x = lo + ((px - margin) / (width - 2 * margin)) * (hi - lo);
  const y = hi - ((py - margin) / (height - 2 * margin)) * (hi - lo);
  return [x, y];
}

/** Pixel coordinates, in the drawing with this frame, of a point in data coordinates (the inverse of `toData`). */
export function toPixels([x, y]: Vec2, frame: GeometryFrame = GEOMETRY_FRAMES.wide): Vec2 {
  const { width, height, margin } = frame;
  const [lo, hi] = GEOMETRY_DOMAIN;
  return [margin + ((x - lo) / (hi - lo)) * (width - 2 * margin), margin + ((hi - y) / (hi - lo)) * (height - 2 * margin)];
}

/** Radius of the probe's marker, in the drawing's pixels. */
export const PROBE_RADIUS = 5;

/**
 * The probe's marker around (0, 0): a plus of two strokes, the size Plot gives a dot of radius r
 * drawn with `symbol: 'plus'` (its symbols have the area of the circle, πr²; the plus's arms
 * reach √(size − min(size/7, 2)) · 0.87559 out).
 */
export function plusPath(r: number): string {
  const size = Math.PI * r * r;
  const a = Math.round(Math.sqrt(size - Math.min(size / 7, 2)) * 0.87559 * 100) / 100;
  return `M${-a},0L${a},0M0,${a}L0,${-a}`;
}
