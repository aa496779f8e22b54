/**
 * Every sentence of content/articles/l1-vs-l2-regularization.mdx that states a result of a run and
 * is not generated from the build's own runs (as <Findings /> is) is checked here: each test is
 * named after the sentence it backs, runs the models at the article's settings, and fails when the
 * sentence stops holding. Change the sentence and its test together.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  countNearZero, EXPERIMENT_PRESETS, leastAbsoluteLine, leastSquaresLine, loss, mean, Network, optimumPath, percentileRank, prune, regularizer, runExperiment, sd,
  type Method, type RunResult,
} from '@neural-notes/nn';
import { heatmapRun } from '../../src/models/regularization/heatmaps';
import { DEFAULT_QUADRATIC } from '../../src/models/regularization/geometry';
import { basePoints, PRESET_OUTLIERS } from '../../src/models/regularization/outliers';
import { SOURCE_L1_ERRORS } from '../../src/models/regularization/source';
import { runSweep } from '../../src/models/regularization/sweep';
import sweepFigure from '../../src/figures/regularization/LambdaSweep.figure';
import geometryFigure from '../../src/figures/regularization/PenaltyGeometry.figure';
import experimentFigure from '../../src/figures/regularization/Experiment.figure';
import stepFigure from '../../src/figures/regularization/SgdStep.figure';
import heatFigure from '../../src/figures/regularization/WeightHeatmaps.figure';
import { createWalk, walkOptions, WALK_METHODS, WALK_STEPS } from '../../src/models/regularization/sgd-walk';
import { resolveSettings } from '../../src/figures/figure';

const article = readFileSync(new URL('../../content/articles/l1-vs-l2-regularization.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
/** The sentence is in the article (so a test cannot outlive the sentence it backs). */
const says = (text: string) => expect(article, `the article says “${text}”`).toContain(text);

// Some checks train hundreds of runs (a few seconds each on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

const SEED = resolveSettings(experimentFigure, {}).seed;
const PROTOCOLS = { default: EXPERIMENT_PRESETS.default, published: EXPERIMENT_PRESETS.published };
const errors = (runs: RunResult[]) => runs.map((r) => r.testError).filter((e): e is number => e !== null);
const unitsOff = (r: RunResult) => prune(Network.fromJSON(r.network), 0.01).removed.reduce((n, u) => n + u.length, 0);

/** 100 runs of a method under a protocol, at the article's settings (λ 0.3, lr 0.01, seed 1), computed once. */
const cache = new Map<string, RunResult[]>();
function hundred(protocol: keyof typeof EXPERIMENT_PRESETS, method: Method): RunResult[] {
  const key = `${protocol}-${method}`;
  if (!cache.has(key)) cache.set(key, runExperiment({ ...EXPERIMENT_PRESETS[protocol], method, seed: SEED, runs: 100, gridPoints: 2 }).runs);
  return cache.get(key)!;
}

describe('the L1 penalty', () => {
  it('“a subgradient step … leaves switched-off weights hovering within about ηλ of zero instead of landing on it”', () => {
    says('leaves switched-off weights hovering within about $\\eta\\lambda$ of zero instead of landing on it');
    const etaLambda = 0.01 * 0.3;
    for (const protocol of ['default', 'published'] as const) {
      const small = hundred(protocol, 'l1').slice(0, 20).flatMap((r) => r.network.weights.flat().filter((w) => Math.abs(w) < 0.01));
      expect(small.length).toBeGreaterThan(20 * 200);
      expect(small.filter((w) => Math.abs(w) <= etaLambda).length / small.length, protocol).toBeGreaterThan(0.95);
      expect(small.filter((w) => w === 0), protocol).toEqual([]);
    }
  });
});

describe('ridge regression in the article’s conventions', () => {
  it('“the cost ‖Xw − y‖² + (λ/2)‖w‖² … is zero at w = (XᵀX + (λ/2) I)⁻¹ Xᵀy”, with the core’s sumSquared and l2', () => {
    says('$\\mathbf{w} = \\bigl(X^\\top X + \\tfrac{\\lambda}{2} I\\bigr)^{-1} X^\\top \\mathbf{y}$');
    // two features, five points; (XᵀX + cI)⁻¹Xᵀy by Cramer's rule
    const X = [[1, 2], [2, 0.5], [3, -1], [4, 1.5], [-1, 2]];
    const y = [3, 1, -2, 4, 0.5];
    const lambda = 0.8;
    const ridge = (c: number) => {
      const m = [0, 1].map((i) => [0, 1].map((j) => X.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? c : 0)));
      const v = [0, 1].map((i) => X.reduce((s, row, k) => s + row[i] * y[k], 0));
      const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
      return [(v[0] * m[1][1] - m[0][1] * v[1]) / det, (m[0][0] * v[1] - v[0] * m[1][0]) / det];
    };
    // the gradient of the cost, built from the core's own loss and penalty, at a w
    const gradient = (w: number[]) => {
      const net = new Network([2, 1], ['linear']);
      net.layers[0].weights.set(w);
      const grads = net.createGradients();
      const sq = loss('sumSquared');
      X.forEach((row, k) => net.backward(sq.grad(net.forward(row), [y[k]]), grads));
      regularizer('l2', lambda).addGrad(net.layers[0].weights, grads.weights[0]);
      return Array.from(grads.weights[0]);
    };
    for (const g of gradient(ridge(lambda / 2))) expect(Math.abs(g)).toBeLessThan(1e-12);
    // the textbook (XᵀX + λI)⁻¹Xᵀy is not the minimum for these conventions
    expect(Math.max(...gradient(ridge(lambda)).map(Math.abs))).toBeGreaterThan(0.1);
  });
});

describe('the geometry figure at its defaults', () => {
  const d = resolveSettings(geometryFigure, {});
  it('“With L1 it slides until one coordinate hits zero and then travels along the axis …; with L2 it heads towards the origin along a curve without ever touching an axis”', () => {
    says('With L1 it slides until one coordinate hits zero');
    expect(d.method).toBe('l1');
    const l1 = optimumPath(DEFAULT_QUADRATIC, 'l1', d.mix, 3);
    const first = l1.findIndex((p) => p.w[0] === 0 || p.w[1] === 0);
    expect(first).toBeGreaterThan(0);
    const axis = l1[first].w[0] === 0 ? 0 : 1;
    for (const p of l1.slice(first)) expect(p.w[axis]).toBe(0);
    const l2 = optimumPath(DEFAULT_QUADRATIC, 'l2', d.mix, 3);
    for (const p of l2) expect(p.w[0] !== 0 && p.w[1] !== 0).toBe(true);
    expect(Math.hypot(...l2[l2.length - 1].w)).toBeLessThan(Math.hypot(...l2[0].w));
  });
});

describe('the outlier intuition', () => {
  it('“a point twice as far away costs four times as much and, since the derivative of r² is 2r, pulls twice as hard”', () => {
    says('costs four times as much and, since the derivative of $r^2$ is $2r$, pulls twice as hard');
    const sq = loss('sumSquared');
    const ab = loss('sumAbsolute');
    for (const r of [0.5, 1, 3]) {
      expect(sq.point(2 * r, 0)).toBe(4 * sq.point(r, 0));
      expect(sq.pointDer(2 * r, 0)).toBe(2 * sq.pointDer(r, 0));
      // “an absolute error pulls every point with the same strength”
      expect(ab.pointDer(2 * r, 0)).toBe(ab.pointDer(r, 0));
    }
  });

  it('“the squared error gets dragged towards them while the absolute error hardly moves” (the outlier figure’s default points)', () => {
    says('the squared error gets dragged towards them while the absolute error hardly moves');
    const clean = basePoints();
    const withOutliers = [...clean, ...PRESET_OUTLIERS.slice(0, 2)];
    const shift = (fit: typeof leastSquaresLine) => Math.abs(fit(withOutliers)!.slope - fit(clean)!.slope);
    expect(shift(leastSquaresLine)).toBeGreaterThan(5 * shift(leastAbsoluteLine));
  });
});

describe('the experiment, as published and with one fixed order', () => {
  it('“the post’s own five L1 numbers range from under 5 to over 40”', () => {
    says("the post's own five L1 numbers range from under 5 to over 40");
    expect(Math.min(...SOURCE_L1_ERRORS)).toBeLessThan(5);
    expect(Math.max(...SOURCE_L1_ERRORS)).toBeGreaterThan(40);
  });

  it('“With 100 runs per method as published, the post’s five L1 numbers all fall inside the spread of ours. With one fixed order for every run, the spread of our results is about half as wide and most of the post’s numbers lie below every one of our runs.”', () => {
    says("With 100 runs per method as published, the post's five L1 numbers all fall inside the spread of ours.");
    says("the spread of our results is about half as wide and most of the post's numbers lie below every one of our runs");
    const published = errors(hundred('published', 'l1'));
    for (const e of SOURCE_L1_ERRORS) {
      expect(percentileRank(published, e)).toBeGreaterThan(0);
      expect(percentileRank(published, e)).toBeLessThan(100);
    }
    const fixed = errors(hundred('publishedFixed', 'l1'));
    expect(SOURCE_L1_ERRORS.filter((e) => percentileRank(fixed, e) === 0).length).toBeGreaterThanOrEqual(3);
    for (const method of ['none', 'l1', 'l2'] as const) {
      const ratio = sd(errors(hundred('publishedFixed', method))) / sd(errors(hundred('published', method)));
      expect(ratio, method).toBeGreaterThan(0.35);
      expect(ratio, method).toBeLessThan(0.65);
    }
  });

  it('“At the post’s learning rate of 0.01 no run diverged, whatever λ from 0.01 to 10 (the next figure shows it). At a learning rate of 0.1 most runs diverge … with or without a penalty”', () => {
    says("At the post's learning rate of 0.01 no run diverged, whatever λ from 0.01 to 10");
    says('At a learning rate of 0.1 most runs **diverge**');
    // the λ sweep at its defaults (what "the next figure shows"), and 10 runs as published
    const defaults = resolveSettings(sweepFigure, {});
    expect(defaults.lr).toBe(0.01);
    const atDefault = runSweep({ ...defaults, methods: ['l1', 'l2', 'elastic'] });
    expect(atDefault.baseline.diverged).toBe(0);
    expect(atDefault.points.map((p) => p.diverged)).toEqual(atDefault.points.map(() => 0));
    for (const method of ['l1', 'l2'] as const) {
      for (const lambda of atDefault.lambdas) {
        const r = runExperiment({ ...PROTOCOLS.published, method, lambda, runs: 10, gridPoints: 2 });
        expect(r.runs.filter((x) => x.status === 'diverged'), `${method} at λ ${lambda}`).toEqual([]);
      }
    }
    const fast = runSweep({ ...defaults, lr: 0.1 });
    const all = [fast.baseline, ...fast.points];
    expect(all.reduce((n, p) => n + p.diverged, 0)).toBeGreaterThan(all.reduce((n, p) => n + p.runs, 0) / 2);
    expect(fast.baseline.diverged).toBe(fast.baseline.runs);
  });

  it('“Change the learning rate to 0.1 …: there every unpenalised run diverges, and so does nearly every run at the smallest λ, while a λ of 1 or 3 keeps some runs of each penalty finite.”', () => {
    says('there every unpenalised run diverges, and so does nearly every run at the smallest λ, while a λ of 1 or 3 keeps some runs of each penalty finite');
    const defaults = resolveSettings(sweepFigure, {});
    const fast = runSweep({ ...defaults, lr: 0.1 });
    expect(fast.baseline.diverged).toBe(defaults.runs);
    for (const method of defaults.methods) {
      const at = (lambda: number) => fast.points.find((p) => p.method === method && p.lambda === lambda)!;
      expect(at(0.01).diverged, method).toBeGreaterThanOrEqual(defaults.runs - 1);
      expect(Math.min(at(1).diverged, at(3).diverged), method).toBeLessThan(defaults.runs);
    }
  });
});

describe('the weights', () => {
  it('“L1 empties the matrices within a few epochs and leaves a handful of weights that carry the whole line” (the heatmaps’ first L1 run)', () => {
    says('L1 empties the matrices within a few epochs and leaves a handful of weights that carry the whole line.');
    const h = heatmapRun('l1', { seed: SEED, lambda: 0.3, every: 2 });
    const near = (f: number) => h.frames[f].flat().filter((w) => Math.abs(w) < 0.01).length;
    const at6 = h.epochs.indexOf(6);
    expect(near(0)).toBeLessThan(10);
    expect(near(at6)).toBeGreaterThan(0.9 * 220);
    expect(220 - near(h.frames.length - 1)).toBeLessThanOrEqual(10);
  });

  it('“L2 … none of its weights ends exactly at zero, but on average about 30 of the 220 end below 0.01, and in more than half of the runs that is enough to switch off a whole hidden unit”', () => {
    says('none of its weights ends exactly at zero, but on average about 30 of the 220 end below 0.01, and in more than half of the runs that is enough to switch off a whole hidden unit');
    for (const protocol of ['default', 'published'] as const) {
      const runs = hundred(protocol, 'l2');
      expect(runs.map((r) => countNearZero(r.network, Number.MIN_VALUE)).every((n) => n === 0), protocol).toBe(true);
      const near = mean(runs.map((r) => r.nearZero));
      expect(near, protocol).toBeGreaterThan(25);
      expect(near, protocol).toBeLessThan(40);
      expect(runs.filter((r) => unitsOff(r) > 0).length, protocol).toBeGreaterThan(50);
    }
  });

  it('“with λ = 0.3 L1 found exactly that [a single chain of one unit per layer] in every one of our runs”', () => {
    says('with λ = 0.3 L1 found exactly that in every one of our runs');
    for (const protocol of ['default', 'published', 'publishedFixed'] as const) {
      for (const r of hundred(protocol, 'l1')) expect(prune(Network.fromJSON(r.network), 0.01).sizes, `${protocol} run ${r.run}`).toEqual([1, 1, 1, 1, 1]);
    }
  });

  it('“L1 really does produce sparse weight matrices and whole switched-off units, while L2 shrinks every weight, leaves none exactly zero and switches off far fewer units”', () => {
    says('while L2 shrinks every weight, leaves none exactly zero and switches off far fewer units');
    for (const protocol of ['default', 'published'] as const) {
      const l1 = mean(hundred(protocol, 'l1').map(unitsOff));
      const l2 = mean(hundred(protocol, 'l2').map(unitsOff));
      expect(l1, protocol).toBeGreaterThan(25);
      expect(l2, protocol).toBeLessThan(l1 / 5);
    }
  });
});

describe('one SGD step, every number (the SgdStep figure at its defaults)', () => {
  const step = resolveSettings(stepFigure, {});
  const walk = createWalk(step);
  const followed = { layer: step.layer, row: step.row, col: step.col };

  it('“its step 80 ends with the weights the heatmaps show after epoch 2”', () => {
    says('so its step 80 ends with the weights the heatmaps show after epoch 2');
    const heat = resolveSettings(heatFigure, {});
    expect([heat.seed, heat.lambda]).toEqual([step.seed, step.lambda]);
    for (const m of WALK_METHODS) {
      const run = heatmapRun(m, heat);
      const frame = run.epochs.indexOf(2);
      expect(frame).toBeGreaterThan(0);
      expect(walk.detail(80, followed)[m].after.map((W) => W.map((v) => Math.round(v * 1e4) / 1e4 + 0))).toEqual(run.frames[frame]);
    }
  });

  it('“In the first step … the forward pass, the error and the gradient are the same in both columns; only the penalty, its pull and so the new weight differ”', () => {
    says('In the first step the two runs start from the same weights and see the same example, so the forward pass, the error and the gradient are the same in both columns; only the penalty, its pull and so the new weight differ');
    const { l1, l2 } = walk.detail(1, followed);
    expect(l2.before).toEqual(l1.before);
    expect(l2.acts[0]).toEqual(l1.acts[0]);
    expect(l2.acts).toEqual(l1.acts);
    expect(l2.deltas).toEqual(l1.deltas);
    expect([l2.yhat, l2.dataLoss, l2.followed.w, l2.followed.grad, l2.followed.dataMove]).toEqual([l1.yhat, l1.dataLoss, l1.followed.w, l1.followed.grad, l1.followed.dataMove]);
    expect(l2.penalty).not.toBe(l1.penalty);
    expect(l2.followed.penaltyMove).not.toBe(l1.followed.penaltyMove);
    expect(l2.followed.next).not.toBe(l1.followed.next);
  });

  it('“The weight the figure follows at first joins two units that the L1 run has switched off. From step 263 on it is smaller than 0.003, so each step pulls it across zero: it flips sign at every step to the last, as 212 of the L1 run’s 220 weights do in the last step. In the L2 run the same weight keeps a size of its own, between −0.17 and −0.12 through the last epoch.”', () => {
    says("The weight the figure follows at first joins two units that the L1 run has switched off. From step 263 on it is smaller than 0.003, so each step pulls it across zero: it flips sign at every step to the last, as 212 of the L1 run's 220 weights do in the last step. In the L2 run the same weight keeps a size of its own, between −0.17 and −0.12 through the last epoch.");
    const l1 = walk.weightsAfter('l1', WALK_STEPS);
    const net = new Network([1, 10, 10, 10, 1], ['linear', 'linear', 'linear', 'linear']);
    net.layers.forEach((L, l) => L.weights.set(l1[l]));
    const { removed } = prune(net, 0.01);
    // W⁽ˡ⁾ joins unit `row` of layer l − 1 and unit `col` of layer l (hidden layer h is removed[h − 1])
    expect(removed[step.layer - 2]).toContain(step.row - 1);
    expect(removed[step.layer - 1]).toContain(step.col - 1);
    // ηλ = 0.003; step 262 starts at 0.003 or more, every step from 263 below it, and across zero
    expect(walk.lr * step.lambda).toBeCloseTo(0.003, 15);
    expect(Math.abs(walk.detail(262, followed).l1.followed.w)).toBeGreaterThanOrEqual(0.003);
    for (let n = 263; n <= WALK_STEPS; n++) {
      const f = walk.detail(n, followed).l1.followed;
      expect(Math.abs(f.w), `step ${n}`).toBeLessThan(0.003);
      expect(Math.sign(f.next), `step ${n}`).toBe(-Math.sign(f.w));
      expect(f.w, `step ${n}`).not.toBe(0);
    }
    // the last step: 212 of the L1 run's 220 weights across zero
    const last = walk.detail(WALK_STEPS, followed);
    const pairs = last.l1.before.flatMap((W, l) => W.map((w, k) => ({ w, next: last.l1.after[l][k] })));
    expect(pairs.length).toBe(220);
    expect(pairs.filter(({ w, next }) => w !== 0 && Math.sign(next) === -Math.sign(w)).length).toBe(212);
    // the L2 run: before and after every step of the last epoch, within −0.17 … −0.12 (and reaching near both ends)
    const l2: number[] = [];
    for (let n = WALK_STEPS - 39; n <= WALK_STEPS; n++) {
      const f = walk.detail(n, followed).l2.followed;
      l2.push(f.w, f.next);
    }
    expect(Math.min(...l2)).toBeGreaterThanOrEqual(-0.17);
    expect(Math.min(...l2)).toBeLessThan(-0.16);
    expect(Math.max(...l2)).toBeLessThanOrEqual(-0.12);
    expect(Math.max(...l2)).toBeGreaterThan(-0.125);
  });

  it('“The L1 penalty pulls every weight towards zero by the same amount, ηλ = 0.01 × 0.3 = 0.003 per step … 0.0015 for a weight of 0.5, 0.000003 for one of 0.001”; “Jump to the last step, 4000”', () => {
    says('The L1 penalty pulls every weight towards zero by the same amount, $\\eta\\lambda = 0.01 \\times 0.3 = 0.003$ per step');
    says('0.0015 for a weight of 0.5, 0.000003 for one of 0.001');
    says('Jump to the last step, 4000,');
    expect([walk.lr, step.lambda]).toEqual([0.01, 0.3]);
    expect(WALK_STEPS).toBe(4000);
    const l1 = regularizer('l1', step.lambda);
    const l2 = regularizer('l2', step.lambda);
    for (const w of [0.5, 0.001]) expect(walk.lr * l1.pointDer(w)).toBeCloseTo(0.003, 15);
    expect(walk.lr * l2.pointDer(0.5)).toBeCloseTo(0.0015, 15);
    expect(walk.lr * l2.pointDer(0.001)).toBeCloseTo(0.000003, 15);
  });

  it('“The λ sweep, the weight heatmaps and the step-by-step figure above use this site’s design”', () => {
    says("The λ sweep, the weight heatmaps and the step-by-step figure above use this site's design");
    says('**this site\'s design**: the order reshuffled every epoch, a random split, 64-bit arithmetic.');
    const o = walkOptions(step);
    expect({ order: o.order, split: o.split, dataset: o.dataset, arithmetic: o.arithmetic }).toEqual(EXPERIMENT_PRESETS.default);
    expect(EXPERIMENT_PRESETS.default).toMatchObject({ order: 'epoch', split: 'random', arithmetic: 'float64' });
  });
});

describe('the verdict', () => {
  it('“with five noisy runs per method, which penalty “wins” on this data depends on the seed”', () => {
    says('with five noisy runs per method, which penalty "wins" on this data depends on the seed');
    for (const protocol of ['default', 'published'] as const) {
      const winners = new Set<string>();
      for (let seed = 1; seed <= 10; seed++) {
        const means = (['none', 'l1', 'l2'] as const).map((method) => ({ method, m: mean(errors(runExperiment({ ...PROTOCOLS[protocol], method, seed, runs: 5, gridPoints: 2 }).runs)) }));
        winners.add(means.reduce((a, b) => (b.m < a.m ? b : a)).method);
      }
      expect(winners.size, protocol).toBeGreaterThanOrEqual(2);
    }
  });
});
