import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, parseArgs } from '../src/cli';
import { runExperiment } from '../src/experiment';
import { EXPERIMENT_DEFAULTS, EXPERIMENT_PRESETS } from '../src/protocol';

function capture(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = main(argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('cli', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints a table of runs with mean ± sd', () => {
    const { code, out } = capture(['--method', 'l1', '--runs', '2', '--seed', '1', '--epochs', '5']);
    expect(code).toBe(0);
    expect(out).toMatch(/run\s+seed\s+total test error\s+near-zero weights\s+status/);
    expect(out).toMatch(/^\s+1\s+2\s+\d+\.\d{4}\s+\d+\s+ok$/m);
    expect(out).toMatch(/mean ± sd over 2 finished run\(s\): \d+\.\d{4} ± \d+\.\d{4}/);
  });

  it('prints CSV and JSON', () => {
    const csv = capture(['--method', 'l1,l2', '--runs', '1', '--epochs', '2', '--csv']).out.trim().split('\n');
    expect(csv[0]).toBe('method,run,seed,test_error,train_error,near_zero,status');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(['l1', 'l2']);
    const json = JSON.parse(capture(['--runs', '1', '--epochs', '2', '--json']).out);
    expect(json.runs[0].seed).toBe(1);
  });

  it('shows help, and rejects bad flags with exit code 1', () => {
    expect(capture(['--help']).out).toMatch(/Usage: npm run experiment/);
    const bad = capture(['--bogus']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/unknown option "--bogus"/);
    expect(capture(['--runs']).err).toMatch(/--runs needs a value/);
    expect(capture(['--lr', 'fast']).err).toMatch(/--lr must be a number \(got "fast"\)/);
    expect(capture(['--method', 'l3']).err).toMatch(/--method must be one of none, l1, l2, elastic or all/);
    expect(capture(['--lambda', '-1']).err).toMatch(/lambda must be a finite number ≥ 0 \(got -1\)/);
    expect(parseArgs(['--sizes=1,10,10,1,1']).options.sizes).toEqual([1, 10, 10, 1, 1]);
  });

  it('sets the protocol by flags and by preset; flags given as well override the preset', () => {
    expect(parseArgs([]).options).toMatchObject(EXPERIMENT_PRESETS.default);
    expect(parseArgs(['--preset', 'published']).options).toMatchObject({ order: 'once', split: 'even', dataset: 'shared', arithmetic: 'float32' });
    expect(parseArgs(['--preset', 'published-fixed']).options).toMatchObject(EXPERIMENT_PRESETS.publishedFixed);
    expect(parseArgs(['--preset', 'published', '--order', 'fixed', '--data=fresh']).options).toMatchObject({ order: 'fixed', split: 'even', dataset: 'fresh', arithmetic: 'float32' });
    expect(parseArgs(['--order', 'once', '--split', 'even', '--float32']).options).toMatchObject({ order: 'once', split: 'even', dataset: 'shared', arithmetic: 'float32' });
    expect(capture(['--order', 'sorted']).err).toMatch(/--order must be one of epoch, once, fixed \(got "sorted"\)/);
    expect(capture(['--split', 'odd']).err).toMatch(/--split must be one of random, even/);
    expect(capture(['--data', 'new']).err).toMatch(/--data must be one of shared, fresh/);
    expect(capture(['--preset', 'paper']).err).toMatch(/--preset must be one of default, published, published-fixed/);
  });

  it('--preset published gives runExperiment’s numbers for that protocol, with the JSON shape unchanged', () => {
    const out = capture(['--preset', 'published', '--method', 'l2', '--runs', '2', '--epochs', '3', '--json']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.out);
    const direct = runExperiment({ ...EXPERIMENT_PRESETS.published, method: 'l2', runs: 2, epochs: 3 });
    expect(json.runs.map((r: { testError: number }) => r.testError)).toEqual(direct.runs.map((r) => r.testError));
    expect(json.data.train).toEqual(direct.data.train);
    expect(json.data.test).toEqual([4, 9, 14, 19, 24, 29, 34, 39, 44, 49]);
    expect(json.protocol).toEqual(EXPERIMENT_PRESETS.published);
    const table = capture(['--preset', 'published', '--runs', '1', '--epochs', '1']).out;
    expect(table).toMatch(/^order once, split even, data shared, float32$/m);
  });

  it('documents every protocol flag with its default from EXPERIMENT_DEFAULTS', () => {
    const help = capture(['--help']).out;
    const line = (flag: string) => help.split('\n').find((l) => l.trimStart().startsWith(flag)) ?? '';
    expect(line('--order')).toContain(`(default ${EXPERIMENT_DEFAULTS.order})`);
    expect(line('--split')).toContain(`(default ${EXPERIMENT_DEFAULTS.split})`);
    expect(line('--data')).toContain(`(default ${EXPERIMENT_DEFAULTS.dataset})`);
    expect(line('--float32')).toContain(`(default ${EXPERIMENT_DEFAULTS.arithmetic})`);
    expect(help).toMatch(/published: +--order once --split even --data shared --float32/);
    expect(help).toMatch(/published-fixed: +--order fixed --split even --data shared --float32/);
  });
});
