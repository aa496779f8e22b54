import { describe, expect, it } from 'vitest';
import { allNumbers } from './numbers';
import { experimentData, runExperiment } from '../src/experiment';
import { Network } from '../src/network';
import { snapshotAt } from '../src/training';
import { prune } from '../src/prune';
import { countNearZero, mean, sd } from '../src/stats';

describe('runExperiment (the source protocol)', () => {
  const l1 = runExperiment({ method: 'l1', seed: 1 });
  const l2 = runExperiment({ method: 'l2', seed: 1 });

  it('trains the 1-10-10-10-1 network 5 times on 40 train / 10 test points', () => {
    expect(l1.sizes).toEqual([1, 10, 10, 10, 1]);
    expect(l1.data.train).toHaveLength(40);
    expect(l1.data.test).toHaveLength(10);
    expect(l1.runs.map((r) => [r.run, r.seed, r.status])).toEqual([0, 1, 2, 3, 4].map((r) => [r, 1 + r, 'ok']));
    for (const r of l1.runs) {
      expect(r.history).toHaveLength(100);
      expect(r.testError).toBeGreaterThan(0);
      expect(r.network.weights.map((w) => w.length)).toEqual([10, 100, 100, 10]);
      expect(r.fit.x).toHaveLength(51);
    }
  });

  it('L1 leaves more near-zero weights than L2, in every run', () => {
    for (let r = 0; r < 5; r++) {
      expect(l1.runs[r].nearZero).toBeGreaterThan(l2.runs[r].nearZero);
      expect(countNearZero(l1.runs[r].network, 0.001)).toBeGreaterThan(countNearZero(l2.runs[r].network, 0.001));
    }
    expect(l1.summary.meanNearZero as number).toBeGreaterThan(150); // most of the 220 weights
  });

  it('every method shares the data and initial weights of a seed', () => {
    expect(l2.data).toEqual(l1.data);
    const none = runExperiment({ method: 'none', seed: 1, runs: 1, epochs: 0 });
    const l1Start = runExperiment({ method: 'l1', seed: 1, runs: 1, epochs: 0 });
    expect(none.runs[0].network).toEqual(l1Start.runs[0].network);
  });

  it('is bit-identical for the same seed, and one run can be rerun alone', () => {
    const again = runExperiment({ method: 'l1', seed: 1 });
    expect(again.runs.map((r) => r.testError)).toEqual(l1.runs.map((r) => r.testError));
    expect(again.runs.map((r) => r.network)).toEqual(l1.runs.map((r) => r.network));
    const third = runExperiment({ method: 'l1', seed: 1, firstRun: 3, runs: 1 });
    expect(third.runs[0]).toEqual(l1.runs[3]);
    const other = runExperiment({ method: 'l1', seed: 2, runs: 1 });
    expect(other.runs[0].testError).not.toBe(l1.runs[0].testError);
  });

  it('summarises with mean and sample sd', () => {
    const errors = l1.runs.map((r) => r.testError as number);
    expect(l1.summary).toMatchObject({ finished: 5, meanError: mean(errors), sdError: sd(errors) });
    expect(mean([1, 2, 3])).toBe(2);
    expect(sd([1, 2, 3])).toBe(1);
    expect(sd([4])).toBe(0);
  });

  it('retrains the source pruned architecture (1,10),(10,10),(10,1),(1,1), and a pruned network', () => {
    const small = runExperiment({ method: 'l1', seed: 1, sizes: [1, 10, 10, 1, 1], runs: 2, epochs: 20 });
    expect(small.runs[0].network.weights.map((w) => w.length)).toEqual([10, 100, 10, 1]);
    expect(small.runs.every((r) => r.status === 'ok')).toBe(true);
    const pruned = prune(Network.fromJSON(l1.runs[0].network));
    expect(pruned.sizes.length).toBe(5);
    expect(pruned.network.parameterCount()).toBeLessThan(100);
    const retrained = runExperiment({ method: 'l1', seed: 1, initialNetwork: pruned.network.toJSON(), runs: 1, epochs: 10 });
    expect(retrained.sizes).toEqual(pruned.sizes);
    expect(retrained.runs[0].status).toBe('ok');
  });

  it('records snapshots for animation', () => {
    const r = runExperiment({ method: 'l2', seed: 1, runs: 1, epochs: 3, snapshotEvery: 40 });
    const snaps = r.runs[0].snapshots;
    expect(snaps.steps).toEqual([0, 40, 80, 120]);
    expect(snaps.epochs).toEqual([0, 1, 2, 3]);
    expect(snaps.params).toHaveLength(4 * 251);
    expect(Array.from(snapshotAt(snaps, 3))).toEqual(Network.fromJSON(r.runs[0].network).toJSON().weights.flatMap((w, l) => [...w, ...r.runs[0].network.biases[l]]));
  });

  it('reports divergence without NaN', () => {
    const r = runExperiment({ method: 'l2', seed: 1, runs: 2, lr: 10 });
    expect(r.runs.map((x) => x.status)).toEqual(['diverged', 'diverged']);
    expect(r.runs[0].testError).toBeNull();
    expect(r.summary.meanError).toBeNull();
    expect(allNumbers(r).every(Number.isFinite)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('uses a fixed outlier offset and count when given', () => {
    const d = experimentData({ seed: 5, outliers: 3, outlierOffset: 7 });
    expect(d.outlierOffset).toBe(7);
    expect(d.outliers).toEqual([0, 16, 33]);
  });

  it('rejects bad options, naming them', () => {
    expect(() => runExperiment({ lambda: -1 })).toThrow('lambda must be a finite number ≥ 0 (got -1)');
    expect(() => runExperiment({ method: 'l3' as never })).toThrow(/method must be one of 'none', 'l1', 'l2', 'elastic'/);
    expect(() => runExperiment({ runs: 0 })).toThrow('runs must be an integer ≥ 1 (got 0)');
    expect(() => runExperiment({ lr: Infinity })).toThrow('lr must be a finite number ≥ 0 (got Infinity)');
    expect(() => runExperiment({ sizes: [2, 3, 1] })).toThrow(/sizes must be layer sizes starting and ending with 1/);
    expect(() => runExperiment({ seed: 0.5 })).toThrow(/seed must be a safe integer/);
  });
});

describe('runExperiment onEpoch', () => {
  it('reports every epoch of every run, term by term, exactly as the returned history', () => {
    const seen: { run: number; epoch: number; dataLoss: number; penalty: number; loss: number }[] = [];
    const result = runExperiment({ method: 'l2', runs: 2, epochs: 3, onEpoch: (run, rec) => seen.push({ run, ...rec }) });
    expect(seen.map((s) => [s.run, s.epoch])).toEqual([[0, 1], [0, 2], [0, 3], [1, 1], [1, 2], [1, 3]].map(([r, e]) => [r, e - 1 + result.runs[0].history[0].epoch]));
    for (const s of seen) {
      const rec = result.runs[s.run].history.find((h) => h.epoch === s.epoch)!;
      expect(s.dataLoss).toBe(rec.dataLoss);
      expect(s.penalty).toBe(rec.penalty);
      expect(s.loss).toBe(s.dataLoss + s.penalty);
      expect(s.penalty).toBeGreaterThan(0);
    }
  });
});
