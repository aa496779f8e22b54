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
