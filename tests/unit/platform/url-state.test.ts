import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codecOf } from '../../../src/figures/setting-codecs';
import type { SettingSpecs } from '../../../src/figures/settings';
import { defineFigure } from '../../../src/figures/figure';
import { ignoredMessage, urlFields } from '../../../src/widgets/shared/figure-state';
import { flushUrlState, queueUrlWrite, readState, URL_RETRY_DELAY_MS, URL_WRITE_DELAY_MS, writeState } from '../../../src/widgets/shared/url-state';

const settings = {
  lambda: { type: 'number', default: 0.3, min: 0, max: 10, label: 'λ', description: 'x' },
  runs: { type: 'number', default: 5, min: 1, max: 50, integer: true, label: 'runs', description: 'x' },
  method: { type: 'enum', values: ['l1', 'l2'] as const, default: 'l1', label: 'penalty', description: 'x' },
  on: { type: 'boolean', default: false, label: 'on', url: 'o', description: 'x' },
  logits: { type: 'numbers', default: [1, 2], min: -1e4, max: 1e4, minItems: 1, maxItems: 3, label: 'z', description: 'x' },
  fns: { type: 'list', values: ['relu', 'elu', 'tanh'] as const, default: ['relu'], label: 'Show', description: 'x' },
  internal: { type: 'number', default: 1, min: 0, max: 9, url: false, label: 'internal', description: 'x' },
} satisfies SettingSpecs;
const figure = defineFigure({ name: 'Demo', description: 'x', defaultId: 'exp', frame: null, settings });
const fields = urlFields(figure);
const defaults = { lambda: 0.3, runs: 5, method: 'l1' as 'l1' | 'l2', on: false, logits: [1, 2], fns: ['relu'] as ('relu' | 'elu' | 'tanh')[], internal: 1 };

describe('URL state, with the codecs derived from a declaration', () => {
  it('round-trips a state under each setting\'s URL key, leaving defaults out of the URL, other widgets alone and url: false settings out', () => {
    const state = { ...defaults, runs: 12, method: 'l2' as const, logits: [3, 0.7, 0.5], on: true, internal: 7 };
    const search = writeState('?other.x=1', 'exp', fields, state, defaults);
    expect(search).toBe('?other.x=1&exp.runs=12&exp.method=l2&exp.o=1&exp.logits=3%2C0.7%2C0.5');
    expect(readState(search, 'exp', fields, defaults)).toEqual({ state: { ...state, internal: 1 }, ignored: [] });
  });

  it('ignores values that do not parse, are out of range or of the wrong length, and lists them', () => {
    const search = '?exp.lambda=abc&exp.runs=500&exp.method=l9&exp.o=yes&exp.logits=1,2,3,4';
    const read = readState(search, 'exp', fields, defaults);
    expect(read.state).toEqual(defaults);
    expect(read.ignored.map((i) => i.param)).toEqual(['exp.lambda', 'exp.runs', 'exp.method', 'exp.o', 'exp.logits']);
    expect(readState('?exp.runs=2.5', 'exp', fields, defaults).state.runs).toBe(5);
  });

  it('reads decimal notation only: no hex, no binary, no Infinity, no empty value', () => {
    for (const text of ['0x1F', '0b11', '0o7', 'Infinity', '', ' ', '1e999', 'NaN', '1_0']) {
      expect(readState(`?exp.runs=${encodeURIComponent(text)}`, 'exp', fields, defaults).state.runs, text).toBe(5);
    }
    expect(readState('?exp.lambda=%E2%88%922', 'exp', fields, { ...defaults }).state.lambda).toBe(0.3); // −2 is out of range
    expect(readState('?exp.lambda=2.5e0', 'exp', fields, defaults).state.lambda).toBe(2.5);
  });

  it('de-duplicates a list from the URL and keeps the declared order, so a value listed twice cannot defeat "keep one ticked"', () => {
    expect(readState('?exp.fns=elu,relu,elu', 'exp', fields, defaults).state.fns).toEqual(['relu', 'elu']);
    expect(readState('?exp.fns=', 'exp', fields, defaults).state.fns).toEqual(['relu']);
    expect(readState('?exp.fns=relu,gelu', 'exp', fields, defaults).state.fns).toEqual(['relu']);
  });

  it('uses the first of a key given twice, and reports the others and unknown keys of the figure', () => {
    const read = readState('?exp.runs=7&exp.runs=9&exp.foo=1&other.runs=3', 'exp', fields, defaults);
    expect(read.state.runs).toBe(7);
    expect(read.ignored).toEqual([
      { param: 'exp.runs', value: '9', why: 'repeated' },
      { param: 'exp.foo', value: '1', why: 'unknown' },
    ]);
  });

  it('says quietly which parameters were ignored and why, in the settings\' own words', () => {
    const read = readState('?exp.lambda=NaN&exp.foo=%3Cscript%3E&exp.runs=1&exp.runs=2', 'exp', fields, defaults);
    expect(ignoredMessage(figure, 'exp', read.ignored)).toBe(
      'Ignored exp.lambda=NaN: λ must be a number from 0 to 10; exp.runs=2: given twice, the first one is used; exp.foo=<script>: this figure has no such setting.',
    );
    expect(ignoredMessage(figure, 'exp', [])).toBeNull();
  });

  it('drops the figure\'s ignored parameters when it writes the URL back (a shared link carries no junk)', () => {
    expect(writeState('?exp.lambda=NaN&exp.foo=1&keep=1', 'exp', fields, defaults, defaults)).toBe('?keep=1');
  });

  it('formats what it parses for every kind of setting', () => {
    expect(codecOf(settings.fns).format(['relu', 'tanh'])).toBe('relu,tanh');
    expect(codecOf({ type: 'points', default: [], x: [0, 10], y: [-6, 30], maxItems: 3, label: 'p', description: 'x' }).parse('1:2,3.5:-4')).toEqual([
      [1, 2],
      [3.5, -4],
    ]);
    expect(codecOf({ type: 'points', default: [], x: [0, 10], y: [-6, 30], maxItems: 3, label: 'p', description: 'x' }).parse('1:2,11:0')).toBeUndefined();
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
  const t = urlFields(defineFigure({ name: 'T', description: 'x', defaultId: 't', frame: null, settings: { t: { type: 'number', default: 1, min: 0, max: 5, label: 't', description: 'x' } } }));
  const set = (prefix: string, v: number) => (search: string) => writeState(search, prefix, t, { t: v }, { t: 1 });

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

