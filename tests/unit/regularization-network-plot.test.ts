import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { SOURCE_SIZES } from '@neural-notes/nn';
import { renderPlot } from '../../src/plots/render';
import {
  drawingKey, edgePoints, NEGATIVE_LINE as NEGATIVE, NETWORK_FRAME, nearestWeight, networkEdges, networkPlot, POSITIVE_LINE as POSITIVE, STRENGTH_LEVELS, strengthLevel, toPixels, unitPosition, type NetworkData,
} from '../../src/plots/regularization/network';

const sizes = SOURCE_SIZES;
// weights that say where they are: W⁽ˡ⁾[i, j] = ±(l + i/10 + j/100)/10, negative for odd i + j
const weights = sizes.slice(1).map((fo, l) => Array.from({ length: sizes[l] * fo }, (_, k) => ((((k / fo) | 0) + (k % fo)) % 2 ? -1 : 1) * ((l + 1) + Math.floor(k / fo) / 10 + (k % fo) / 100) / 10));
const data: NetworkData = { sizes, weights, followed: { layer: 2, row: 3, col: 4 }, maxAbs: 1 };

describe('the network drawing of the SGD-step figure', () => {
  it('draws one line per weight, from its unit to the next layer’s, with the weight’s own value', () => {
    const edges = networkEdges(data);
    expect(edges).toHaveLength(10 + 100 + 100 + 10);
    const e = edges.find((x) => x.layer === 3 && x.row === 5 && x.col === 2)!;
    expect(e.w).toBe(weights[2][4 * 10 + 1]);
    expect([e.x1, e.y1, e.x2, e.y2]).toEqual([2, unitPosition(sizes, 2, 4).y, 3, unitPosition(sizes, 3, 1).y]);
    expect(unitPosition(sizes, 0, 0).y).toBe(0); // the input and the output sit in the middle
    expect(unitPosition(sizes, 1, 0).y).toBe(4.5);
  });

  it('marks the followed weight, the weights into the unit it comes from and those out of the unit it feeds', () => {
    const edges = networkEdges(data);
    expect(edges.filter((e) => e.role === 'followed').map((e) => [e.layer, e.row, e.col])).toEqual([[2, 3, 4]]);
    const involved = edges.filter((e) => e.role === 'involved');
    expect(involved.filter((e) => e.layer === 1).map((e) => [e.row, e.col])).toEqual([[1, 3]]); // x → unit 3 of layer 1
    expect(involved.filter((e) => e.layer === 3).map((e) => [e.row, e.col])).toEqual(Array.from({ length: 10 }, (_, j) => [4, j + 1])); // unit 4 of layer 2 → layer 3
    expect(involved).toHaveLength(11);
  });

  it('draws each weight at its level, in its sign’s colour, one path per role, sign and level; the followed weight over them in the text’s colour', () => {
    const points = edgePoints(data);
    expect(points).toHaveLength(219 * 3); // every line but the followed one: two ends and a gap
    const levels = points.filter((_, k) => k % 3 === 0);
    for (const p of levels) expect(p.color).toMatch(new RegExp(`^(${NEGATIVE}|${POSITIVE}|currentColor)$`));
    const w = weights[2][4 * 10 + 1]; // W⁽³⁾[5, 2]: −0.345
    const mine = points.find((p) => p.x === 2 && p.y === unitPosition(sizes, 2, 4).y && points[points.indexOf(p) + 1].y === unitPosition(sizes, 3, 1).y)!;
    expect(mine.color).toBe(w < 0 ? NEGATIVE : POSITIVE);
    expect(mine.group).toBe(`0${strengthLevel(w, 1)}-`);
    expect(strengthLevel(0.345, 1)).toBe(3);
    expect(strengthLevel(2, 1)).toBe(STRENGTH_LEVELS);
    const svg = renderPlot(networkPlot(data));
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const paths = [...document.querySelectorAll('path')];
    expect(paths.length).toBe(new Set(points.map((p) => p.group)).size + 2); // a path per group, the followed weight's halo and line
    expect(paths.length).toBeLessThan(40);
    expect(svg).toContain('stroke="currentColor"');
    expect([...document.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['x', 'layer 1', 'layer 2', 'layer 3', 'ŷ']);
  });

  it('is redrawn only when a weight’s level or sign, or the followed weight, changes', () => {
    const moved = { ...data, weights: data.weights.map((W) => W.map((w) => w + 0.001)) };
    expect(drawingKey(moved)).toBe(drawingKey(data));
    const across = { ...data, weights: data.weights.map((W, l) => W.map((w, k) => (l === 1 && k === 0 ? 0.9 : w))) };
    expect(drawingKey(across)).not.toBe(drawingKey(data));
    expect(drawingKey({ ...data, followed: { layer: 2, row: 3, col: 5 } })).not.toBe(drawingKey(data));
    // a weight too small to show its sign draws the same whichever its sign
    const tiny = (v: number) => ({ ...data, weights: data.weights.map((W, l) => W.map((w, k) => (l === 1 && k === 0 ? v : w))) });
    expect(drawingKey(tiny(0.002))).toBe(drawingKey(tiny(-0.002)));
  });

  it('places every unit where the pointer maths expects it (toPixels is the drawing’s own scale)', () => {
    const svg = renderPlot(networkPlot(data));
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const drawn = [...document.querySelectorAll('circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    expect(drawn).toHaveLength(32);
    for (let l = 0; l < sizes.length; l++) {
      for (let k = 0; k < sizes[l]; k++) {
        const u = unitPosition(sizes, l, k);
        const { px, py } = toPixels(sizes, u.x, u.y);
        expect(drawn.some(([cx, cy]) => Math.abs(cx - px) < 0.11 && Math.abs(cy - py) < 0.11), `unit ${k + 1} of layer ${l}`).toBe(true);
      }
    }
  });

  it('finds the weight under the pointer: every line can be picked somewhere along it, a point picks the nearest line, and far from every line, none', () => {
    for (const e of networkEdges(data)) {
      const picked = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].some((t) => {
        const p = toPixels(sizes, e.x1 + (e.x2 - e.x1) * t, e.y1 + (e.y2 - e.y1) * t);
        const w = nearestWeight(sizes, p.px, p.py);
        return w?.layer === e.layer && w.row === e.row && w.col === e.col;
      });
      expect(picked, `W${e.layer}[${e.row},${e.col}]`).toBe(true);
    }
    // a point just beside the line from x to unit 7 of layer 1, where no other line passes
    const a = toPixels(sizes, 0, 0);
    const b = toPixels(sizes, 1, unitPosition(sizes, 1, 6).y);
    expect(nearestWeight(sizes, (a.px + b.px) / 2 + 2, (a.py + b.py) / 2)).toEqual({ layer: 1, row: 1, col: 7 });
    expect(nearestWeight(sizes, 2, NETWORK_FRAME.height - 2)).toBeNull();
  });
});
