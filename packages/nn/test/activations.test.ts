import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activation, ACTIVATION_NAMES, elu, leakyRelu, linear, prelu, relu, rrelu, sigmoid, tanh, type Activation,
} from '../src/activations';
import { createRng } from '../src/rng';
import { centralDiff, close } from './fd';

const all: Activation[] = [linear, sigmoid, tanh, relu, leakyRelu(), leakyRelu(0.2), prelu(), prelu(0.7), rrelu(), elu(), elu(0.5)];
// points away from the kink at 0
const xs = [-6, -2.5, -1, -0.3, -0.01, 0.01, 0.4, 1, 2.2, 5];

describe('activations', () => {
  for (const f of all) {
    it(`${JSON.stringify(f.spec)}: der matches a central finite difference`, () => {
      for (const x of xs) expect(close(f.der(x), centralDiff(f.output, x))).toBe(true);
    });
  }

  it('have the documented values', () => {
    expect(sigmoid.output(0)).toBe(0.5);
    expect(sigmoid.der(0)).toBe(0.25);
    expect(sigmoid.output(-800)).toBeGreaterThanOrEqual(0);
    expect(sigmoid.output(800)).toBe(1);
    expect(relu.output(-3)).toBe(0);
    expect(leakyRelu().output(-3)).toBeCloseTo(-0.03, 15);
    expect(prelu().output(-4)).toBe(-1);
    expect(rrelu().output(-5.5)).toBeCloseTo(-1, 15); // evaluation slope 1/5.5
    expect(elu().output(-1)).toBeCloseTo(Math.exp(-1) - 1, 15);
    // f'(x) = f(x) + α on the negative side
    const e = elu(2);
    for (const x of [-3, -1, -0.2]) expect(e.der(x)).toBeCloseTo(e.output(x) + 2, 12);
  });

  it('PReLU: derivative with respect to the slope is x for x < 0, else 0', () => {
    const p = prelu();
    for (const a of [0.1, 0.25, 1.3]) {
      for (const x of xs) {
        expect(close(p.derSlope(x), centralDiff((s) => p.outputAt(x, s), a))).toBe(true);
        expect(close(p.derAt(x, a), centralDiff((t) => p.outputAt(t, a), x))).toBe(true);
      }
    }
    expect(p.derSlope(-2)).toBe(-2);
    expect(p.derSlope(2)).toBe(0);
  });

  it('RReLU: training draws a from U(l, u) and uses the slope 1/a', () => {
    const r = rrelu({ lower: 3, upper: 8 });
    const rng = createRng(5);
    const copy = createRng(rng.state());
    for (let i = 0; i < 500; i++) {
      const k = r.sampleSlope(rng);
      expect(k).toBe(1 / copy.uniform(3, 8));
      expect(k).toBeGreaterThan(1 / 8);
      expect(k).toBeLessThanOrEqual(1 / 3);
      expect(r.outputAt(-2, k)).toBe(-2 * k);
    }
  });

  it('RReLU: evaluation slope is 2/(l + u) for any l < u (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (lower, width) => {
          const upper = lower + width;
          const r = rrelu({ lower, upper });
          expect(r.evalSlope).toBe(2 / (lower + upper));
          expect(r.der(-1)).toBe(2 / (lower + upper));
          expect(r.output(-1)).toBe(-(2 / (lower + upper)));
        },
      ),
    );
  });

  it('looks activations up by name and parameters, or by spec, and specs survive JSON', () => {
    expect(activation('leakyRelu', { slope: 0.1 }).output(-1)).toBeCloseTo(-0.1, 15);
    expect(activation({ name: 'elu', alpha: 1 }).spec).toEqual({ name: 'elu', alpha: 1 });
    for (const f of all) {
      const back = activation(JSON.parse(JSON.stringify(f.spec)));
      expect(back.spec).toEqual(f.spec);
      for (const x of xs) expect(back.output(x)).toBe(f.output(x));
    }
    expect(ACTIVATION_NAMES.map((n) => activation(n).name)).toEqual(ACTIVATION_NAMES);
  });

  it('rejects an unknown name or bad parameter, naming the argument and the allowed values', () => {
    expect(() => activation('swish' as never)).toThrow(/activation must be one of 'linear', 'sigmoid'.*'elu' \(got "swish"\)/);
    expect(() => rrelu({ lower: 5, upper: 3 })).toThrow(/upper must be/);
    expect(() => rrelu({ lower: 0, upper: 3 })).toThrow(/lower must be a finite number > 0/);
    expect(() => leakyRelu(NaN)).toThrow(/slope must be a finite number/);
    expect(() => elu(-1)).toThrow(/alpha must be a finite number ≥ 0 \(got -1\)/);
  });
});
