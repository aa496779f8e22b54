import * as Plot from '@observablehq/plot';
import { elu, relu, sigmoid, l1, l2 } from '@neural-notes/nn';
import type { PlotOptions } from './render';

/**
 * Small static figures for the article cards on the home page, computed at build time from the
 * same core as the articles. An article without a preview here simply shows no figure.
 */
const size = { width: 240, height: 120, margin: 4, marginTop: 6, marginBottom: 6, x: { axis: null }, y: { axis: null } } as const;

function grid(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

function activationsPreview(): PlotOptions {
  const xs = grid(-4, 4, 81);
  const curves = [
    { name: 'sigmoid', f: sigmoid },
    { name: 'ReLU', f: relu },
    { name: 'ELU', f: elu(1) },
  ].flatMap(({ name, f }) => xs.map((x) => ({ name, x, y: f.output(x) })));
  return {
    ...size,
    y: { axis: null, domain: [-1.2, 4] },
    color: { range: ['var(--accent)', '#d97706', '#16a34a'] },
    marks: [Plot.ruleY([0], { stroke: 'var(--rule)' }), Plot.ruleX([0], { stroke: 'var(--rule)' }), Plot.line(curves, { x: 'x', y: 'y', stroke: 'name', strokeWidth: 2.5 })],
  };
}

function regularizationPreview(): PlotOptions {
  // Level sets |w1| + |w2| = 1 (the L1 diamond) and (w1² + w2²)/2 = 1/2 (the L2 circle), from the core's penalties.
  const angles = grid(0, 2 * Math.PI, 121);
  const level = (penalty: (w: Float64Array) => number, target: number) =>
    angles.map((t) => {
      const dir = new Float64Array([Math.cos(t), Math.sin(t)]);
      const r = target / penalty(dir); // both penalties scale as r (L1) or r² (L2); solved below
      return r;
    });
  const l1Pen = l1(1);
  const l2Pen = l2(1);
  const diamond = level((w) => l1Pen.value(w), 1).map((r, i) => ({ name: 'L1', x: r * Math.cos(angles[i]), y: r * Math.sin(angles[i]) }));
  const xHalf = 2.6;
  const yHalf = (xHalf * (size.height - size.marginTop - size.marginBottom)) / (size.width - 2 * size.margin);
  const circle = level((w) => l2Pen.value(w), 0.5).map((r, i) => ({ name: 'L2', x: Math.sqrt(r) * Math.cos(angles[i]), y: Math.sqrt(r) * Math.sin(angles[i]) }));
  return {
    ...size,
    // one unit as long across as up, so the circle is round
    x: { axis: null, domain: [-2.6, 2.6] },
    y: { axis: null, domain: [-yHalf, yHalf] },
    color: { range: ['#d97706', 'var(--accent)'] },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--rule)' }),
      Plot.ruleX([0], { stroke: 'var(--rule)' }),
      Plot.line([...diamond, ...circle], { x: 'x', y: 'y', z: 'name', stroke: 'name', strokeWidth: 2.5 }),
    ],
  };
}

const previews: Record<string, () => PlotOptions> = {
  'activation-functions': activationsPreview,
  'l1-vs-l2-regularization': regularizationPreview,
};

export function previewFor(slug: string): PlotOptions | undefined {
  return previews[slug]?.();
}
