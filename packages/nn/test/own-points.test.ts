import { describe, expect, it } from 'vitest';
import { createRng } from '../src/rng';
import { evenSplitIndices, splitIndices } from '../src/data';
import { experimentData, gridRange, runExperiment, totalError } from '../src/experiment';
import { Network } from '../src/network';

/** Points of one's own in the experiment (`points`): the same code path, no generated data. */
const points: [number, number][] = [
  [1, 2.5], [2, 4.1], [3, 5.8], [4, 8.4], [5, 9.7], [6, 12.2], [7, 14.1], [8, 15.6], [9, 18.3], [10, 30],
];

describe('runExperiment with points of one’s own', () => {
  it('uses the points as they are, with no outliers marked, split from stream 1 of the seed', () => {
    const d = experimentData({ seed: 4, points });
    expect(d.x).toEqual(points.map((p) => p[0]));
    expect(d.y).toEqual(points.map((p) => p[1]));
    expect(d.outliers).toEqual([]);
    expect(d.outlierOffset).toBe(0);
    // The split is the same seeded shuffle as for generated data, with nothing drawn before it.
    expect({ train: d.train, test: d.test }).toEqual(splitIndices(10, createRng(4, 1), 0.8));
    expect(d.test).toHaveLength(2);
    const even = experimentData({ seed: 4, points, split: 'even' });
    expect({ train: even.train, test: even.test }).toEqual(evenSplitIndices(10, 0.8));
  });

  it('trains on the training points and scores Σ|y − prediction| over the test points', () => {
    const r = runExperiment({ method: 'l2', seed: 2, runs: 2, epochs: 20, points });
    expect(r.data.x).toEqual(points.map((p) => p[0]));
    for (const run of r.runs) {
      const net = Network.fromJSON(run.network);
      expect(run.status).toBe('ok');
      expect(run.testError).toBe(totalError(net, r.data.x, r.data.y, r.data.test));
      expect(run.trainError).toBe(totalError(net, r.data.x, r.data.y, r.data.train));
    }
    // Deterministic: the same call gives the same numbers.
    expect(runExperiment({ method: 'l2', seed: 2, runs: 2, epochs: 20, points }).runs.map((x) => x.testError)).toEqual(r.runs.map((x) => x.testError));
  });

  it('draws the fitted line over the points’ x-range (and over [0, 10] without them)', () => {
    const shifted = points.map(([x, y]) => [x * 3 - 40, y] as [number, number]);
    expect(gridRange({ points: shifted })).toEqual([-37, -10]);
    expect(gridRange()).toEqual([0, 10]);
    const r = runExperiment({ method: 'none', seed: 1, runs: 1, epochs: 1, gridPoints: 4, points: shifted });
    expect(r.runs[0].fit.x).toEqual([-37, -28, -19, -10]);
    expect(runExperiment({ method: 'none', seed: 1, runs: 1, epochs: 1, gridPoints: 3 }).runs[0].fit.x).toEqual([0, 5, 10]);
  });

  it("with data 'fresh' each run gets a new split of the same points", () => {
    const r = runExperiment({ method: 'none', seed: 3, runs: 3, epochs: 1, points, dataset: 'fresh' });
    expect(r.runs.map((x) => x.dataSeed)).toEqual([3, 4, 5]);
    const tests = [3, 4, 5].map((s) => experimentData({ seed: s, points }).test);
    expect(new Set(tests.map((t) => t.join())).size).toBeGreaterThan(1);
  });

  it('refuses fewer than two points and non-finite coordinates, naming them', () => {
    expect(() => runExperiment({ points: [[1, 2]] })).toThrow('points must be an array of at least two [x, y] pairs (got an array of length 1)');
    expect(() => runExperiment({ points: [[1, 2], [2, Number.NaN]] })).toThrow('points[1] must be a pair [x, y] of finite numbers (got an array of length 2)');
    expect(() => runExperiment({ points: [[1, 2], [Infinity, 1]] })).toThrow(/points\[1\]/);
    expect(() => runExperiment({ points: 'x,y' as never })).toThrow(/points must be an array/);
  });
});
