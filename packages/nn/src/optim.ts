/**
 * Stochastic gradient descent with momentum (momentum 0 is plain SGD: the same
 * numbers, and the batch-of-one path then skips the velocity). For every
 * parameter θ with gradient g:
 *
 *   v := μ·v + ε·g,   θ := θ − v
 *
 * which is the PReLU paper's update Δa := μΔa + ε·∂E/∂a; PReLU slopes are updated
 * exactly like weights. On weights, g includes the regularizer's gradient; biases
 * and slopes are never penalised.
 */
import { checkNonNegative, checkRange } from './check';
import type { Gradients, Network } from './network';
import { backwardUpdate, updateCase } from './update';
import { backwardUpdate32 } from './single';
import type { Regularizer } from './regularizers';

/** sign(w) for the update loops: a function of this module, for the reason given at `sign` in update.ts. */
function sign(w: number): number {
  return Number(w > 0) - Number(w < 0);
}

export interface SgdOptions {
  /** Learning rate ε, finite and ≥ 0. */
  readonly lr: number;
  /** Momentum μ in [0, 1); default 0 (plain SGD). */
  readonly momentum?: number;
}

export class Sgd {
  /** Learning rate ε. */
  readonly lr: number;
  /** Momentum μ (0 = plain SGD). */
  readonly momentum: number;
  /** Velocity v per parameter, same layout as `Gradients`; created on the first step, for that network. */
  private velocity: Gradients | null = null;
  /** The network `velocity` belongs to. */
  private owner: Network | null = null;

  constructor({ lr, momentum = 0 }: SgdOptions) {
    this.lr = checkNonNegative('lr', lr);
    this.momentum = checkRange('momentum', momentum, 0, 1, true);
  }

  /** Forgets the velocity (the next step starts from v = 0). */
  reset(): void {
    this.velocity = null;
    this.owner = null;
  }

  /**
   * One update of every parameter of `net` from `grads` plus `penalty`'s gradient on
   * the weights. Returns the penalty of the weights BEFORE the update.
   */
  step(net: Network, grads: Gradients, penalty: Regularizer): number {
    const v = this.velocityFor(net);
    const lr = this.lr;
    const mu = this.momentum;
    const a = penalty.l1;
    const b = penalty.l2;
    let sumAbs = 0;
    let sumSq = 0;
    const layers = net.layers;
    for (let l = 0; l < layers.length; l++) {
      const W = layers[l].weights;
      const G = grads.weights[l];
      const V = v.weights[l];
      if (a === 0 && b === 0) {
        for (let k = 0; k < W.length; k++) {
          const vk = mu * V[k] + lr * G[k];
          V[k] = vk;
          W[k] -= vk;
        }
      } else if (b === 0) {
        for (let k = 0; k < W.length; k++) {
          const w = W[k];
          sumAbs += Math.abs(w);
          const vk = mu * V[k] + lr * (G[k] + a * sign(w));
          V[k] = vk;
          W[k] = w - vk;
        }
      } else {
        for (let k = 0; k < W.length; k++) {
          const w = W[k];
          sumAbs += Math.abs(w);
          sumSq += w * w;
          const vk = mu * V[k] + lr * (G[k] + a * sign(w) + b * w);
          V[k] = vk;
          W[k] = w - vk;
        }
      }
      plainStep(layers[l].biases, grads.biases[l], v.biases[l], lr, mu);
      plainStep(layers[l].slopes, grads.slopes[l], v.slopes[l], lr, mu);
    }
    return a * sumAbs + (b / 2) * sumSq;
  }

  /**
   * Batch-size-1 fast path: backpropagates ∂E/∂output of `net`'s last forward pass
   * and updates in the same sweep (update.ts `backwardUpdate`); same result as
   * `backward` into zeroed gradients followed by `step`. Returns the penalty of the
   * weights before the update.
   */
  stepFused(net: Network, outputGrad: ArrayLike<number>, penalty: Regularizer): number {
    const velocity = this.velocityFor(net);
    const mode = updateCase(this.momentum, penalty);
    return backwardUpdate(net.layers, net.work, outputGrad, mode, this.lr, this.momentum, penalty.l1, penalty.l2, velocity);
  }

  /**
   * `stepFused` in float32 (single.ts `backwardUpdate32`): the parameters, the gradient and the
   * update all rounded to float32. `layerPenalty` receives each layer's penalty. Returns the
   * penalty of the weights before the update.
   */
  stepFused32(net: Network, outputGrad: ArrayLike<number>, penalty: Regularizer, layerPenalty: Float64Array): number {
    const velocity = this.velocityFor(net);
    return backwardUpdate32(net.layers, net.work, outputGrad, this.lr, this.momentum, penalty.l1, penalty.l2, velocity, layerPenalty);
  }

  /**
   * The velocity v = Δθ of the last step, per parameter in the layout of `Gradients` (what the next
   * step multiplies by μ), or null before the first step. With momentum 0 the batch-of-one path does
   * not keep it (it stays 0), since no step reads it. Read-only: a copy is the caller's to make.
   */
  currentVelocity(): Readonly<Gradients> | null {
    return this.velocity;
  }

  /** Makes the velocity for `net` now rather than on the first step (the training loop calls it up front). */
  prepare(net: Network): void {
    this.velocityFor(net);
  }

  private velocityFor(net: Network): Gradients {
    if (this.velocity === null || this.owner !== net) {
      this.velocity = net.createGradients();
      this.owner = net;
    }
    return this.velocity;
  }
}

/** v := μv + ε·g; θ := θ − v for unpenalised parameters. */
function plainStep(P: Float64Array, G: Float64Array, V: Float64Array, lr: number, mu: number): void {
  for (let k = 0; k < P.length; k++) {
    const vk = mu * V[k] + lr * G[k];
    V[k] = vk;
    P[k] -= vk;
  }
}

export function sgd(options: SgdOptions): Sgd {
  return new Sgd(options);
}
