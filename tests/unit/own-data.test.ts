import { describe, expect, it } from 'vitest';
import { dataCsv, MAX_TEXT, parseDataCsv, readSummary } from '../../src/figures/data-csv';
import { EXPERIMENT_DATA, LINE_DATA, TASK_DATA } from '../../src/figures/own-data';
import { codecOf, parseData } from '../../src/figures/setting-codecs';
import { checkValue, DATA_URL_MAX, formatData, type DataSetting } from '../../src/figures/settings';
import { readState, unwritten, writeState } from '../../src/widgets/shared/url-state';
import { ignoredMessage, urlFields } from '../../src/widgets/shared/figure-state';
import experiment from '../../src/figures/regularization/Experiment.figure';
import { padBox, padToData, dataToPad, roundToBox } from '../../src/plots/data-pad';

/** A reader's own data: the CSV parser, the setting's check, its URL codec, and the drawing pad's arithmetic. */
const spec: DataSetting = EXPERIMENT_DATA; // 5 to 200 points, x and y from −1000 to 1000

const fail = (text: string, s: DataSetting = spec) => {
  const r = parseDataCsv(text, s);
  if (r.ok) throw new Error(`expected a refusal of ${JSON.stringify(text.slice(0, 60))}`);
  return r;
};
const points = (text: string, s: DataSetting = spec) => {
  const r = parseDataCsv(text, s);
  if (!r.ok) throw new Error(r.message);
  return r.points;
};

describe('the CSV parser', () => {
  const five = '1,2\n2,4\n3,6.5\n4,8\n5,10.25\n';
  const fivePoints = [[1, 2], [2, 4], [3, 6.5], [4, 8], [5, 10.25]];

  it('reads x,y lines with or without a header, separated by commas, semicolons or tabs, blank lines and spaces ignored', () => {
    expect(points(five)).toEqual(fivePoints);
    expect(points(`x,y\n${five}`)).toEqual(fivePoints);
    expect(points(five.replace(/,/g, ';'))).toEqual(fivePoints);
    expect(points(`height\tweight\n${five.replace(/,/g, '\t')}`)).toEqual(fivePoints);
    expect(points(`\n  1 , 2 \r\n\r\n2,4\r3,6.5\n4,8\n5,10.25\n\n`)).toEqual(fivePoints);
    expect(points('"1","2"\n2,4\n3,6.5\n4,8\n5,10.25')).toEqual(fivePoints); // quoted, as spreadsheets write
    expect(points('−1,−2\n2e1,.5\n+3,4\n4,8\n5,1E-3')).toEqual([[-1, -2], [20, 0.5], [3, 4], [4, 8], [5, 0.001]]);
  });

  it('reads columns named x and y from a header in any order, else the first two', () => {
    expect(points(`id,Y,X\n1,2,10\n2,4,20\n3,6,30\n4,8,40\n5,10,50`)).toEqual([[10, 2], [20, 4], [30, 6], [40, 8], [50, 10]]);
    const read = parseDataCsv(`a;b;c\n${five.replace(/,/g, ';')}`, spec);
    expect(read).toMatchObject({ ok: true, header: ['a', 'b'], delimiter: ';' });
    if (read.ok) expect(readSummary(read)).toBe('Read 5 points (columns a and b of the header line, separated by semicolons).');
    const plain = parseDataCsv(five, spec);
    if (plain.ok) expect(readSummary(plain)).toBe('Read 5 points (separated by commas).');
  });

  it('names the line and the column of a value that is not a number, missing or not finite', () => {
    expect(fail('x,y\n1,2\n2,4\n3,abc\n4,8\n5,10')).toEqual({ ok: false, message: 'Line 4, column 2 (y): “abc” is not a number.', line: 4, column: 2 });
    expect(fail('1,2\n\n2,\n3,6\n4,8\n5,10')).toEqual({ ok: false, message: 'Line 3, column 2 (y): the value is missing.', line: 3, column: 2 });
    expect(fail('1,2\n2\n3,6\n4,8\n5,10').message).toBe('Line 2, column 2 (y): the value is missing.');
    expect(fail('1,2\nNaN,4\n3,6\n4,8\n5,10')).toEqual({ ok: false, message: 'Line 2, column 1 (x): “NaN” is not a finite number.', line: 2, column: 1 });
    expect(fail('1,2\n2,Infinity\n3,6\n4,8\n5,10').message).toBe('Line 2, column 2 (y): “Infinity” is not a finite number.');
    expect(fail('1,2\n2,4\n3,1e999\n4,8\n5,10').message).toBe('Line 3, column 2 (y): “1e999” is not a finite number.');
    expect(fail('h,w\n1,2\n2,4\n0x10,6\n4,8\n5,10').message).toBe('Line 4, column 1 (h): “0x10” is not a number.');
    expect(fail('1;2\n2;4,5\n3;6\n4;8\n5;10').message).toBe('Line 2, column 2 (y): “4,5” is not a number (write decimals with a point: 4.5).');
    expect(fail('1,2\n2,<script>alert(1)</script>\n3,6\n4,8\n5,10').message).toBe('Line 2, column 2 (y): “<script>alert(1)</s…” is not a number.');
  });

  it('refuses values outside the setting’s range, naming the range', () => {
    expect(fail('1,2\n2,4\n1e308,6\n4,8\n5,10')).toEqual({ ok: false, message: 'Line 3, column 1 (x): “1e308” is outside the range this figure takes, −1000 to 1000.', line: 3, column: 1 });
    expect(fail('1,2\n2,4\n3,6\n4,8\n5,-1000.5').message).toBe('Line 5, column 2 (y): “-1000.5” is outside the range this figure takes, −1000 to 1000.');
    expect(points('-1000,1000\n2,4\n3,6\n4,8\n5,10')[0]).toEqual([-1000, 1000]);
  });

  it('counts the points against the stated minimum and maximum', () => {
    expect(fail('')).toEqual({ ok: false, message: 'There is no data: write one point per line as x,y (at least 5 points).' });
    expect(fail(' \n\n').message).toBe('There is no data: write one point per line as x,y (at least 5 points).');
    expect(fail('x,y\n1,2\n2,4\n3,6\n4,8')).toEqual({ ok: false, message: 'Only 4 points; this figure needs at least 5.' });
    expect(fail('x,y\n1,2', LINE_DATA).message).toBe('Only 1 point; this figure needs at least 2.');
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i},${i % 7}`).join('\n');
    expect(points(rows(200))).toHaveLength(200);
    expect(points(`x,y\n${rows(200)}`)).toHaveLength(200);
    expect(fail(`\n${rows(201)}`)).toEqual({ ok: false, message: 'Line 202 is point 201; this figure takes at most 200 points.', line: 202 });
    expect(fail(`x,y\n${rows(201)}`).message).toBe('The data has 202 lines; this figure takes at most 200 points.');
  });

  it('refuses 100,000 rows and a 5 MB text at once, without reading them through', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `${i},1`).join('\n');
    let t = performance.now();
    expect(fail(rows).message).toBe('The data has 100,000 lines; this figure takes at most 200 points.');
    expect(performance.now() - t).toBeLessThan(500);
    const big = 'x'.repeat(5 * 1024 * 1024);
    t = performance.now();
    expect(fail(big).message).toBe('The text is 5.2 MB long; this figure reads at most 1.0 MB (200 points).');
    expect(performance.now() - t).toBeLessThan(50);
    expect(MAX_TEXT).toBe(1_000_000);
  });

  it('writes CSV that reads back to the same numbers, bit for bit', () => {
    const awkward: [number, number][] = [[0.1 + 0.2, -1e-7], [123456.789, 1 / 3], [-0, 5e-324], [999.9999999999999, -1000], [2, Math.PI]];
    const csv = dataCsv(awkward);
    expect(csv).toBe('x,y\n0.30000000000000004,-1e-7\n123456.789,0.3333333333333333\n0,5e-324\n999.9999999999999,-1000\n2,3.141592653589793\n');
    const back = points(csv, { ...spec, x: [-1e6, 1e6] });
    expect(back).toEqual(awkward.map(([x, y]) => [x === 0 ? 0 : x, y]));
    expect(back.every(([x, y], i) => Object.is(x, awkward[i][0] === 0 ? 0 : awkward[i][0]) && Object.is(y, awkward[i][1]))).toBe(true);
  });
});

describe('the data setting', () => {
  it('accepts null (the figure’s own data) or a list within its limits, nothing else', () => {
    const ok = [[1, 2], [2, 3], [3, 4], [4, 5], [5, 6]];
    expect(checkValue(spec, null)).toEqual({ ok: true, value: null });
    expect(checkValue(spec, ok)).toEqual({ ok: true, value: ok });
    const bad = { ok: false, expected: '5 to 200 points [x, y] with x from -1000 to 1000 and y from -1000 to 1000' };
    for (const v of [undefined, 'x', ok.slice(0, 4), [...ok, [1001, 0]], [...ok, [0, NaN]], [...ok, [0]], [...ok, ['1', 2]], Array(201).fill([0, 0]), {}]) {
      expect(checkValue(spec, v), JSON.stringify(v)?.slice(0, 40)).toEqual(bad);
    }
  });

  it('is declared once per kind of data, with the limits its messages state', () => {
    expect([EXPERIMENT_DATA, LINE_DATA, TASK_DATA].map((s) => [s.minItems, s.maxItems, s.x, s.y, s.url, s.prop])).toEqual([
      [5, 200, [-1000, 1000], [-1000, 1000], 'xy', false],
      [2, 100, [-1000, 1000], [-1000, 1000], 'xy', false],
      [4, 200, [-100, 100], [-100, 100], 'xy', false],
    ]);
    expect(experiment.settings.ownData).toBe(EXPERIMENT_DATA);
  });
});

describe('the data setting in the URL', () => {
  const codec = codecOf(spec);
  const drawn: [number, number][] = Array.from({ length: 40 }, (_, i) => [i / 4, Math.round(Math.sin(i) * 1000) / 100]);

  it('round-trips, compressed, and a link holds the default as nothing at all', () => {
    const text = codec.format(drawn);
    expect(text).toMatch(/^[A-Za-z0-9+\-$]+$/);
    expect(text.length).toBeLessThan('0:0,'.length * 40 + drawn.flat().join('').length); // shorter than written out
    expect(codec.parse(text)).toEqual(drawn);
    expect(codec.parse(new URLSearchParams(`a=${encodeURIComponent(text)}`).get('a')!)).toEqual(drawn);
    // A '+' turned into a space on its way (an unencoded link) still reads.
    expect(codec.parse(text.replace(/\+/g, ' '))).toEqual(drawn);
    expect(formatData(null)).toBe('');
    expect(codec.parse('')).toBeNull();
    expect(codec.maxLength).toBe(DATA_URL_MAX);
  });

  it('reads nothing from garbage, a hostile value or data outside the limits', () => {
    for (const t of ['%%%', '<script>alert(1)</script>', 'NaN', '1e308', 'x'.repeat(500), formatData([[1, 2]]), formatData([[0, 0], [1, 1], [2, 2], [3, 3], [4, 1e308]])]) {
      expect(codec.parse(t), t.slice(0, 30)).toBeUndefined();
    }
    expect(parseData(spec, 'A'.repeat(DATA_URL_MAX + 1))).toBeUndefined();
  });

  it('keeps data too long for a link out of the URL, and says so; reads no value longer than a link holds', () => {
    const fields = urlFields(experiment);
    const defaults = { ...experiment.settings, ...Object.fromEntries(Object.entries(experiment.settings).map(([k, s]) => [k, s.default])) } as never;
    const random = Array.from({ length: 200 }, (_, i) => [((i * 7919) % 1999) - 999.123456789, ((i * 104729) % 1999) / 7] as [number, number]);
    expect(formatData(random).length).toBeGreaterThan(DATA_URL_MAX);
    const state = { ...(defaults as object), ownData: random, lambda: 1 } as never;
    const search = writeState('?other.k=1', 'exp', fields, state, defaults);
    expect(search).toBe('?other.k=1&exp.lambda=1');
    expect(unwritten(fields, state)).toEqual([{ name: 'ownData', length: formatData(random).length, max: DATA_URL_MAX }]);
    const small = { ...(defaults as object), ownData: drawn } as never;
    expect(unwritten(fields, small)).toEqual([]);
    expect(readState(writeState('', 'exp', fields, small, defaults), 'exp', fields, defaults).state).toMatchObject({ ownData: drawn });
    // A 10,000-character value is not even decompressed: ignored, and the figure says why.
    const hostile = `?exp.xy=${'A'.repeat(10_000)}&exp.xy=${formatData(drawn)}`;
    const read = readState(hostile, 'exp', fields, defaults);
    expect(read.state).toMatchObject({ ownData: null });
    expect(read.ignored.map((i) => [i.param, i.why])).toEqual([['exp.xy', 'invalid'], ['exp.xy', 'repeated']]);
    expect(ignoredMessage(experiment, 'exp', read.ignored)).toBe(
      'Ignored exp.xy=AAAAAAAAAAAAAAAAAAAAAAA…: a dataset in a link is at most 2000 characters (this one has 10,000); exp.xy=' +
        `${formatData(drawn).slice(0, 23)}…: given twice, the first one is used.`,
    );
    expect(ignoredMessage(experiment, 'exp', readState('?exp.xy=<script>', 'exp', fields, defaults).ignored)).toBe(
      'Ignored exp.xy=<script>: your data must be 5 to 200 points [x, y] with x from -1000 to 1000 and y from -1000 to 1000, compressed as this figure writes it.',
    );
  });
});

describe('the drawing pad', () => {
  it('shows the usual box, grown by 5% around points outside it', () => {
    const view = { x: [0, 10], y: [-5, 35] } as const;
    expect(padBox([[1, 2], [9, 30]], view)).toEqual({ x: [0, 10], y: [-5, 35] });
    expect(padBox([[-10, 2], [9, 50]], view)).toEqual({ x: [-11, 10], y: [-5, 52.75] });
  });

  it('turns pixels into data and back, and rounds drawn points to a thousandth of the box', () => {
    const box = { x: [0, 10], y: [-5, 35] } as const;
    const p = padToData(150, 100, box);
    expect(dataToPad(p, box).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([150, 100]);
    expect(padToData(44, 24, box)).toEqual([0, 35]); // the top-left corner of the plotting area
    expect(roundToBox(3.14159, [0, 10])).toBe(3.14);
    expect(roundToBox(0.123456, [-1, 1])).toBe(0.123);
    expect(roundToBox(1234.5678, [-1000, 1000])).toBe(1235);
  });
});
