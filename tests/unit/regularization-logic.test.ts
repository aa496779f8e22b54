import { describe, expect, it } from 'vitest';
import experimentFigure, { experimentSettings } from '../../src/figures/regularization/Experiment.figure';
import pruneFigure from '../../src/figures/regularization/PruneRetrain.figure';
import { resolveSettings } from '../../src/figures/figure';
import { runSettings, sameData, settingsData, totalRuns, type CompactRun, type ExperimentSettings } from '../../src/models/regularization/experiment';
import { findings } from '../../src/models/regularization/findings';
import { decodeFrames, encodeFrames, frameAt, keepFrame, switchedOff } from '../../src/models/regularization/heatmap-frames';
import heatmapsFigure from '../../src/figures/regularization/WeightHeatmaps.figure';
import { heatmapRun } from '../../src/models/regularization/heatmaps';
import { pruneAndRetrain, type PruneSettings } from '../../src/models/regularization/prune';
import { PROTOCOLS, SOURCE_L1_ERRORS, SOURCE_PRUNED_SIZES } from '../../src/models/regularization/source';
import { placeSource, protocolOf } from '../../src/models/regularization/placement';
import { createRng, Network, prune, runExperiment } from '@neural-notes/nn';
import { summarize } from '../../src/models/regularization/summary';
import { exactError, formatError, formatMeanSd } from '../../src/lib/format';

/** The figures' defaults, from their declarations (the model has no defaults of its own). */
const DEFAULT_SETTINGS = experimentSettings(resolveSettings(experimentFigure, {}));
const pruneDefaults = resolveSettings(pruneFigure, {});
const DEFAULT_PRUNE: PruneSettings = { threshold: pruneDefaults.threshold, seed: pruneDefaults.seed, runs: pruneDefaults.runs, fromRun: pruneDefaults.run - 1, protocol: pruneDefaults.protocol };

const small = { ...DEFAULT_SETTINGS, methods: ['l1', 'l2'] as const, runs: 2 };

describe('runSettings', () => {
  const out = runSettings({ ...small, methods: [...small.methods] });

  it('runs every method for every run, with the seed mapping seed + r', () => {
    expect(out.runs.map((r) => `${r.method}-${r.run}-${r.seed}`)).toEqual(['l1-0-1', 'l1-1-2', 'l2-0-1', 'l2-1-2']);
    expect(out.data.train).toHaveLength(40);
    expect(out.data.test).toHaveLength(10);
    for (const r of out.runs) {
      expect(r.status).toBe('ok');
      expect(Number.isFinite(r.testError)).toBe(true);
      expect(r.dataLoss).toHaveLength(100);
      expect(r.fit).toHaveLength(21);
    }
  });

  it('is deterministic: the same settings give the same numbers to the last digit', () => {
    const again = runSettings({ ...small, methods: [...small.methods] });
    expect(again.runs.map((r) => r.testError)).toEqual(out.runs.map((r) => r.testError));
  });

  it('streams finished runs and can be stopped', () => {
    const seen: number[] = [];
    let calls = 0;
    const stopped = runSettings({ ...small, methods: [...small.methods] }, { onRun: (_r, done) => seen.push(done), shouldStop: () => ++calls > 5000 });
    expect(stopped.stopped).toBe(true);
    expect(seen).toEqual([1]);
    expect(stopped.runs).toHaveLength(1);
  });

  it('marks diverged runs and gives them no error', () => {
    const bad = runSettings({ ...small, methods: ['l2'], runs: 1, lr: 0.5 });
    expect(bad.runs[0].status).toBe('diverged');
    expect(bad.runs[0].testError).toBeNull();
    expect(bad.runs[0].fit).toEqual([]);
    const s = summarize(bad.runs, ['l2']);
    expect(s[0]).toMatchObject({ finished: 0, diverged: 1, mean: null, sd: null });
  });

  it('L1 switches off far more weights and units than L2', () => {
    const [l1, l2] = summarize(out.runs, ['l1', 'l2']);
    expect(l1.meanNearZero as number).toBeGreaterThan(l2.meanNearZero as number);
    expect(l1.meanUnitsOff as number).toBeGreaterThan(20);
  });
});

describe('summaries and formatting', () => {
  const run = (method: 'l1' | 'l2', r: number, e: number | null): CompactRun => ({
    method, run: r, seed: 1 + r, status: e === null ? 'diverged' : 'ok', reason: null, testError: e, trainError: e, nearZero: 0, zeros: 0, unitsOff: 0, fit: [], dataLoss: [], penalty: [],
  });

  it('mean ± sample sd over finished runs only', () => {
    const [s] = summarize([run('l1', 0, 1), run('l1', 1, 3), run('l1', 2, null)], ['l1']);
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(s).toMatchObject({ runs: 3, finished: 2, diverged: 1, min: 1, max: 3 });
  });

  it('formats errors with two decimals, like the mean ± sd rows, and never prints NaN', () => {
    expect(formatError(40.50266178)).toBe('40.50');
    expect(formatError(22.68515524)).toBe('22.69');
    expect(formatError(4.77383674)).toBe('4.77');
    expect(formatError(null)).toBe('—');
    expect(formatError(NaN)).toBe('—');
  });

  it('keeps the source’s 8 decimals for a cell’s tooltip, and none for an empty cell', () => {
    expect(formatError(22.68515524, 8)).toBe('22.68515524');
    expect(exactError(40.50266178)).toBe('40.50266178');
    expect(exactError(null)).toBeUndefined();
    expect(exactError(undefined)).toBeUndefined();
    expect(exactError(Infinity)).toBeUndefined();
  });

  it('formats mean ± sd with two decimals each, keeping trailing zeros, unbreakable', () => {
    expect(formatMeanSd({ mean: 27.2, sd: 5.27 })).toBe('27.20\u00a0±\u00a05.27');
    expect(formatMeanSd({ mean: 30.5612, sd: 16.1 })).toBe('30.56\u00a0±\u00a016.10');
    expect(formatMeanSd({ mean: 4, sd: null })).toBe('4.00');
    expect(formatMeanSd({ mean: null, sd: null })).toBe('—');
    expect(formatMeanSd({ mean: NaN, sd: 1 })).toBe('—');
  });

  it('findings compare L2 with L1 run by run', () => {
    const exp = { settings: { ...DEFAULT_SETTINGS, methods: ['l1', 'l2'] as ('l1' | 'l2')[], runs: 2 }, data: { x: [], y: [], train: [], test: [], outliers: [], outlierOffset: 0 }, runs: [run('l1', 0, 5), run('l1', 1, 2), run('l2', 0, 4), run('l2', 1, 2.5)], prunedRuns: [], stopped: false };
    const cut = { settings: DEFAULT_PRUNE, sizes: [1, 1, 1, 1, 1], notation: '(1,1),(1,1),(1,1),(1,1)', removed: [], full: [1], pruned: [2], sourceArch: [3], sourceArchL2: [4] };
    const f = findings(exp, cut);
    expect(f.l2BeatsL1).toBe(1);
    expect(f.paired).toBe(2);
    expect(f.best).toBe('l2'); // means 3.5 (L1) and 3.25 (L2)
    expect(f.source.mean).toBeCloseTo(SOURCE_L1_ERRORS.reduce((a, b) => a + b) / 5, 10);
  });
});

describe('heatmap frames', () => {
  it('keeps a frame every `every` epochs, packs and unpacks without loss', () => {
    const h = heatmapRun('l1', { seed: 1, lambda: 0.3, every: 10 });
    expect(h.epochs).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(h.frames[0].map((w) => w.length)).toEqual([10, 100, 100, 10]);
    expect(decodeFrames(encodeFrames(h.frames))).toEqual(h.frames);
  });

  it('the page carries only the frame on screen, with the colour scale of all frames', async () => {
    const settings = resolveSettings(heatmapsFigure, { every: 10, epoch: 35 });
    const runs = (await heatmapsFigure.compute!.load())({ seed: settings.seed, lambda: settings.lambda, every: 10, ownData: null }, () => {});
    expect(frameAt(runs[0].epochs, 35)).toBe(3); // epochs 0, 10, 20, 30, …: the last at or before 35
    const carried = heatmapsFigure.island!(runs, settings);
    for (const [i, run] of carried.entries()) {
      const frames = decodeFrames(run.frames);
      expect(frames).toHaveLength(11);
      frames.forEach((f, k) => expect(f.every((w) => w.length === 0), `frame ${k}`).toBe(k !== 3));
      expect(frames[3]).toEqual(decodeFrames(runs[i].frames)[3]);
      expect(run.maxAbs).toBe(runs[i].maxAbs);
      expect(run.maxAbs).toBe(Math.max(...decodeFrames(runs[i].frames).flat(2).map(Math.abs)));
    }
    expect(keepFrame('a|b|c', 1)).toBe('|b|');
  });

  it('counts switched-off units as prune does', () => {
    const sizes = [1, 2, 1];
    expect(switchedOff(sizes, [[1, 0.001], [1, 1]], 0.01)).toEqual([[1]]);
    expect(switchedOff(sizes, [[1, 1], [1, 1]], 0.01)).toEqual([[]]);
    // the same units as prune on a network of those weights, for random frames and for a frame not
    // carried yet (no weights: a network's weights left at zero)
    const pruned = (s: number[], weights: number[][]) => {
      const net = new Network(s, s.slice(1).map(() => 'linear'));
      net.layers.forEach((L, l) => L.weights.set(weights[l]));
      return prune(net, 0.01).removed;
    };
    expect(switchedOff(sizes, [[], []], 0.01)).toEqual([[1]]);
    expect(switchedOff([2, 3, 1], [[1, 1, 1, 1, 1, 1], []], 0.01)).toEqual(pruned([2, 3, 1], [[1, 1, 1, 1, 1, 1], []]));
    const random = createRng(5);
    for (let trial = 0; trial < 50; trial++) {
      const s = [2, 10, 10, 1];
      const weights = s.slice(1).map((n, l) => Array.from({ length: s[l] * n }, () => (random.next() < 0.5 ? random.uniform(-1e-3, 1e-3) : random.uniform(-1, 1))));
      expect(switchedOff(s, weights, 0.01)).toEqual(pruned(s, weights));
    }
  });
});

describe('pruneAndRetrain', () => {
  it('derives a smaller architecture from L1 and retrains it for the same runs', () => {
    const out = pruneAndRetrain({ ...DEFAULT_PRUNE, runs: 2 });
    expect(out.sizes[0]).toBe(1);
    expect(out.sizes[out.sizes.length - 1]).toBe(1);
    expect(out.sizes.slice(1, -1).reduce((a, b) => a + b, 0)).toBeLessThan(30);
    expect(out.notation).toMatch(/^\(1,\d+\)/);
    expect(out.full).toHaveLength(2);
    expect(out.pruned).toHaveLength(2);
    expect(out.sourceArch).toHaveLength(2);
    const none = pruneAndRetrain({ ...DEFAULT_PRUNE, runs: 1, threshold: 0 });
    expect(none.notation).toBe('(1,10),(10,10),(10,10),(10,1)');
  });
});

describe('sameData', () => {
  it('is true exactly when two settings give the same dataset and split, whatever else differs', () => {
    const own: [number, number][] = [[-1, 1], [-0.5, 0.25], [0, 0], [0.5, 0.25], [1, 1]];
    const variants: ExperimentSettings[] = [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, lambda: 1, lr: 0.05, runs: 3, methods: ['l1'], order: 'fixed', arithmetic: 'float32', pruned: true, dataset: 'fresh' },
      { ...DEFAULT_SETTINGS, seed: 2 },
      { ...DEFAULT_SETTINGS, split: 'even' },
      { ...DEFAULT_SETTINGS, outliers: 3 },
      { ...DEFAULT_SETTINGS, offset: 5 },
      { ...DEFAULT_SETTINGS, offset: 6 },
      { ...DEFAULT_SETTINGS, points: own },
      { ...DEFAULT_SETTINGS, points: own.map(([x, y]) => [x, y] as [number, number]), outliers: 0, offset: 7 },
      { ...DEFAULT_SETTINGS, points: own.map(([x, y], i) => [x, i === 4 ? 2 : y] as [number, number]) },
      { ...DEFAULT_SETTINGS, points: own.slice(1) },
    ];
    const same: string[] = [];
    for (const [i, a] of variants.entries()) {
      for (const [j, b] of variants.entries()) {
        const equal = JSON.stringify(settingsData(a)) === JSON.stringify(settingsData(b));
        expect(sameData(a, b), `${i} vs ${j}`).toBe(equal);
        if (equal && i < j) same.push(`${i}=${j}`);
      }
    }
    expect(same).toEqual(['0=1', '7=8']);
  });
});

describe('the experiment figure’s protocol', () => {
  const published = experimentSettings(resolveSettings(experimentFigure, { order: 'once', split: 'even', arithmetic: 'float32', pruned: true, runs: 3, methods: ['none', 'l1', 'l2'] }));

  it('runs exactly what the core runs for the same protocol: the CLI’s --preset published gives the same numbers', () => {
    const out = runSettings(published);
    expect(protocolOf(published)).toBe('published');
    for (const method of ['none', 'l1', 'l2'] as const) {
      const core = runExperiment({ ...PROTOCOLS.published, method, runs: 3, gridPoints: 21 });
      expect(out.runs.filter((r) => r.method === method).map((r) => r.testError)).toEqual(core.runs.map((r) => r.testError));
    }
    expect(out.data.test).toEqual([4, 9, 14, 19, 24, 29, 34, 39, 44, 49]);
  });

  it('trains the post’s pruned shape with L1 and with L2 for the same runs, keeping only their scores', () => {
    const out = runSettings(published);
    expect(out.prunedRuns.map((r) => `${r.method}-${r.run}`)).toEqual(['l1-0', 'l1-1', 'l1-2', 'l2-0', 'l2-1', 'l2-2']);
    for (const method of ['l1', 'l2'] as const) {
      const core = runExperiment({ ...PROTOCOLS.published, method, runs: 3, sizes: [...SOURCE_PRUNED_SIZES] });
      expect(out.prunedRuns.filter((r) => r.method === method).map((r) => r.testError)).toEqual(core.runs.map((r) => r.testError));
    }
    expect(out.prunedRuns.every((r) => r.pruned && r.fit.length === 0 && r.dataLoss.length === 0)).toBe(true);
    expect(totalRuns(published)).toBe(15);
    expect(runSettings({ ...published, pruned: false }).prunedRuns).toEqual([]);
  });

  it('its default is this site’s design, the numbers it always gave', () => {
    expect(protocolOf(DEFAULT_SETTINGS)).toBe('default');
    expect(DEFAULT_SETTINGS).toMatchObject({ order: 'epoch', split: 'random', dataset: 'shared', arithmetic: 'float64', pruned: false });
  });

  it('places the post’s numbers among ours as the share of our runs below each', () => {
    const run = (method: 'l1' | 'l2', r: number, e: number, pruned = false): CompactRun => ({
      method, run: r, seed: 1 + r, status: 'ok', reason: null, testError: e, trainError: e, nearZero: 0, zeros: 0, unitsOff: 0, fit: [], dataLoss: [], penalty: [], ...(pruned && { pruned: true as const }),
    });
    const p = placeSource({ settings: published, runs: [5, 10, 23, 30].map((e, r) => run('l1', r, e)), prunedRuns: [run('l1', 0, 8, true), run('l2', 0, 30, true)] });
    // SOURCE_L1_ERRORS = 22.69, 41.65, 4.77, 24.04, 7.26
    expect(p.l1.map((x) => x.percentile)).toEqual([50, 100, 0, 75, 25]);
    expect(p.prunedL1.map((x) => x.percentile)).toEqual([0, 100, 100, 100, 100]);
    expect(p.prunedL2.map((x) => x.percentile)).toEqual([0, 0, 0, 0, 0]);
    expect(p.counts).toEqual({ l1: 4, prunedL1: 1, prunedL2: 1 });
    expect(placeSource({ settings: DEFAULT_SETTINGS, runs: [], prunedRuns: [] }).l1[0].percentile).toBeNull();
  });
});

describe('PruneRetrain’s protocol and the pruned shape with L2', () => {
  it('retrains the post’s shape with L1 and with L2 under the chosen protocol', () => {
    const out = pruneAndRetrain({ ...DEFAULT_PRUNE, runs: 2, protocol: 'published' });
    const l2 = runExperiment({ ...PROTOCOLS.published, method: 'l2', runs: 2, sizes: [...SOURCE_PRUNED_SIZES] });
    expect(out.sourceArchL2).toEqual(l2.runs.map((r) => r.testError));
    const l1 = runExperiment({ ...PROTOCOLS.published, method: 'l1', runs: 2, sizes: [...SOURCE_PRUNED_SIZES] });
    expect(out.sourceArch).toEqual(l1.runs.map((r) => r.testError));
    expect(out.sourceArchL2).not.toEqual(out.sourceArch);
  });
});
