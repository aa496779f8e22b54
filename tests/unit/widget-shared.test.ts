import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatNumber, parseNumber } from '../../src/widgets/shared/validate';
import {
  booleanCodec, flushUrlState, listCodec, numberCodec, oneOfCodec, queueUrlWrite, readState, URL_RETRY_DELAY_MS, URL_WRITE_DELAY_MS, writeState,
} from '../../src/widgets/shared/url-state';
import { resolveProps } from '../../src/widgets/shared/props';

describe('parseNumber', () => {
  it('accepts numbers in range, including a typographic minus', () => {
    expect(parseNumber(' 0.3 ', { min: 0, max: 1 })).toEqual({ ok: true, value: 0.3 });
    expect(parseNumber('\u22122', { min: -5 })).toEqual({ ok: true, value: -2 });
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
});

describe('formatNumber', () => {
  it('never prints NaN or Infinity', () => {
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('—');
    expect(formatNumber(-Infinity)).toBe('—');
  });
  it('rounds to significant digits and uses a real minus sign', () => {
    expect(formatNumber(0.84379473, 3)).toBe('0.844');
    expect(formatNumber(-1.23456, 3)).toBe('\u22121.23');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1.5e-7, 2)).toBe('1.5e\u22127');
  });
});

describe('URL state', () => {
  const codecs = { lambda: numberCodec(0, 10), runs: numberCodec(1, 50, { integer: true }), method: oneOfCodec(['l1', 'l2'] as const), on: booleanCodec, logits: listCodec(numberCodec(-1e4, 1e4), { min: 1, max: 3 }) };
  const defaults = { lambda: 0.3, runs: 5, method: 'l1' as 'l1' | 'l2', on: false, logits: [1, 2] };

  it('round-trips a state, leaving defaults out of the URL and other widgets alone', () => {
    const state = { ...defaults, runs: 12, method: 'l2' as const, logits: [3, 0.7, 0.5] };
    const search = writeState('?other.x=1', 'exp', codecs, state, defaults);
    expect(search).toBe('?other.x=1&exp.runs=12&exp.method=l2&exp.logits=3%2C0.7%2C0.5');
    expect(readState(search, 'exp', codecs, defaults)).toEqual(state);
  });

  it('ignores values that do not parse, are out of range or of the wrong length', () => {
    const search = '?exp.lambda=abc&exp.runs=500&exp.method=l9&exp.on=yes&exp.logits=1,2,3,4';
    expect(readState(search, 'exp', codecs, defaults)).toEqual(defaults);
    expect(readState('?exp.runs=2.5', 'exp', codecs, defaults).runs).toBe(5);
  });
});

describe('URL writes', () => {
  // A stand-in for the page's location and history: replaceState records each URL it is given.
  let url: URL;
  let writes: string[];
  let refuse: boolean;
  beforeEach(() => {
    vi.useFakeTimers();
    url = new URL('https://example.org/articles/a/?other.k=1#fig');
    writes = [];
    refuse = false;
    vi.stubGlobal('location', {
      get search() { return url.search; },
      get pathname() { return url.pathname; },
      get hash() { return url.hash; },
    });
    vi.stubGlobal('history', {
      state: null,
      replaceState(_state: unknown, _title: string, next: string) {
        if (refuse) throw new DOMException('Attempt to use history.replaceState() more than 100 times per 30 seconds', 'SecurityError');
        url = new URL(next, url);
        writes.push(next);
      },
    });
  });
  afterEach(() => {
    flushUrlState();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const codecs = { t: numberCodec(0, 5) };
  const set = (prefix: string, t: number) => (search: string) => writeState(search, prefix, codecs, { t }, { t: 1 });

  it('writes a burst of changes once, after the widget has been still, keeping other keys and the hash', () => {
    for (let k = 0; k < 50; k++) {
      queueUrlWrite('softmax', set('softmax', 1 + k / 10));
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 1);
    }
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(['/articles/a/?other.k=1&softmax.t=5.9#fig']);
  });
  it('merges the pending changes of several widgets into one write', () => {
    queueUrlWrite('a', set('a', 2));
    queueUrlWrite('b', set('b', 3));
    queueUrlWrite('a', set('a', 4));
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(writes).toEqual(['/articles/a/?other.k=1&a.t=4&b.t=3#fig']);
  });
  it('flushes at once on demand (Copy link), and then has nothing left to write', () => {
    queueUrlWrite('a', set('a', 2));
    flushUrlState();
    expect(url.search).toBe('?other.k=1&a.t=2');
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    expect(writes).toHaveLength(1);
  });
  it('keeps a write the browser refused and tries it again later', () => {
    refuse = true;
    queueUrlWrite('a', set('a', 2));
    expect(() => vi.advanceTimersByTime(URL_WRITE_DELAY_MS)).not.toThrow();
    expect(writes).toEqual([]);
    refuse = false;
    vi.advanceTimersByTime(URL_RETRY_DELAY_MS);
    expect(url.search).toBe('?other.k=1&a.t=2');
  });
});

describe('resolveProps', () => {
  const specs = {
    fn: { type: 'enum', values: ['sigmoid', 'relu'], default: 'sigmoid', description: 'function' },
    depth: { type: 'number', min: 1, max: 30, integer: true, default: 10, description: 'layers' },
    compare: { type: 'boolean', default: false, description: 'overlay' },
  } as const;

  it('fills in defaults and keeps valid values', () => {
    expect(resolveProps('Explorer', specs, { depth: 20 })).toEqual({ fn: 'sigmoid', depth: 20, compare: false });
  });

  it('names the widget, the prop and the allowed values', () => {
    expect(() => resolveProps('Explorer', specs, { fn: 'tanhh' })).toThrow('<Explorer>: prop "fn" must be one of "sigmoid", "relu" (got "tanhh")');
    expect(() => resolveProps('Explorer', specs, { depth: 99 })).toThrow('prop "depth" must be a whole number from 1 to 30 (got 99)');
    expect(() => resolveProps('Explorer', specs, { depth: '5' })).toThrow('must be a whole number');
    expect(() => resolveProps('Explorer', specs, { colour: 'red' })).toThrow('unknown prop "colour"; allowed props: fn, depth, compare');
  });
});
