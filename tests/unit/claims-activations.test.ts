/**
 * Every sentence of content/articles/activation-functions.mdx that states a result of a run (what a
 * figure shows at its defaults, or after the change the article suggests) is checked here, named
 * after the sentence; the test fails when the sentence stops holding. Change both together.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sigmoid } from '@neural-notes/nn';
import { resolveSettings } from '../../src/figures/figure';
import deadFigure from '../../src/figures/activations/DeadUnits.figure';
import preluFigure from '../../src/figures/activations/PreluSlopes.figure';
import vanishingFigure from '../../src/figures/activations/VanishingGradient.figure';
import { DEAD_SIZES, runDeadUnits } from '../../src/models/activations/dead-units';
import { layerErrors, shrinkage } from '../../src/models/activations/deep';
import { runPrelu } from '../../src/models/activations/prelu';

const article = readFileSync(new URL('../../content/articles/activation-functions.mdx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const says = (text: string) => expect(article, `the article says “${text}”`).toContain(text);

describe('the sigmoid', () => {
  it('“Away from zero it collapses: f′(5) ≈ 0.0066” and the caption’s “at x = ±5 it is below 0.007”', () => {
    says("$f'(5) \\approx 0.0066$");
    expect(sigmoid.der(5)).toBeCloseTo(0.0066, 4);
    expect(sigmoid.der(-5)).toBeLessThan(0.007);
    expect(sigmoid.der(0)).toBe(0.25);
  });
});

describe('the vanishing gradient figure', () => {
  const d = resolveSettings(vanishingFigure, {});
  const errors = (activation: 'sigmoid' | 'tanh' | 'relu', init = d.init) => layerErrors({ activation, depth: d.depth, seed: d.seed, init });

  it('“With the sigmoid the error falls by roughly a factor of four to five per layer …: after 20 layers it is less than 10⁻¹² of its size at the top”', () => {
    says('With the sigmoid the error falls by roughly a factor of four to five per layer');
    says('after 20 layers it is less than $10^{-12}$ of its size at the top');
    expect(d.depth).toBe(20);
    const s = shrinkage(errors('sigmoid'));
    expect(1 / (s.perLayer as number)).toBeGreaterThan(4);
    expect(1 / (s.perLayer as number)).toBeLessThan(5);
    expect(s.ratio as number).toBeLessThan(1e-12);
  });

  it('“Tanh and ReLU keep it within a few orders of magnitude.”', () => {
    says('Tanh and ReLU keep it within a few orders of magnitude.');
    for (const a of ['tanh', 'relu'] as const) expect(shrinkage(errors(a)).ratio as number, a).toBeGreaterThan(1e-4);
  });

  it('“switch the initial weights to He uniform … and the ReLU line turns flat; the sigmoid’s does not”', () => {
    says("the ReLU line turns flat; the sigmoid's does not");
    const relu = shrinkage(errors('relu', 'heUniform')).ratio as number;
    expect(relu).toBeGreaterThan(0.1);
    expect(relu).toBeLessThan(10);
    expect(shrinkage(errors('sigmoid', 'heUniform')).ratio as number).toBeLessThan(1e-6);
  });
});

describe('the PReLU slopes figure', () => {
  const d = resolveSettings(preluFigure, {});
  it('“more than half end below zero, a few settle near zero and behave almost like ReLU units, and one ends above where it started”', () => {
    says('more than half end below zero, a few settle near zero and behave almost like ReLU units, and one ends above where it started');
    const r = runPrelu(d);
    expect(r.status).toBe('ok');
    const end = r.slopes[r.slopes.length - 1];
    expect(end.filter((a) => a < 0).length).toBeGreaterThan(end.length / 2);
    expect(end.filter((a) => Math.abs(a) < 0.02).length).toBeGreaterThanOrEqual(3);
    expect(end.filter((a) => a > 0.25)).toHaveLength(1);
  });

  it('“raise ε until training diverges — the widget then says so”', () => {
    says('raise $\\varepsilon$ until training diverges');
    const r = runPrelu({ ...d, lr: preluFigure.settings.lr.max });
    expect(r.status).toBe('diverged');
    expect(r.slopes.flat().every(Number.isFinite)).toBe(true);
  });
});

describe('the dead units figure', () => {
  const d = resolveSettings(deadFigure, {});
  const at = (lr: number) => Object.fromEntries(runDeadUnits({ ...d, lr }).series.map((s) => [s.activation, s]));
  const units = DEAD_SIZES.slice(1, -1).reduce((a, b) => a + b, 0);

  it('“Some ReLU units are dead before training even starts”', () => {
    says('Some ReLU units are dead before training even starts');
    expect(at(d.lr).relu.dead[0]).toBeGreaterThan(0);
  });

  it('“set the learning rate to 0.1: about a third of the ReLU units die (and PReLU and ELU may diverge outright …)”, and “Larger learning rates kill more”', () => {
    says('set the learning rate to 0.1: about a third of the ReLU units die');
    says('Larger learning rates kill more');
    const fast = at(0.1);
    const dead = fast.relu.dead[fast.relu.dead.length - 1];
    expect(dead / units).toBeGreaterThan(0.25);
    expect(dead / units).toBeLessThan(0.42);
    const slow = at(d.lr).relu.dead;
    expect(dead).toBeGreaterThan(slow[slow.length - 1]);
    expect([fast.prelu.status, fast.elu.status]).toContain('diverged');
  });

  it('“At the default settings the leaky variants and ELU start with no dead units and end with none”; “at the default settings one [PReLU] unit does [count as dead] in a few of the epochs, and it ends alive”', () => {
    says('At the default settings the leaky variants and ELU start with no dead units and end with none');
    const runs = at(d.lr);
    for (const a of ['leakyRelu', 'prelu', 'elu'] as const) {
      expect(runs[a].dead[0], a).toBe(0);
      expect(runs[a].dead[runs[a].dead.length - 1], a).toBe(0);
    }
    says('at the default settings one unit does in a few of the epochs, and it ends alive');
    expect(Math.max(...runs.prelu.dead)).toBe(1);
    const epochs = runs.prelu.dead.filter((n) => n > 0).length;
    expect(epochs).toBeGreaterThanOrEqual(1);
    expect(epochs).toBeLessThanOrEqual(runs.prelu.dead.length / 4);
  });
});
