import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { SOURCE_SIZES } from '@neural-notes/nn';
import { renderPlot } from '../../src/plots/render';
import {
  NEGATIVE_LINE as NEGATIVE, NETWORK_FRAME, nearestWeight, networkDrawing, networkEdges, networkPlot, POSITIVE_LINE as POSITIVE, STRENGTH_LEVELS, strengthLevel, toPixels, unitPosition, type NetworkData,
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

  it('draws each weight at its level, in its sign’s colour, one path per role, sign and level; the followed weight apart, over them', () => {
    const { lines, followed } = networkDrawing(data);
    expect(lines.length).toBeLessThan(40);
    expect(new Set(lines.map((l) => l.group)).size).toBe(lines.length);
    expect(lines.map((l) => l.group)).toEqual(lines.map((l) => l.group).sort()); // weaker groups first, under stronger ones
    // every line but the followed one, once: a move and a line per weight
    const segments = lines.flatMap((l) => l.d.split('M').slice(1).map((seg) => ({ seg, l })));
    expect(segments).toHaveLength(219);
    for (const l of lines) expect(l.color).toMatch(new RegExp(`^(${NEGATIVE}|${POSITIVE}|currentColor)$`));
    const w = weights[2][4 * 10 + 1]; // W⁽³⁾[5, 2]: −0.345
    const a = toPixels(sizes, 2, unitPosition(sizes, 2, 4).y);
    const b = toPixels(sizes, 3, unitPosition(sizes, 3, 1).y);
    const r = (v: number) => Math.round(v * 100) / 100;
    const mine = segments.find(({ seg }) => seg === `${r(a.px)},${r(a.py)}L${r(b.px)},${r(b.py)}`)!;
    expect(mine.l.color).toBe(w < 0 ? NEGATIVE : POSITIVE);
    expect(mine.l.group).toBe(`0${strengthLevel(w, 1)}-`);
    expect(strengthLevel(0.345, 1)).toBe(3);
    expect(strengthLevel(2, 1)).toBe(STRENGTH_LEVELS);
    // the followed weight W⁽²⁾[3, 4], from unit 3 of layer 1 to unit 4 of layer 2
    const f0 = toPixels(sizes, 1, unitPosition(sizes, 1, 2).y);
    const f1 = toPixels(sizes, 2, unitPosition(sizes, 2, 3).y);
    expect(followed).toEqual({ x1: f0.px, y1: f0.py, x2: f1.px, y2: f1.py });
    // a weight too small to show its sign is drawn alike whichever its sign
    const tiny = (v: number) => networkDrawing({ ...data, weights: data.weights.map((W, l) => W.map((x, k) => (l === 1 && k === 0 ? v : x))) }).lines;
    expect(tiny(0.002)).toEqual(tiny(-0.002));
    // a step that moves weights by thousandths changes no path
    expect(networkDrawing({ ...data, weights: data.weights.map((W) => W.map((x) => x + 0.001)) }).lines).toEqual(lines);
  });

  it('the plot is the frame only, the same at every step: the layers’ names under their columns', () => {
    const svg = renderPlot(networkPlot(sizes));
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    expect([...document.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['x', 'layer 1', 'layer 2', 'layer 3', 'ŷ']);
    expect(svg).toContain(`viewBox="0 0 ${NETWORK_FRAME.width} ${NETWORK_FRAME.height}"`);
  });

  it('places every unit where the pointer maths expects it (toPixels is the drawing’s own scale), the followed weight’s two last and marked', () => {
    const { units } = networkDrawing(data);
    expect(units).toHaveLength(32);
    for (let l = 0; l < sizes.length; l++) {
      for (let k = 0; k < sizes[l]; k++) {
        const u = unitPosition(sizes, l, k);
        const { px, py } = toPixels(sizes, u.x, u.y);
        expect(units.some((d) => d.cx === px && d.cy === py), `unit ${k + 1} of layer ${l}`).toBe(true);
      }
    }
    const ends = units.slice(-2);
    expect(ends.every((u) => u.endpoint)).toBe(true);
    expect(units.filter((u) => u.endpoint)).toHaveLength(2);
    expect(ends).toEqual([
      { ...((p) => ({ cx: p.px, cy: p.py }))(toPixels(sizes, 1, unitPosition(sizes, 1, 2).y)), endpoint: true },
      { ...((p) => ({ cx: p.px, cy: p.py }))(toPixels(sizes, 2, unitPosition(sizes, 2, 3).y)), endpoint: true },
    ]);
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
