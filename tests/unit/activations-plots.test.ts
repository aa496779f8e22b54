import { describe, expect, it } from 'vitest';
import { renderPlot } from '../../src/plots/render';
import * as Plot from '@observablehq/plot';
import { createRng } from '@neural-notes/nn';
import { CURVE_FRAME, curveDomains, curvePlot, cursorLayout } from '../../src/plots/activations/curves';
import { softmaxPlot } from '../../src/plots/activations/softmax';
import { gradientPlot, layerTicks } from '../../src/plots/activations/gradients';
import { formatMagnitude, formatPowerOfTen, logTickFormat, logTicks, superscript } from '../../src/plots/activations/log-axis';
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
  it('drops non-finite points and rays, and renders without NaN', () => {
    const bad = [...pts, { x: 1, y: NaN, seg: 1 }, { x: 1.5, y: Infinity, seg: 1 }];
    const o = curvePlot([{ key: 'x', color: 'red', points: bad }], {
      xDomain: [-2, 2],
      yLabel: 'f′(x)',
      rays: [{ slope: 0.2, color: 'blue' }, { slope: NaN, color: 'blue' }, { slope: 0.1, color: 'blue', flat: true }],
    });
    const svg = renderPlot(o);
    noNaN(svg);
    // two curve pieces (z = seg) and two valid rays; the cursor is not part of the plot
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(svg).not.toContain('<circle');
  });
  it('places the cursor layer exactly where Plot would draw it on the same scales', () => {
    const series = [{ key: 'x', color: 'red', points: pts }];
    const settings = { xDomain: [-2, 2] as const, yLabel: 'f(x)' };
    const domains = curveDomains(series, settings);
    expect(domains.y).toEqual(curvePlot(series, settings).y?.domain);
    const cursor = { x: 0.7, points: [{ y: 0.7, color: 'red' }, { y: 1.9, color: 'blue' }] };
    const c = cursorLayout(domains, cursor);
    // the same rule and dots as Plot marks on the plot's own frame and scales
    const svg = renderPlot({
      ...curvePlot(series, settings),
      marks: [Plot.ruleX([cursor.x]), Plot.dot(cursor.points, { x: () => cursor.x, y: 'y', r: 4.5 })],
    });
    // attributes of every <line> and <circle>, whatever their order
    const elements = (tag: string) =>
      [...svg.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'g'))].map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], Number(a[2])])));
    const rule = elements('line').find((l) => l.x1 === l.x2); // the grid lines are horizontal
    const dots = elements('circle').map((d) => [d.cx, d.cy]);
    expect(rule).toBeDefined();
    // Plot's drawing is written to a tenth of a pixel (renderPlot → trimNumbers); the layer to the full.
    const near = (a: number | undefined, b: number | undefined) => expect(Math.abs((a ?? NaN) - (b ?? NaN))).toBeLessThanOrEqual(0.05);
    near(c?.x, rule?.x1);
    expect([c?.top, c?.bottom]).toEqual([Math.min(rule?.y1 ?? NaN, rule?.y2 ?? NaN), Math.max(rule?.y1 ?? NaN, rule?.y2 ?? NaN)]);
    expect(c?.dots).toHaveLength(2);
    c?.dots.forEach((d, i) => {
      near(d.cx, dots[i][0]);
      near(d.cy, dots[i][1]);
    });
  });
  it('gives no dot for a non-finite or out-of-range value, and no cursor outside the x-range', () => {
    const domains = curveDomains([{ key: 'x', color: 'red', points: pts }], { xDomain: [-2, 2], yLabel: 'f' });
    const c = cursorLayout(domains, { x: 1, points: [{ y: NaN, color: 'a' }, { y: 1, color: 'b' }, { y: 1e9, color: 'c' }] });
    expect(c?.dots.map((d) => d.color)).toEqual(['b']);
    expect(cursorLayout(domains, { x: NaN, points: [] })).toBeNull();
    expect(cursorLayout(domains, { x: 3, points: [] })).toBeNull();
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

describe('layer ticks of the vanishing-gradient figure', () => {
  it('are whole, distinct, increasing layer numbers from 1 within the depth, at every depth and both sizes', () => {
    for (let depth = 2; depth <= 30; depth++) {
      for (const max of [7, 10]) {
        const ticks = layerTicks(depth, max);
        expect(ticks[0], `depth ${depth}`).toBe(1);
        expect(ticks.every(Number.isInteger), `depth ${depth}`).toBe(true);
        expect(ticks.every((t, i) => i === 0 || t > ticks[i - 1]), `depth ${depth}`).toBe(true);
        expect(ticks[ticks.length - 1]).toBeLessThanOrEqual(depth);
        expect(ticks.length).toBeLessThanOrEqual(max + 1);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
      }
    }
  });
  it('labels every layer of a shallow stack and steps of 5 in a deep one', () => {
    expect(layerTicks(2, 7)).toEqual([1, 2]);
    expect(layerTicks(3, 7)).toEqual([1, 2, 3]);
    expect(layerTicks(10, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(layerTicks(30, 10)).toEqual([1, 5, 10, 15, 20, 25, 30]);
    expect(layerTicks(30, 7)).toEqual([1, 5, 10, 15, 20, 25, 30]);
    expect(layerTicks(23, 10)).toEqual([1, 5, 10, 15, 20, 23]);
  });
  it('are what the plot draws, printed as distinct whole numbers', () => {
    for (const depth of [2, 3, 30]) {
      for (const compact of [false, true]) {
        const o = gradientPlot([{ series: 'relu', layer: 1, value: 1 }], { depth, colors: {}, compact });
        const ticks = o.x?.ticks as number[];
        const format = o.x?.tickFormat as (v: number) => string;
        expect(ticks).toEqual(layerTicks(depth, compact ? 7 : 10));
        const labels = ticks.map(format);
        expect(new Set(labels).size).toBe(labels.length);
        for (const label of labels) expect(label).toMatch(/^\d+$/);
      }
    }
  });
});

describe('log axis and magnitudes', () => {
  it('writes powers of ten with superscript digits, never SI prefixes or e-notation', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(formatPowerOfTen(1e-12)).toBe('10⁻¹²');
    expect(formatPowerOfTen(7.4612e-12)).toBe('7.46\u202f×\u202f10⁻¹²');
    expect(formatPowerOfTen(2e-5, 3)).toBe('2\u202f×\u202f10⁻⁵');
    expect(formatPowerOfTen(1)).toBe('10⁰');
    expect(formatMagnitude(7.4612e-12)).toBe('7.46\u202f×\u202f10⁻¹²');
    expect(formatMagnitude(0.000366)).toBe('3.66\u202f×\u202f10⁻⁴');
    expect(formatMagnitude(0.0009996)).toBe('0.001');
    expect(formatMagnitude(0.000999)).toBe('9.99\u202f×\u202f10⁻⁴');
    expect(formatMagnitude(0.813)).toBe('0.813');
    expect(formatMagnitude(5.8321)).toBe('5.83');
    expect(formatMagnitude(-0.25)).toBe('\u22120.25');
    expect(formatMagnitude(12345)).toBe('1.23\u202f×\u202f10⁴');
    expect(formatMagnitude(0)).toBe('0');
    expect(formatMagnitude(NaN)).toBe('—');
    expect(formatMagnitude(Infinity)).toBe('—');
  });
  it('ticks a wide range at whole powers of ten, evenly spaced, at most the number asked', () => {
    const ticks = logTicks(1.26e-18, 29.6, 8);
    expect(ticks).toEqual([1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1]);
    expect(ticks.map(logTickFormat(ticks))).toEqual(['10⁻¹⁵', '10⁻¹²', '10⁻⁹', '10⁻⁶', '10⁻³', '10⁰']);
    for (const [lo, hi] of [[1e-30, 10], [3e-7, 50], [1e-5, 0.02]] as const) {
      const t = logTicks(lo, hi, 7);
      expect(t.length).toBeGreaterThanOrEqual(3);
      expect(t.length).toBeLessThanOrEqual(7);
      expect(t.every((v) => v >= lo && v <= hi)).toBe(true);
    }
  });
  it('gives a narrow range at least three ticks, in plain decimals', () => {
    const ticks = logTicks(2.9, 22, 8);
    expect(ticks).toEqual([5, 10, 20]);
    expect(ticks.map(logTickFormat(ticks))).toEqual(['5', '10', '20']);
    const tiny = logTicks(2.1e-9, 8.4e-9, 8);
    expect(tiny.map(logTickFormat(tiny))).toEqual([3, 4, 5, 6, 7, 8].map((m) => `${m}\u202f×\u202f10⁻⁹`));
  });
  it('the gradient plot labels 30 sigmoid layers in powers of ten, with no atto, femto or pico', () => {
    const pts = Array.from({ length: 30 }, (_, i) => ({ series: 'sigmoid', layer: i + 1, value: 5.83 * 0.233 ** (29 - i) }));
    for (const compact of [false, true]) {
      const o = gradientPlot(pts, { depth: 30, colors: { sigmoid: 'blue' }, compact });
      const svg = renderPlot(o);
      noNaN(svg);
      const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(labels).toContain('10⁻¹²');
      for (const label of labels) expect(label).not.toMatch(/^[\d.]+\s*[afpnµμmk]$|e[−-]\d/);
    }
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

describe('trimNumbers', () => {
  it('writes positions to a tenth of a pixel and opacities to a hundredth, leaving the svg element and text alone', async () => {
    const { parseHTML } = await import('linkedom');
    const { trimNumbers } = await import('../../src/plots/render');
    const { document } = parseHTML('<svg viewBox="0 0 10.123 5" width="10.123"><g transform="translate(0.5,12.345)"><rect x="1.04999" y="-0.04" width="2.25001" fill-opacity="0.0013125"/><path d="M1.234,5.678L-0.001,2e-7"/><text x="3.14159">1.234567</text></g></svg>');
    const svg = document.querySelector('svg') as unknown as Element;
    trimNumbers(svg);
    expect(svg.outerHTML.replace(/ \/>/g, '/>')).toBe('<svg viewBox="0 0 10.123 5" width="10.123"><g transform="translate(0.5,12.3)"><rect x="1" y="0" width="2.3" fill-opacity="0"/><path d="M1.2,5.7L0,0"/><text x="3.1">1.234567</text></g></svg>');
  });

  it('trimmed writes a number exactly as trimNumbers leaves it in an attribute', async () => {
    const { parseHTML } = await import('linkedom');
    const { trimNumbers, trimmed } = await import('../../src/plots/render');
    const rng = createRng(7);
    const values = [0, -0, 1, -3, 0.005, 0.015, 1.005, -0.004, 0.995, 2e-7, -2e-7, 1e21, 1.5e21, 123456.78, Infinity, -Infinity, NaN];
    for (let k = 0; k < 400; k++) values.push(rng.uniform(-2, 2) * 10 ** Math.round(rng.uniform(-8, 6)));
    const { document } = parseHTML('<svg></svg>');
    const rect = document.createElement('rect');
    document.querySelector('svg')!.appendChild(rect);
    for (const v of values) {
      rect.setAttribute('x', String(v));
      rect.setAttribute('fill-opacity', String(v));
      trimNumbers(rect as unknown as Element);
      expect([trimmed(v, 'pixels'), trimmed(v, 'opacity')], String(v)).toEqual([rect.getAttribute('x'), rect.getAttribute('fill-opacity')]);
    }
  });
});
