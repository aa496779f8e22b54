import { describe, expect, it } from 'vitest';
import { gradientNorms } from '../src/diagnostics';
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
