/**
 * The same training step in @tensorflow/tfjs-core on its CPU backend: variables
 * of shapes (1,10),(10,10),(10,10),(10,1), cost = Σ|pred − y| + penalty on the
 * weight matrices, `tf.train.sgd(lr).minimize`, batch 1. Float32, as tfjs computes.
 */
import { register } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

export interface TfjsModel {
  weights: tf.Variable[];
  biases: tf.Variable[];
  optimizer: tf.Optimizer;
  xs: tf.Tensor2D[];
  ys: tf.Tensor2D[];
}

export async function ready(): Promise<void> {
  // tfjs-core's Node bundle has no gradients; its ES-module build registers them
  // (into the same global registry) once extension-less imports can be resolved.
  register('./tfjs-resolve.mjs', import.meta.url);
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  tf.env().set('IS_TEST', true); // quiet the "use tfjs-node" hint
  await tf.setBackend('cpu');
  await tf.ready();
}

export function createTfjs(sizes: number[], weights: ArrayLike<number>[], x: number[], y: number[], lr: number): TfjsModel {
  return {
    weights: weights.map((w, l) => tf.variable(tf.tensor2d(Array.from(w), [sizes[l], sizes[l + 1]]))),
    biases: sizes.slice(1).map((n) => tf.variable(tf.zeros([1, n]))),
    optimizer: tf.train.sgd(lr),
    xs: x.map((v) => tf.tensor2d([[v]])),
    ys: y.map((v) => tf.tensor2d([[v]])),
  };
}

/** One SGD step on example r with penalty a·Σ|w| + b·Σw²/2. */
export function tfjsStep(m: TfjsModel, r: number, a: number, b: number): void {
  tf.tidy(() => {
    m.optimizer.minimize(() => {
      let h: tf.Tensor2D = m.xs[r];
      for (let l = 0; l < m.weights.length; l++) h = tf.add(tf.matMul(h, m.weights[l] as tf.Tensor2D), m.biases[l]);
      let cost: tf.Scalar = tf.sum(tf.abs(tf.sub(h, m.ys[r])));
      for (const w of m.weights) {
        if (a > 0) cost = tf.add(cost, tf.mul(a, tf.sum(tf.abs(w))));
        if (b > 0) cost = tf.add(cost, tf.mul(b / 2, tf.sum(tf.square(w))));
      }
      return cost;
    });
  });
}

export function tfjsWeights(m: TfjsModel): number[][] {
  return m.weights.map((w) => Array.from(w.dataSync()));
}

export function dispose(m: TfjsModel): void {
  tf.dispose([...m.weights, ...m.biases, ...m.xs, ...m.ys]);
  m.optimizer.dispose();
}
