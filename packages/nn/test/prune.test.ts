import { describe, expect, it } from 'vitest';
import { createNetwork } from '../src/network';
import { prune, shapesNotation } from '../src/prune';
import { createRng } from '../src/rng';

describe('prune', () => {
  it('writes weight shapes in the source notation', () => {
    expect(shapesNotation([1, 10, 10, 10, 1])).toBe('(1,10),(10,10),(10,10),(10,1)');
    expect(shapesNotation([1, 10, 10, 1, 1])).toBe('(1,10),(10,10),(10,1),(1,1)');
  });

  it('removes a unit with no outgoing weights and one with no incoming weights, keeping the function', () => {
    const rng = createRng(1);
    const net = createNetwork({ sizes: [2, 4, 3, 1], activation: 'tanh', rng });
    for (const L of net.layers) for (let j = 0; j < L.fanOut; j++) L.biases[j] = rng.uniform(-0.5, 0.5);
    // unit 1 of hidden layer 1: all outgoing weights zero
    for (let k = 0; k < 3; k++) net.layers[1].weights[1 * 3 + k] = 0;
    // unit 2 of hidden layer 2: all incoming weights zero (a constant tanh(bias) output)
    for (let i = 0; i < 4; i++) net.layers[1].weights[i * 3 + 2] = 0;
    const result = prune(net, 1e-9);
    expect(result.sizes).toEqual([2, 3, 2, 1]);
    expect(result.removed).toEqual([[1], [2]]);
    expect(result.notation).toBe('(2,3),(3,2),(2,1)');
    for (let t = 0; t < 20; t++) {
      const x = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
      expect(result.network.forward(x)[0]).toBeCloseTo(net.forward(x)[0], 12);
    }
  });

  it('expresses the source manual reduction and leaves a live network alone', () => {
    const live = createNetwork({ sizes: [1, 10, 10, 10, 1], rng: createRng(2) });
    expect(prune(live, 1e-6).sizes).toEqual([1, 10, 10, 10, 1]);
    // keep only unit 0 of the third hidden layer
    const net = live.clone();
    for (let j = 1; j < 10; j++) net.layers[3].weights[j] = 0;
    const result = prune(net, 1e-6);
    expect(result.notation).toBe('(1,10),(10,10),(10,1),(1,1)');
    expect(result.network.forward([3])[0]).toBeCloseTo(net.forward([3])[0], 12);
  });

  it('keeps one unit in a layer that is switched off entirely', () => {
    const net = createNetwork({ sizes: [1, 3, 1], rng: createRng(3) });
    net.layers[1].weights.fill(0);
    expect(prune(net).sizes).toEqual([1, 1, 1]);
  });
});
