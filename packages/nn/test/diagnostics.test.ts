import { describe, expect, it } from 'vitest';
import { deadUnits, gradientNorms, preActivations } from '../src/diagnostics';
import { createNetwork } from '../src/network';
import { createRng } from '../src/rng';

describe('gradientNorms', () => {
  it('shows the vanishing gradient of a deep sigmoid stack, and not of a ReLU one', () => {
    const rng = createRng(1);
    const inputs = Array.from({ length: 8 }, () => Array.from({ length: 4 }, () => rng.uniform(-1, 1)));
    const targets = inputs.map(() => [rng.uniform(-1, 1)]);
    const sizes = [4, ...Array(20).fill(8), 1];
    const sigmoid = gradientNorms(createNetwork({ sizes, activation: 'sigmoid', rng: createRng(2) }), inputs, targets);
    expect(sigmoid).toHaveLength(21);
    expect(sigmoid.every((g) => Number.isFinite(g.weights) && Number.isFinite(g.delta))).toBe(true);
    // from the output back to the input the error shrinks by orders of magnitude
    expect(sigmoid[0].delta).toBeLessThan(1e-6 * sigmoid[20].delta);
    const relu = gradientNorms(createNetwork({ sizes, activation: 'relu', init: 'heNormal', rng: createRng(2) }), inputs, targets);
    expect(relu[0].delta / relu[20].delta).toBeGreaterThan(1000 * (sigmoid[0].delta / sigmoid[20].delta));
  });

  it('rejects empty or mismatched data', () => {
    const net = createNetwork({ sizes: [2, 1], rng: createRng(1) });
    expect(() => gradientNorms(net, [], [])).toThrow('inputs must be a non-empty array (got an array of length 0)');
    expect(() => gradientNorms(net, [[1, 2]], [])).toThrow('targets must have length 1 (got length 0)');
    expect(() => gradientNorms(net, [[1, 2]], [[1, 2]])).toThrow('targets[0] must have length 1 (got length 2)');
  });
});

describe('preActivations', () => {
  it('matches a manual forward pass, layer by layer', () => {
    const net = createNetwork({ sizes: [2, 3, 2, 1], activation: 'tanh', rng: createRng(4) });
    const inputs = [[0.5, -1], [2, 0.25]];
    inputs.forEach((x, r) => {
      let a: number[] = x;
      net.layers.forEach((L, l) => {
        const z = Array.from({ length: L.fanOut }, (_, j) => {
          let s = L.biases[j];
          for (let i = 0; i < L.fanIn; i++) s += a[i] * L.weights[i * L.fanOut + j];
          return s;
        });
        const got = preActivations(net, l, inputs)[r];
        z.forEach((v, j) => expect(got[j]).toBeCloseTo(v, 14));
        a = z.map((v) => L.activation.output(v));
      });
    });
  });

  it('rejects a layer out of range or no inputs', () => {
    const net = createNetwork({ sizes: [1, 2, 1], rng: createRng(1) });
    expect(() => preActivations(net, 2, [[1]])).toThrow('layer must be an integer in [0, 1] (got 2)');
    expect(() => preActivations(net, 0, [])).toThrow('inputs must be a non-empty array');
  });
});

describe('deadUnits', () => {
  // One input, two hidden layers of two units, weights zero: z = bias for every input.
  function handBuilt(activation: Parameters<typeof createNetwork>[0]['activation'], biases: [number[], number[]]) {
    const net = createNetwork({ sizes: [1, 2, 2, 1], activation, init: 'zeros' });
    biases.forEach((b, l) => b.forEach((v, j) => (net.layers[l].biases[j] = v)));
    return net;
  }
  const inputs = [[-1], [0], [1]];

  it('counts rectifier units that are negative on every input, in every hidden layer but not the output', () => {
    expect(deadUnits(handBuilt('relu', [[-1, 1], [-2, -3]]), inputs)).toBe(3);
    expect(deadUnits(handBuilt('relu', [[1, 1], [1, 1]]), inputs)).toBe(0);
    expect(deadUnits(handBuilt({ name: 'leakyRelu', slope: 0.01 }, [[-1, -1], [-1, -1]]), inputs)).toBe(0);
    // a leaky slope below the threshold counts as dead
    expect(deadUnits(handBuilt({ name: 'leakyRelu', slope: 1e-4 }, [[-1, -1], [-1, -1]]), inputs)).toBe(4);
  });

  it('judges PReLU units by their own slope and ELU by eᶻ', () => {
    const p = handBuilt({ name: 'prelu', initial: 0.25 }, [[-1, -1], [1, 1]]);
    expect(deadUnits(p, inputs)).toBe(0);
    p.layers[0].slopes[1] = 0;
    expect(deadUnits(p, inputs)).toBe(1);
    expect(deadUnits(handBuilt({ name: 'elu', alpha: 1 }, [[-10, -1], [1, 1]]), inputs)).toBe(1);
  });

  it('a unit live on one input is not dead; the threshold is an argument', () => {
    const net = createNetwork({ sizes: [1, 1, 1], activation: 'relu', init: 'zeros' });
    net.layers[0].weights[0] = 1;
    net.layers[0].biases[0] = -0.5;
    expect(deadUnits(net, inputs)).toBe(0);
    expect(deadUnits(net, [[-1], [0]])).toBe(1);
    expect(deadUnits(net, [[-1], [0]], 0)).toBe(0);
    expect(() => deadUnits(net, inputs, -1)).toThrow('threshold must be a finite number ≥ 0 (got -1)');
  });
});
