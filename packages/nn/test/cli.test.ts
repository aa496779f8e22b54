import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, parseArgs } from '../src/cli';

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
});
