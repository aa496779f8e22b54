import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import explorer from '../../src/figures/activations/ActivationExplorer.figure';
import { jobInput, resolveSettings, type FigureDeclaration } from '../../src/figures/figure';
import { formatCode, formatLive, liveNames, reservedChars, typesetLive } from '../../src/lib/live-formula';

const tex = "\\sigma(\\live{x}) = \\frac{1}{1 + e^{-\\live{x}}} = \\live{f.sigmoid}, \\qquad \\sigma'(\\live{x}) = \\live{d.sigmoid}";

describe('live formulas', () => {
  const settings = resolveSettings(explorer, { functions: ['sigmoid'], cursor: 1.5 });
  const values = explorer.live!.compute(settings);
  const formats = { x: { digits: 3 }, 'f.sigmoid': { digits: 4 }, 'd.sigmoid': { decimals: 4 } };
  const html = typesetLive(tex, values, formats);
  const { document } = parseHTML(`<div>${html}</div>`);

  it('the figure lends its numbers for its settings and the cursor', () => {
    expect(values.x).toBe(1.5);
    expect(values['f.sigmoid']).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 15);
    expect(values['d.sigmoid']).toBeCloseTo(values['f.sigmoid'] * (1 - values['f.sigmoid']), 15);
    expect(explorer.live!.compute(settings, { x: 99 }).x).toBe(settings.xMax); // the cursor stays in the range
  });

  it('typesets every \\live{…} as the number, marked in the HTML and in the MathML, with its digits', () => {
    expect(liveNames(tex)).toEqual(['x', 'x', 'f.sigmoid', 'x', 'd.sigmoid']);
    const shown = [...document.querySelectorAll('.katex-html [data-nnlive]')].map((e) => [e.getAttribute('data-nnlive'), e.textContent]);
    expect(shown).toEqual([
      ['x', '1.5'],
      ['x', '1.5'],
      ['f.sigmoid', '0.8176'],
      ['x', '1.5'],
      ['d.sigmoid', '0.1491'],
    ]);
    const read = [...document.querySelectorAll('mn[data-nnlive]')].map((e) => [e.getAttribute('data-nnlive'), e.textContent]);
    expect(read).toEqual(shown);
    expect(html).not.toMatch(/10000\d|nnslot|htmlData/);
    expect(document.querySelector('annotation')?.textContent).toBe(tex.replace(/\\live\{x\}/g, '1.5').replace('\\live{f.sigmoid}', '0.8176').replace('\\live{d.sigmoid}', '0.1491'));
  });

  it('writes numbers in their format, the same way at build time and in the page', () => {
    expect(document.querySelector('.katex-html [data-nnlive="d.sigmoid"]')?.getAttribute('data-format')).toBe('f4');
    expect(document.querySelector('mn[data-nnlive="f.sigmoid"]')?.getAttribute('data-format')).toBe('d4');
    expect(formatCode({})).toBe('d3');
    expect(formatLive(-0.70312, 'f2')).toBe('−0.70');
    expect(formatLive(0.5, 'f2')).toBe('0.50');
    expect(formatLive(-0.0000123456, 'd3')).toBe('−1.23\u202f×\u202f10⁻⁵');
    expect(formatLive(25430, 'd4')).toBe('2.543\u202f×\u202f10⁴');
    expect(formatLive(NaN, 'f2')).toBe('—');
    expect(formatLive(Infinity, 'd3')).toBe('∞');
    expect(formatLive(-Infinity, 'f1')).toBe('−∞');
  });

  it('reserves the width of the widest number a value will hold', () => {
    const box = document.querySelector('.katex-html [data-nnlive="f.sigmoid"]') as HTMLElement | null;
    expect(box?.getAttribute('style')).toBe(`min-width:${reservedChars({ digits: 4 }) * 0.5}em`);
    // 4 significant digits in −99.9…99.9: at widest "−0.1234" or "−12.34" (7 characters)
    expect(reservedChars({ digits: 4 })).toBe('−0.1234'.length);
    expect(reservedChars({ decimals: 2 })).toBe('−12.34'.length);
    expect(reservedChars({ digits: 4, chars: 5 })).toBe(5);
  });

  it('fails on TeX that KaTeX cannot typeset', () => {
    expect(() => typesetLive('\\frac{\\live{x}', { x: 1 }, {})).toThrow(/KaTeX parse error/);
  });
});

describe('every figure that lends numbers', () => {
  const declarations = import.meta.glob<FigureDeclaration>('../../src/figures/**/*.figure.ts', { eager: true, import: 'default' });
  const lenders = Object.values(declarations).filter((d) => d.live);
  it('there are some (the gallery and the reference list them)', () => {
    expect(lenders.map((d) => d.name).sort()).toEqual(expect.arrayContaining(['ActivationExplorer', 'BackpropChain', 'Softmax']));
  });
  for (const figure of lenders)
    it(`${figure.name}: computes every number it declares, finite at its defaults, and its example typesets with names it declares`, async () => {
      const live = figure.live!;
      const settings = resolveSettings(figure, {});
      // a figure whose numbers come out of its computation gets the result, as the build hands it over
      const result = figure.compute ? (await figure.compute.load())(jobInput(figure, settings), () => {}) : undefined;
      const values = live.compute(settings, undefined, result);
      expect(Object.keys(values).sort()).toEqual(Object.keys(live.values).sort());
      for (const [name, v] of Object.entries(values)) expect(Number.isFinite(v), name).toBe(true);
      for (const name of liveNames(live.example)) expect(Object.keys(live.values)).toContain(name);
      expect(() => typesetLive(live.example, values, live.values)).not.toThrow();
    });
});
