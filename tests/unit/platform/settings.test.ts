import { describe, expect, it } from 'vitest';
import { codecOf } from '../../../src/figures/setting-codecs';
import { checkValue, controlLabel, parseNumber, readDecimal, type SettingSpec } from '../../../src/figures/settings';
import { checkJobInput, defineFigure, resolveSettings } from '../../../src/figures/figure';

describe('parseNumber (what a reader types)', () => {
  it('accepts numbers in range, including a typographic minus', () => {
    expect(parseNumber(' 0.3 ', { min: 0, max: 1 })).toEqual({ ok: true, value: 0.3 });
    expect(parseNumber('\u22122', { min: -5 })).toEqual({ ok: true, value: -2 });
    expect(parseNumber('1e-3', { min: 0 })).toEqual({ ok: true, value: 0.001 });
  });
  it('rejects empty, non-numeric, non-finite, out-of-range and fractional input with a message', () => {
    expect(parseNumber('', { min: 0, max: 1 })).toEqual({ ok: false, message: 'Enter a number from 0 to 1.' });
    expect(parseNumber('abc')).toMatchObject({ ok: false, message: expect.stringContaining('“abc” is not a number') });
    expect(parseNumber('NaN').ok).toBe(false);
    expect(parseNumber('Infinity').ok).toBe(false);
    expect(parseNumber('1e400').ok).toBe(false);
    expect(parseNumber('7', { max: 5 })).toMatchObject({ ok: false, message: '7 is out of range; enter a number of at most 5.' });
    expect(parseNumber('2.5', { integer: true, min: 1, max: 50 })).toMatchObject({ ok: false, message: 'Enter a whole number from 1 to 50.' });
  });
  it('accepts decimal notation only: hex, binary and octal are not numbers here', () => {
    for (const text of ['0x1F', '0b101', '0o17', '1_000', '--1', '1..2', '.']) {
      expect(parseNumber(text), text).toMatchObject({ ok: false, message: `“${text}” is not a number; enter a number.` });
    }
  });
  it('echoes what was typed, not a converted number', () => {
    expect(parseNumber('100000000000000000000', { min: 1, max: 100 })).toMatchObject({ message: '100000000000000000000 is out of range; enter a number from 1 to 100.' });
    expect(parseNumber('1e2', { max: 50 })).toMatchObject({ message: '1e2 is out of range; enter a number of at most 50.' });
  });
  it('readDecimal is the same rule for the URL', () => {
    expect(readDecimal('0x1F')).toBeUndefined();
    expect(readDecimal('\u22120.5')).toBe(-0.5);
    expect(readDecimal('2.')).toBe(2);
    expect(readDecimal('')).toBeUndefined();
  });
});

describe('checkValue: one rule for props, URL values, typed values and job inputs', () => {
  const number: SettingSpec = { type: 'number', default: 1, min: 0, max: 10, integer: true, label: 'n', description: 'x' };
  const choices: SettingSpec = { type: 'number', default: 0.05, min: 0.003, max: 0.1, choices: [0.003, 0.05, 0.1], label: 'lr', description: 'x' };
  const list: SettingSpec = { type: 'list', values: ['a', 'b', 'c'], default: ['a'], label: 'l', description: 'x' };
  it('numbers: finite, in range, whole when asked, one of the choices when given', () => {
    expect(checkValue(number, 3)).toEqual({ ok: true, value: 3 });
    for (const bad of [NaN, Infinity, -1, 11, 2.5, '3', null]) expect(checkValue(number, bad).ok, String(bad)).toBe(false);
    expect(checkValue(choices, 0.05).ok).toBe(true);
    expect(checkValue(choices, 0.04)).toEqual({ ok: false, expected: 'one of 0.003, 0.05, 0.1' });
  });
  it('lists: known values only, each once, in the declared order, at least one', () => {
    expect(checkValue(list, ['c', 'a', 'c'])).toEqual({ ok: true, value: ['a', 'c'] });
    expect(checkValue(list, []).ok).toBe(false);
    expect(checkValue(list, ['a', 'z']).ok).toBe(false);
    expect(checkValue(list, 'a').ok).toBe(false);
  });
  it('codecs parse only what checkValue accepts', () => {
    const codec = codecOf(number);
    expect(codec.parse('10')).toBe(10);
    expect(codec.parse('10.5')).toBeUndefined();
    expect(codec.parse('0x5')).toBeUndefined();
    expect(codecOf(list).parse('b,b,a')).toEqual(['a', 'b']);
  });
  it('a typed number shows its range in its label when declared so', () => {
    expect(controlLabel({ type: 'number', default: 0.3, min: 0, max: 10, showRange: true, label: 'λ', description: 'x' })).toBe('λ (0–10)');
    expect(controlLabel({ type: 'number', default: 5, min: -50, max: 50, showRange: true, label: 'offset', description: 'x' })).toBe('offset (\u221250–50)');
    expect(controlLabel(number)).toBe('n');
  });
});

describe('resolveSettings (what an article passed)', () => {
  const figure = defineFigure({
    name: 'Explorer',
    description: 'x',
    defaultId: 'x',
    frame: { minHeight: 100 },
    settings: {
      fn: { type: 'enum', values: ['sigmoid', 'relu'] as const, default: 'sigmoid', label: 'f', description: 'function' },
      depth: { type: 'number', min: 1, max: 30, integer: true, default: 10, label: 'depth', description: 'layers' },
      compare: { type: 'boolean', default: false, label: 'compare', description: 'overlay' },
      seed: { type: 'number', min: 0, max: 9, default: 1, label: 'seed', prop: false, description: 'reader only' },
    },
    rules: (s) => (s.depth > 20 && s.compare ? 'compare needs depth ≤ 20' : null),
  });

  it('fills in defaults and keeps valid values; id, class and caption belong to the frame', () => {
    expect(resolveSettings(figure, { depth: 20, id: 'a', class: 'b', caption: 'c' })).toEqual({ fn: 'sigmoid', depth: 20, compare: false, seed: 1 });
  });

  it('names the figure, the prop and the allowed values', () => {
    expect(() => resolveSettings(figure, { fn: 'tanhh' })).toThrow('<Explorer>: prop "fn" must be one of "sigmoid", "relu" (got "tanhh")');
    expect(() => resolveSettings(figure, { depth: 99 })).toThrow('prop "depth" must be a whole number from 1 to 30 (got 99)');
    expect(() => resolveSettings(figure, { depth: '5' })).toThrow('must be a whole number');
    expect(() => resolveSettings(figure, { colour: 'red' })).toThrow('unknown prop "colour"; allowed props: fn, depth, compare, id, class, caption');
    expect(() => resolveSettings(figure, { seed: 3 })).toThrow('unknown prop "seed"');
    expect(() => resolveSettings(figure, { depth: 25, compare: true })).toThrow('<Explorer>: compare needs depth ≤ 20');
  });

  it('checks a job input at the worker boundary: exactly the inputs, each valid, the field named', () => {
    const computed = defineFigure({
      ...figure,
      compute: { inputs: ['fn', 'depth'], load: async () => (input: { fn: string; depth: number }) => input },
    });
    expect(checkJobInput(computed, { fn: 'relu', depth: 3 })).toEqual({ ok: true, input: { fn: 'relu', depth: 3 } });
    expect(checkJobInput(computed, { fn: 'relu' })).toEqual({ ok: false, message: 'Explorer: field "depth" is missing' });
    expect(checkJobInput(computed, { fn: 'relu', depth: 3, extra: 1 })).toEqual({ ok: false, message: 'Explorer: unknown field "extra"; the input has fn, depth' });
    expect(checkJobInput(computed, { fn: 'relu', depth: NaN })).toEqual({ ok: false, message: 'Explorer: field "depth" must be a whole number from 1 to 30 (got NaN)' });
    expect(checkJobInput(computed, [1, 2])).toEqual({ ok: false, message: 'Explorer: the input must be an object with fn, depth' });
  });
});
