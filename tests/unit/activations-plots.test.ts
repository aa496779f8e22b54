import { describe, expect, it } from 'vitest';
import { renderPlot } from '../../src/plots/render';
import { CURVE_FRAME, curvePlot } from '../../src/plots/activations/curves';
import { softmaxPlot } from '../../src/plots/activations/softmax';
import { gradientPlot } from '../../src/plots/activations/gradients';
import { deadUnitsPlot, slopeTracePlot } from '../../src/plots/activations/training';

const noNaN = (svg: string) => expect(svg).not.toMatch(/NaN|Infinity|undefined/);

describe('curvePlot', () => {
  const pts = [
    { x: -2, y: 0, seg: 0 },
    { x: 0, y: 0, seg: 0 },
    { x: 0, y: 0, seg: 1 },
    { x: 2, y: 2, seg: 1 },
  ];
  it('uses the fixed frame and the requested x-domain, with y including 0', () => {
    const o = curvePlot([{ key: 'relu', color: '#e0621b', points: pts }], { xDomain: [-2, 2], yLabel: 'f(x)' });
    expect(o.width).toBe(CURVE_FRAME.width);
    expect(o.marginLeft).toBe(CURVE_FRAME.marginLeft);
    expect(o.x?.domain).toEqual([-2, 2]);
    const [lo, hi] = o.y?.domain as number[];
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(2);
  });
  it('drops non-finite points and cursor values, and renders without NaN', () => {
    const bad = [...pts, { x: 1, y: NaN, seg: 1 }, { x: 1.5, y: Infinity, seg: 1 }];
    const o = curvePlot([{ key: 'x', color: 'red', points: bad }], {
      xDomain: [-2, 2],
      yLabel: 'f′(x)',
      cursor: { x: 1, points: [{ y: NaN, color: 'red' }, { y: 1, color: 'red' }] },
      rays: [{ slope: 0.2, color: 'blue' }, { slope: NaN, color: 'blue' }, { slope: 0.1, color: 'blue', flat: true }],
    });
    const svg = renderPlot(o);
    noNaN(svg);
    expect(svg).toContain('<svg');
    // two curve pieces (z = seg), two valid rays, one cursor dot
    expect((svg.match(/<circle/g) ?? []).length).toBe(1);
  });
  it('widens the y-domain to show training-mode rays', () => {
    const o = curvePlot([{ key: 'x', color: 'red', points: pts }], { xDomain: [-2, 2], yLabel: 'f', rays: [{ slope: 1, color: 'b' }] });
    expect((o.y?.domain as number[])[0]).toBeLessThanOrEqual(-2);
  });
});

describe('softmaxPlot', () => {
  it('draws one bar and one label per class on a 0–1 scale', () => {
    const bars = [
      { label: '1', p: 0.846, text: '0.846' },
      { label: '2', p: 0.085, text: '0.085' },
      { label: '3', p: 0.069, text: '0.069' },
    ];
    const o = softmaxPlot(bars);
    expect(o.y?.domain).toEqual([0, 1]);
    expect(o.x?.domain).toEqual(['1', '2', '3']);
    const svg = renderPlot(o);
    noNaN(svg);
    expect(svg).toContain('0.846');
    expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(softmaxPlot(bars, { compact: true }).width).toBeLessThan(o.width as number);
  });
  it('leaves out non-finite probabilities', () => {
    noNaN(renderPlot(softmaxPlot([{ label: '1', p: NaN, text: '—' }, { label: '2', p: 1, text: '1' }])));
  });
});

describe('gradientPlot', () => {
  it('is a log scale that skips zeros and non-finite values', () => {
    const pts = [
      { series: 'sigmoid', layer: 1, value: 1e-12 },
      { series: 'sigmoid', layer: 2, value: 1e-6 },
      { series: 'relu', layer: 1, value: 0 },
      { series: 'relu', layer: 2, value: NaN },
    ];
    const o = gradientPlot(pts, { depth: 2, colors: { sigmoid: 'blue' }, bound: [{ layer: 1, value: 1e-7 }, { layer: 2, value: 1e-6 }] });
    expect(o.y?.type).toBe('log');
    const [lo, hi] = o.y?.domain as number[];
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(1e-12);
    expect(hi).toBeGreaterThan(1e-6);
    noNaN(renderPlot(o));
  });
  it('copes with nothing drawable', () => {
    noNaN(renderPlot(gradientPlot([{ series: 'relu', layer: 1, value: 0 }], { depth: 3, colors: {} })));
  });
});

describe('training plots', () => {
  it('deadUnitsPlot spans all units and epochs', () => {
    const o = deadUnitsPlot(
      [{ series: 'relu', epoch: 0, dead: 5 }, { series: 'relu', epoch: 1, dead: NaN }, { series: 'relu', epoch: 2, dead: 8 }],
      { units: 48, epochs: 2, colors: { relu: 'orange' } },
    );
    expect(o.y?.domain).toEqual([0, 48]);
    expect(o.x?.domain).toEqual([0, 2]);
    noNaN(renderPlot(o));
  });
  it('slopeTracePlot includes the start value and every slope in its domain', () => {
    const o = slopeTracePlot(
      [{ unit: '1.1', layer: 1, epoch: 0, a: 0.25 }, { unit: '1.1', layer: 1, epoch: 1, a: -0.9 }, { unit: '2.1', layer: 2, epoch: 1, a: Infinity }],
      { epochs: 1, colors: ['red', 'blue'] },
    );
    const [lo, hi] = o.y?.domain as number[];
    expect(lo).toBeLessThanOrEqual(-0.9);
    expect(hi).toBeGreaterThanOrEqual(0.25);
    noNaN(renderPlot(o));
  });
});
