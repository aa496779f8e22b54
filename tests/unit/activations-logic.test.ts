import { describe, expect, it } from 'vitest';
import { softmax } from '@neural-notes/nn';
import { FUNCTIONS, makeActivation, rreluTrainingSlopes, sampleCurves, stepCursor, type FunctionParams } from '../../src/models/activations/functions';
import { SOFTMAX_PRESETS, naiveSoftmaxFails } from '../../src/models/activations/softmax';
import { formatProbability } from '../../src/lib/format';
import explorer from '../../src/figures/activations/ActivationExplorer.figure';
import { resolveSettings } from '../../src/figures/figure';
import { layerErrors, quarterPowerLine, shrinkage } from '../../src/models/activations/deep';
import { DEAD_THRESHOLD, runDeadUnits } from '../../src/models/activations/dead-units';
import { runPrelu } from '../../src/models/activations/prelu';
import { toyTask } from '../../src/models/activations/task';

/** The explorer's parameters at the declaration's defaults. */
const DEFAULT_PARAMS: FunctionParams = resolveSettings(explorer, {});
import { createNetwork, createRng, deadUnits } from '@neural-notes/nn';

describe('softmax presets', () => {
  const shown = (key: string) => softmax(SOFTMAX_PRESETS.find((p) => p.key === key)!.logits).map(formatProbability);
  it('reproduce the worked cases to the digit', () => {
    expect(shown('clear')).toEqual(['0.846', '0.085', '0.069']);
    expect(shown('close')).toEqual(['0.316', '0.258', '0.426']);
    expect(shown('crowd')).toEqual(['0.13', ...Array(9).fill('0.097')]);
  });
  it('the huge-logit case stays correct and the naive formula is flagged', () => {
    expect(shown('huge')).toEqual(softmax([2, 1, 0]).map(formatProbability));
    expect(naiveSoftmaxFails([1000, 999, 998], 1)).toBe(true);
    expect(naiveSoftmaxFails([-1000, -1001], 1)).toBe(true);
    expect(naiveSoftmaxFails([3, 0.7, 0.5], 1)).toBe(false);
  });
  it('formatProbability never prints NaN and marks tiny values', () => {
    expect(formatProbability(NaN)).toBe('—');
    expect(formatProbability(1e-9)).toBe('< 0.001');
    expect(formatProbability(0)).toBe('0');
    expect(formatProbability(1)).toBe('1');
  });
});

describe('sampleCurves', () => {
  it('samples every function with finite values only, split at the kink', () => {
    for (const name of FUNCTIONS) {
      const c = sampleCurves(makeActivation(name, DEFAULT_PARAMS), -50, 50, 101, name !== 'sigmoid' && name !== 'tanh');
      expect(c.f.length).toBeGreaterThan(100);
      for (const p of [...c.f, ...c.d]) expect(Number.isFinite(p.y)).toBe(true);
    }
  });
  it('gives ReLU’s derivative its left value 0 and right value 1 at x = 0', () => {
    const c = sampleCurves(makeActivation('relu', DEFAULT_PARAMS), -1, 1, 5);
    const at0 = c.d.filter((p) => p.x === 0);
    expect(at0).toEqual([{ x: 0, y: 0, seg: 0 }, { x: 0, y: 1, seg: 1 }]);
  });
  it('uses the explorer parameters', () => {
    expect(makeActivation('leakyRelu', { ...DEFAULT_PARAMS, slope: 0.2 }).der(-1)).toBeCloseTo(0.2);
    expect(makeActivation('prelu', { ...DEFAULT_PARAMS, a: 0.5 }).output(-2)).toBeCloseTo(-1);
    expect(makeActivation('rrelu', DEFAULT_PARAMS).der(-1)).toBeCloseTo(1 / 5.5);
    expect(makeActivation('elu', { ...DEFAULT_PARAMS, alpha: 2 }).output(-100)).toBeCloseTo(-2);
  });
});

describe('Leaky ReLU slope range', () => {
  it('reaches 1, the identity the article’s caption asks for, in the prop, the slider and the URL (one shared range)', () => {
    expect(explorer.settings.slope).toMatchObject({ min: 0, max: 1 });
    expect(resolveSettings(explorer, { slope: 1 }).slope).toBe(1);
    expect(() => resolveSettings(explorer, { slope: 1.01 })).toThrow(/from 0 to 1/);
  });
  it('at slope 1 Leaky ReLU is the identity: f(x) = x and f′(x) = 1 on both sides of 0', () => {
    const c = sampleCurves(makeActivation('leakyRelu', { ...DEFAULT_PARAMS, slope: 1 }), -5, 5, 41);
    for (const p of c.f) expect(p.y).toBeCloseTo(p.x, 12);
    for (const p of c.d) expect(p.y).toBe(1);
  });
});

describe('RReLU training slopes', () => {
  it('are seeded draws of 1/a with a in [l, u)', () => {
    const a = rreluTrainingSlopes(3, 8, 1);
    expect(a).toEqual(rreluTrainingSlopes(3, 8, 1));
    expect(a).not.toEqual(rreluTrainingSlopes(3, 8, 2));
    for (const k of a) {
      expect(k).toBeGreaterThan(1 / 8);
      expect(k).toBeLessThanOrEqual(1 / 3);
    }
  });
});

describe('stepCursor', () => {
  it('moves by 1/100 of the range, clamps, and ignores other keys', () => {
    expect(stepCursor(0, 'ArrowRight', -5, 5)).toBeCloseTo(0.1);
    expect(stepCursor(0, 'ArrowLeft', -5, 5)).toBeCloseTo(-0.1);
    expect(stepCursor(4.95, 'ArrowRight', -5, 5)).toBe(5);
    expect(stepCursor(0, 'Home', -5, 5)).toBe(-5);
    expect(stepCursor(0, 'a', -5, 5)).toBeNull();
  });
});

describe('vanishing gradient', () => {
  it('sigmoid errors shrink layer by layer, roughly like 0.25ⁿ; the same seed gives the same numbers', () => {
    const e = layerErrors({ activation: 'sigmoid', depth: 20, seed: 1, init: 'glorotUniform' });
    expect(e).toHaveLength(20);
    expect(e).toEqual(layerErrors({ activation: 'sigmoid', depth: 20, seed: 1, init: 'glorotUniform' }));
    const { perLayer } = shrinkage(e);
    expect(perLayer).toBeGreaterThan(0.1);
    expect(perLayer).toBeLessThan(0.35);
    const line = quarterPowerLine(e);
    expect(line[19].value).toBe(e[19].value);
    expect(line[0].value).toBeCloseTo(e[19].value * 0.25 ** 19, 20);
  });
  it('ReLU with He initialisation keeps the error within an order of magnitude or so', () => {
    const e = layerErrors({ activation: 'relu', depth: 20, seed: 1, init: 'heUniform' });
    expect(shrinkage(e).perLayer).toBeGreaterThan(0.85);
  });
});

describe('dead units and PReLU runs', () => {
  it('an all-negative ReLU unit counts as dead, a leaky one does not', () => {
    const task = toyTask(1, 16);
    for (const [act, dead] of [['relu', 1], ['leakyRelu', 0]] as const) {
      const net = createNetwork({ sizes: [1, 1, 1], activation: act, init: 'zeros' });
      net.layers[0].biases[0] = -10;
      expect(deadUnits(net, task.inputs, DEAD_THRESHOLD)).toBe(dead);
    }
  });
  it('the default run is deterministic; ReLU loses units, the others do not', () => {
    const a = runDeadUnits({ lr: 0.05, seed: 3, epochs: 30 });
    expect(a).toEqual(runDeadUnits({ lr: 0.05, seed: 3, epochs: 30 }));
    const end = Object.fromEntries(a.series.map((s) => [s.activation, s.dead[s.dead.length - 1]]));
    expect(end.relu).toBeGreaterThan(0);
    expect(end.leakyRelu).toBe(0);
    expect(end.elu).toBe(0);
    expect(a.series.every((s) => s.dead.length === 31)).toBe(true);
  });
  it('PReLU slopes start at 0.25 and move; a diverging run reports it without NaN', () => {
    const r = runPrelu({ lr: 0.01, momentum: 0.9, seed: 1, epochs: 20 });
    expect(r.slopes[0].every((a) => a === 0.25)).toBe(true);
    expect(r.slopes).toHaveLength(21);
    expect(r.slopes[20].some((a) => Math.abs(a - 0.25) > 0.05)).toBe(true);
    const bad = runPrelu({ lr: 0.1, momentum: 0.99, seed: 1, epochs: 20 });
    expect(bad.status).toBe('diverged');
    expect(bad.slopes.flat().every(Number.isFinite)).toBe(true);
    expect(bad.loss.every(Number.isFinite)).toBe(true);
  });
  it('a seed drives the whole run', () => {
    expect(createRng(1).next()).toBe(createRng(1).next());
    expect(runPrelu({ lr: 0.01, momentum: 0.5, seed: 2, epochs: 5 })).toEqual(runPrelu({ lr: 0.01, momentum: 0.5, seed: 2, epochs: 5 }));
  });
});
