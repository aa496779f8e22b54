/**
 * The SGD-step figure (SgdStep) shows the core's training, number for number: every number it lends
 * to the formulas (and shows in its table) equals what the core's Trainer computes, stepped one step
 * at a time, with the forward and backward pass written out here by hand; every step's weights equal
 * the Trainer's and the core experiment's bit for bit; and its step n is the heatmap figure's step n.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork, createRng, experimentData, regularizer, runExperiment, snapshotAt, SOURCE_SIZES, Trainer, Network, type StepInfo } from '@neural-notes/nn';
import figure, { liveNumbers } from '../../src/figures/regularization/SgdStep.figure';
import heatFigure from '../../src/figures/regularization/WeightHeatmaps.figure';
import { resolveSettings } from '../../src/figures/figure';
import { formatCode, formatLive } from '../../src/lib/live-formula-format';
import { heatmapRun } from '../../src/models/regularization/heatmaps';
import {
  clampWeight, createWalk, epochEndedBy, epochOfStep, STEPS_PER_EPOCH, WALK_METHODS, WALK_STEPS, walkFor, walkOptions, type WalkMethod, type WeightRef,
} from '../../src/models/regularization/sgd-walk';

const defaults = resolveSettings(figure, {});
const SEED = defaults.seed;
const LAMBDA = defaults.lambda;

/** The core's Trainer for run 1 of a method, stepped one step at a time: the parameters before every step and what onStep reported. */
function reference(method: WalkMethod, seed: number, lambda: number, steps: number) {
  const options = walkOptions({ seed, lambda });
  const data = experimentData(options);
  const inputs = data.train.map((i) => data.x[i]);
  const targets = data.train.map((i) => data.y[i]);
  const rng = createRng(seed);
  const net = createNetwork({ sizes: [...SOURCE_SIZES], rng });
  const infos: StepInfo[] = [];
  const trainer = new Trainer(net, { inputs, targets }, {
    epochs: options.epochs, order: options.order, penalty: regularizer(method, lambda), optimizer: { lr: options.lr }, rng,
    onStep: (info) => infos.push({ ...info }),
  });
  const params: { weights: number[][]; biases: number[][] }[] = [];
  const keep = () => params.push({ weights: net.layers.map((L) => Array.from(L.weights)), biases: net.layers.map((L) => Array.from(L.biases)) });
  keep();
  for (let k = 0; k < steps; k++) {
    trainer.run(1);
    keep();
  }
  return { options, inputs, targets, infos, params };
}
type Reference = ReturnType<typeof reference>;

/** Step n (1-based) of a reference run, worked out by hand: the forward pass, the error, δ of every layer, the followed weight's numbers. */
function byHand(ref: Reference, method: WalkMethod, n: number, w: WeightRef, lambda: number) {
  const { weights: W, biases: B } = ref.params[n - 1];
  const info = ref.infos[n - 1];
  const x = ref.inputs[info.example];
  const y = ref.targets[info.example];
  const sizes = SOURCE_SIZES;
  // forward: a⁽ˡ⁾_j = b_j + Σ_i a⁽ˡ⁻¹⁾_i W_ij, summed from the bias in the order i = 0, 1, …
  const acts: number[][] = [[x]];
  for (let l = 0; l < 4; l++) {
    const fo = sizes[l + 1];
    acts.push(Array.from({ length: fo }, (_, j) => acts[l].reduce((s, a, i) => s + a * W[l][i * fo + j], B[l][j])));
  }
  const yhat = acts[4][0];
  const dout = yhat > y ? 1 : yhat < y ? -1 : 0;
  // backward: δ⁽⁴⁾ = sign(ŷ − y); δ⁽ˡ⁾_i = Σ_j W⁽ˡ⁺¹⁾_ij δ⁽ˡ⁺¹⁾_j
  const deltas: number[][] = [[], [], [], [dout]];
  for (let l = 3; l >= 1; l--) {
    const fo = sizes[l + 1];
    deltas[l - 1] = Array.from({ length: sizes[l] }, (_, i) => deltas[l].reduce((s, d, j) => s + W[l][i * fo + j] * d, 0));
  }
  const fo = sizes[w.layer];
  const k = (w.row - 1) * fo + (w.col - 1);
  const weight = W[w.layer - 1][k];
  const a = acts[w.layer - 1][w.row - 1];
  const delta = deltas[w.layer - 1][w.col - 1];
  const grad = a * delta;
  const sign = Math.sign(weight) + 0;
  const pgrad = method === 'l1' ? lambda * sign : lambda * weight;
  const lr = ref.options.lr;
  const all = W.flat();
  const m = method;
  return {
    step: n, epoch: info.epoch + 1, x, y, lambda, eta: lr, l: w.layer, prev: w.layer - 1, i: w.row, j: w.col,
    [`${m}.yhat`]: yhat, [`${m}.err`]: Math.abs(yhat - y), [`${m}.dout`]: dout,
    [`${m}.sum`]: m === 'l1' ? all.reduce((s, v) => s + Math.abs(v), 0) : all.reduce((s, v) => s + v * v, 0),
    [`${m}.pen`]: info.penalty, [`${m}.cost`]: info.dataLoss + info.penalty,
    [`${m}.a`]: a, [`${m}.delta`]: delta, [`${m}.grad`]: grad, [`${m}.w`]: weight, [`${m}.sign`]: sign, [`${m}.pgrad`]: pgrad,
    [`${m}.move`]: lr * (grad + pgrad), [`${m}.dmove`]: lr * grad, [`${m}.pmove`]: lr * pgrad,
    // the weight after the step: the Trainer's own
    [`${m}.next`]: ref.params[n].weights[w.layer - 1][k],
    // the step's data loss as the Trainer recorded it is |ŷ − y| of this forward pass
    dataLoss: info.dataLoss,
  } as Record<string, number>;
}

const runs = Object.fromEntries(WALK_METHODS.map((m) => [m, reference(m, SEED, LAMBDA, WALK_STEPS)])) as Record<WalkMethod, Reference>;
const walk = createWalk({ seed: SEED, lambda: LAMBDA });
const followed: WeightRef = { layer: defaults.layer, row: defaults.row, col: defaults.col };
const every = (sizes: readonly number[]) =>
  sizes.slice(1).flatMap((fo, l) => Array.from({ length: sizes[l] * fo }, (_, k) => ({ layer: l + 1, row: Math.floor(k / fo) + 1, col: (k % fo) + 1 })));

/** The shown numbers of step n for a weight, and the same worked out from the reference runs. */
function compare(n: number, w: WeightRef) {
  const shown = liveNumbers(walk.detail(n, w));
  const expected: Record<string, number> = {};
  for (const m of WALK_METHODS) {
    const { dataLoss, ...rest } = byHand(runs[m], m, n, w, LAMBDA);
    expect(rest[`${m}.err`], `step ${n}: the Trainer's data loss is |ŷ − y|`).toBe(dataLoss);
    Object.assign(expected, rest);
  }
  return { shown, expected };
}

describe('every number of a step is the core’s', () => {
  it('steps 1 … 120 and the last 40 of 4000, the followed weight: every shown number equals the Trainer’s and the hand-worked passes’, exactly', () => {
    const steps = [...Array.from({ length: 120 }, (_, k) => k + 1), ...Array.from({ length: 40 }, (_, k) => WALK_STEPS - 39 + k)];
    for (const n of steps) {
      const { shown, expected } = compare(n, followed);
      expect(shown, `step ${n}`).toEqual(expected);
    }
  });

  it('all 220 weights at steps 1, 41, 2000 and 4000: every shown number equals the reference, and prints the same digits', () => {
    for (const n of [1, 41, 2000, WALK_STEPS]) {
      for (const w of every(SOURCE_SIZES)) {
        const { shown, expected } = compare(n, w);
        expect(shown, `step ${n}, W${w.layer}[${w.row},${w.col}]`).toEqual(expected);
        for (const [name, value] of Object.entries(shown)) {
          const printed = formatLive(value, formatCode(figure.live!.values[name]));
          expect(printed, `${name} at step ${n}`).toBe(formatLive(expected[name], formatCode(figure.live!.values[name])));
          expect(printed, `${name} at step ${n}`).not.toMatch(/NaN|undefined|—/);
        }
      }
    }
  });

  it('the update shown is the update made: w − η(∂E/∂w + penalty gradient) is the new weight, bit for bit, at every step', () => {
    for (let n = 1; n <= WALK_STEPS; n += 37) {
      const d = walk.detail(n, followed);
      for (const m of WALK_METHODS) {
        const f = d[m].followed;
        expect(f.w - f.move, `${m} step ${n}`).toBe(f.next);
        expect(f.penaltyGrad).toBe(m === 'l1' ? LAMBDA * f.sign : LAMBDA * f.w);
      }
    }
  });

  it('every weight after every step equals the Trainer’s, bit for bit (all 4000 steps, both runs)', () => {
    for (const m of WALK_METHODS) {
      for (let n = 1; n <= WALK_STEPS; n++) {
        const after = walk.weightsAfter(m, n);
        const expected = runs[m].params[n].weights;
        if (!after.every((W, l) => W.every((v, k) => Object.is(v, expected[l][k])))) expect(after, `${m} after step ${n}`).toEqual(expected);
      }
      expect(walk.weightsAfter(m, 0)).toEqual(runs[m].params[0].weights);
    }
  });

  it('the Trainer stepped by hand is the core experiment’s run 1 (what the heatmaps train): the same parameters after every step', () => {
    for (const m of WALK_METHODS) {
      const run = runExperiment({ ...walkOptions({ seed: SEED, lambda: LAMBDA }), method: m, runs: 1, epochs: 3, snapshotEvery: 1 }).runs[0];
      const net = Network.fromJSON(run.network);
      for (let n = 0; n <= 3 * STEPS_PER_EPOCH; n++) {
        const views = net.views(snapshotAt(run.snapshots, n));
        expect(views.map((v) => Array.from(v.weights)), `${m} step ${n}`).toEqual(runs[m].params[n].weights);
        expect(views.map((v) => Array.from(v.biases)), `${m} step ${n}`).toEqual(runs[m].params[n].biases);
      }
    }
  });

  it('the example picker’s order is the order training visits: a permutation of the 40 points per epoch, the same for L1 and L2', () => {
    for (const epoch of [1, 2, 50, 100]) {
      const order = walk.epochExamples(epoch);
      const range = runs.l1.infos.slice((epoch - 1) * STEPS_PER_EPOCH, epoch * STEPS_PER_EPOCH).map((i) => i.example);
      expect(order).toEqual(range);
      expect(runs.l2.infos.slice((epoch - 1) * STEPS_PER_EPOCH, epoch * STEPS_PER_EPOCH).map((i) => i.example)).toEqual(range);
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: STEPS_PER_EPOCH }, (_, k) => k));
    }
  });
});

describe('the step counter is the heatmap figure’s', () => {
  it('steps per epoch, steps in all, and which step ends which epoch', () => {
    expect(STEPS_PER_EPOCH).toBe(walk.data.train.length);
    expect(WALK_STEPS).toBe(heatFigure.settings.epoch.max * STEPS_PER_EPOCH);
    expect(figure.settings.step.max).toBe(WALK_STEPS);
    expect(epochOfStep(1)).toEqual({ epoch: 1, position: 1 });
    expect(epochOfStep(40)).toEqual({ epoch: 1, position: 40 });
    expect(epochOfStep(41)).toEqual({ epoch: 2, position: 1 });
    expect(epochOfStep(4000)).toEqual({ epoch: 100, position: 40 });
    expect([epochEndedBy(80), epochEndedBy(81), epochEndedBy(4000)]).toEqual([2, null, 100]);
  });

  it('step 40E ends epoch E: its weights after are the heatmap figure’s frame “after epoch E” (and step 1’s before, frame 0), for the defaults and another seed, λ and frame spacing', () => {
    const heat = resolveSettings(heatFigure, {});
    const cases = [
      { seed: heat.seed, lambda: heat.lambda, every: heat.every },
      { seed: 7, lambda: 1, every: 5 },
    ];
    expect([cases[0].seed, cases[0].lambda]).toEqual([SEED, LAMBDA]); // the two figures show the same runs by default
    const w: WeightRef = { layer: 1, row: 1, col: 1 };
    for (const s of cases) {
      const mine = createWalk(s);
      for (const m of WALK_METHODS) {
        const run = heatmapRun(m, s);
        expect(run.epochs.length).toBeGreaterThan(10);
        run.epochs.forEach((epoch, k) => {
          const weights = epoch === 0 ? mine.detail(1, w)[m].before : mine.detail(epoch * STEPS_PER_EPOCH, w)[m].after;
          if (epoch > 0) expect(epochEndedBy(epoch * STEPS_PER_EPOCH)).toBe(epoch);
          expect(weights.map((W) => W.map((v) => Math.round(v * 1e4) / 1e4 + 0)), `${m} seed ${s.seed}, epoch ${epoch}`).toEqual(run.frames[k]);
        });
      }
    }
  });
});

describe('the followed weight and the cache', () => {
  it('a weight outside its matrix is brought inside (beyond the last row or column, the last)', () => {
    expect(clampWeight({ layer: 1, row: 7, col: 4 })).toEqual({ layer: 1, row: 1, col: 4 });
    expect(clampWeight({ layer: 4, row: 3, col: 9 })).toEqual({ layer: 4, row: 3, col: 1 });
    expect(clampWeight({ layer: 9, row: 0, col: 0 })).toEqual({ layer: 4, row: 1, col: 1 });
  });

  it('the figure’s formulas and its table read one walk per seed and λ; a new λ trains new runs', () => {
    const a = walkFor({ seed: SEED, lambda: LAMBDA });
    expect(walkFor({ seed: SEED, lambda: LAMBDA })).toBe(a);
    const b = walkFor({ seed: SEED, lambda: 1 });
    expect(b).not.toBe(a);
    expect(b.detail(1, followed).l1.followed.penaltyGrad).toBe(Math.sign(b.detail(1, followed).l1.followed.w));
    expect(figure.live!.compute({ ...defaults, lambda: 1 })['l1.pgrad']).toBe(b.detail(1, followed).l1.followed.penaltyGrad);
  });
});
