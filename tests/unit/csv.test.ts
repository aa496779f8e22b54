import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/components/csv';

describe('toCsv', () => {
  it('writes a header and rows, quoting where needed and leaving non-finite numbers empty', () => {
    expect(toCsv([{ a: 1, b: 'x,y' }, { a: NaN, b: 'say "hi"' }, { a: 0.5, b: null }])).toBe('a,b\n1,"x,y"\n,"say ""hi"""\n0.5,\n');
  });
  it('is empty for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('rowsFromPlot', () => {
  it('reads every mark’s data back as rows, naming the mark, and skips reference rules', async () => {
    const Plot = await import('@observablehq/plot');
    const { rowsFromPlot } = await import('../../src/plots/plot-data');
    const rows = rowsFromPlot({
      marks: [
        Plot.ruleY([0]),
        Plot.line([{ x: 1, y: 2, name: 'a', nested: { no: 1 } }, { x: 2, y: 3, name: 'a' }], { x: 'x', y: 'y' }),
        [Plot.dot([[0.5, -1], [1.5, 4]])],
        Plot.barY([0.2, 0.3, 0.5]),
      ],
    });
    expect(rows).toEqual([
      { mark: 'line 2', x: 1, y: 2, name: 'a' },
      { mark: 'line 2', x: 2, y: 3, name: 'a' },
      { mark: 'dot 3', x: 0.5, y: -1 },
      { mark: 'dot 3', x: 1.5, y: 4 },
      { mark: 'bar 4', value: 0.2 },
      { mark: 'bar 4', value: 0.3 },
      { mark: 'bar 4', value: 0.5 },
    ]);
    expect(toCsv(rows).split('\n')[0]).toBe('mark,x,y,name,value');
  });
});
