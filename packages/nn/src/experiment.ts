/**
 * The source's L1-versus-L2 experiment as one function, `runExperiment`: its protocol, seeds and
 * options are described in protocol.ts.
 */
import { checkInteger, checkNonNegative, checkOneOf, fail } from './check';
import { evenSplitIndices, lineData, splitIndices, type LineData } from './data';
import { createNetwork, Network } from './network';
import { regularizer } from './regularizers';
import { createRng } from './rng';
import { countNearZero, mean, NEAR_ZERO, sd } from './stats';
import { forwardPass32 } from './single';
import { train } from './train';
import { ARITHMETICS, EXAMPLE_ORDERS, type Arithmetic } from './training';
import { DATASET_MODES, EXPERIMENT_DEFAULTS, METHODS, SOURCE_SIZES, SPLITS, type ExperimentOptions, type ExperimentResult, type RunResult } from './protocol';

/** The network's prediction for one input x, in double precision or, as the source computed it, in float32. */
export function predict(net: Network, x: number, arithmetic: Arithmetic = 'float64'): number {
  if (arithmetic === 'float64') return net.forward([x])[0];
  return forwardPass32(net.layers, net.work, [x], 0)[0];
}

/** Σ |y − pred| over the given indices (the sum in double precision; the predictions in `arithmetic`). */
export function totalError(net: Network, x: readonly number[], y: readonly number[], indices: readonly number[], arithmetic: Arithmetic = 'float64'): number {
  let sum = 0;
  for (const i of indices) sum += Math.abs(y[i] - predict(net, x[i], arithmetic));
  return sum;
}

/** The experiment's dataset and split for a seed (stream 1 of the seed); the split 'random' (default) or 'even'. */
export function experimentData(options: Pick<ExperimentOptions, 'seed' | 'outliers' | 'outlierOffset' | 'data' | 'split' | 'points'> = {}): ExperimentResult['data'] {
  const seed = options.seed ?? EXPERIMENT_DEFAULTS.seed;
  const split = checkOneOf('split', options.split ?? EXPERIMENT_DEFAULTS.split, SPLITS);
  const rng = createRng(seed, 1);
  const data = options.points !== undefined ? ownData(options.points) : lineData(rng, {
    ...options.data,
    outlierCount: options.outliers ?? EXPERIMENT_DEFAULTS.outliers,
    ...(options.outlierOffset !== undefined && { outlierOffset: options.outlierOffset }),
  });
  return { ...data, ...(split === 'even' ? evenSplitIndices(data.x.length, 0.8) : splitIndices(data.x.length, rng, 0.8)) };
}

/** One's own points as a dataset: no outliers marked, offset 0. */
function ownData(points: readonly (readonly [number, number])[]): LineData {
  if (!Array.isArray(points) || points.length < 2) fail('points', 'an array of at least two [x, y] pairs', points);
  points.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) fail(`points[${i}]`, 'a pair [x, y] of finite numbers', p);
  });
  return { x: points.map((p) => p[0]), y: points.map((p) => p[1]), outliers: [], outlierOffset: 0 };
}

/** The x-range of the fitted line's grid: [0, 10], or the span of one's own points. */
export function gridRange(options: Pick<ExperimentOptions, 'points'> = {}): [number, number] {
  if (!options.points) return [0, 10];
  const xs = options.points.map((p) => p[0]);
  return [Math.min(...xs), Math.max(...xs)];
}

export function runExperiment(options: ExperimentOptions = {}): ExperimentResult {
  const method = checkOneOf('method', options.method ?? EXPERIMENT_DEFAULTS.method, METHODS);
  const seed = options.seed ?? EXPERIMENT_DEFAULTS.seed;
  if (!Number.isSafeInteger(seed)) fail('seed', 'a safe integer', seed);
  const runs = checkInteger('runs', options.runs ?? EXPERIMENT_DEFAULTS.runs, 1);
  const firstRun = checkInteger('firstRun', options.firstRun ?? 0, 0);
  const gridPoints = checkInteger('gridPoints', options.gridPoints ?? EXPERIMENT_DEFAULTS.gridPoints, 2);
  const threshold = checkNonNegative('threshold', options.threshold ?? NEAR_ZERO);
  const penalty = regularizer(method, options.lambda ?? EXPERIMENT_DEFAULTS.lambda, options.mix ?? EXPERIMENT_DEFAULTS.mix);
  const initial = options.initialNetwork ? Network.fromJSON(options.initialNetwork) : null;
  const sizes = initial ? [...initial.sizes] : [...(options.sizes ?? SOURCE_SIZES)];
  if (sizes[0] !== 1 || sizes[sizes.length - 1] !== 1) fail('sizes', 'layer sizes starting and ending with 1', sizes);
  const order = checkOneOf('order', options.order ?? EXPERIMENT_DEFAULTS.order, EXAMPLE_ORDERS);
  const fresh = checkOneOf('dataset', options.dataset ?? EXPERIMENT_DEFAULTS.dataset, DATASET_MODES) === 'fresh';
  const arithmetic = checkOneOf('arithmetic', options.arithmetic ?? EXPERIMENT_DEFAULTS.arithmetic, ARITHMETICS);
  const data = experimentData(options);
  const [g0, g1] = gridRange(options);
  const gridX = options.points ? Array.from({ length: gridPoints }, (_, k) => g0 + ((g1 - g0) * k) / (gridPoints - 1)) : Array.from({ length: gridPoints }, (_, k) => (10 * k) / (gridPoints - 1));
  const results: RunResult[] = [];
  for (let r = firstRun; r < firstRun + runs; r++) {
    const rng = createRng(seed + r);
    const dataSeed = fresh ? seed + r : seed;
    const d = fresh ? experimentData({ ...options, seed: dataSeed }) : data;
    const inputs = d.train.map((i) => d.x[i]);
    const targets = d.train.map((i) => d.y[i]);
    const net = initial ? initial.clone() : createNetwork({ sizes, rng });
    const result = train(net, { inputs, targets }, {
      order,
      arithmetic,
      epochs: options.epochs ?? EXPERIMENT_DEFAULTS.epochs,
      batchSize: options.batchSize ?? EXPERIMENT_DEFAULTS.batchSize,
      loss: options.loss ?? 'sumAbsolute',
      penalty,
      optimizer: { lr: options.lr ?? EXPERIMENT_DEFAULTS.lr, momentum: options.momentum ?? 0 },
      rng,
      snapshotEvery: options.snapshotEvery ?? 0,
      shouldStop: options.shouldStop,
      onEpoch: options.onEpoch && ((record) => options.onEpoch?.(r, record)),
    });
    const ok = result.status === 'ok';
    const run: RunResult = {
      run: r,
      seed: seed + r,
      dataSeed,
      status: result.status,
      reason: result.reason,
      testError: ok ? totalError(net, d.x, d.y, d.test, arithmetic) : null,
      trainError: ok ? totalError(net, d.x, d.y, d.train, arithmetic) : null,
      nearZero: countNearZero(net, threshold),
      network: net.toJSON(),
      history: result.history,
      snapshots: result.snapshots,
      fit: { x: gridX, y: gridX.map((x) => predict(net, x, arithmetic)) },
    };
    results.push(run);
    options.onRun?.(run);
    if (result.status === 'stopped') break;
  }
  const finished = results.filter((r) => r.testError !== null);
  const errors = finished.map((r) => r.testError as number);
  return {
    method,
    seed,
    sizes,
    protocol: { order, split: checkOneOf('split', options.split ?? EXPERIMENT_DEFAULTS.split, SPLITS), dataset: fresh ? 'fresh' : 'shared', arithmetic },
    data,
    runs: results,
    summary: {
      finished: finished.length,
      meanError: errors.length ? mean(errors) : null,
      sdError: errors.length ? sd(errors) : null,
      meanNearZero: finished.length ? mean(finished.map((r) => r.nearZero)) : null,
    },
  };
}
