/**
 * Replaying a run's SGD steps, every number, with the core's own pieces (sgd-walk.ts trains the
 * runs; this rebuilds what a step did): the copy of the parameters at the start of the step's epoch
 * is restored, the steps before it are replayed, then the step itself is taken apart: the forward
 * pass (`Network.forward`), the error and backpropagation (`Network.backward`: ∂E/∂W and
 * ∂E/∂b = δ), the penalty's gradient (the regularizer's `pointDer`: λ·sign(w) with sign(0) = 0, or
 * λw) and the update (`Sgd.step`). The unit tests check that every step's weights equal the
 * `Trainer`'s, bit for bit.
 */
import { preActivations, type Loss, type Method, type Network, type Regularizer, type Sgd, type Snapshot } from '@neural-notes/nn';

/** A weight of the network: W^(layer)[row, col], from unit `row` of layer − 1 to unit `col` of layer; all 1-based. */
export interface WeightRef {
  readonly layer: number;
  readonly row: number;
  readonly col: number;
}

/** The followed weight's numbers in one step. */
export interface FollowedStep {
  /** The weight before the step. */
  readonly w: number;
  /** a_row^(layer − 1): what flows into it in the forward pass (x for the first layer). */
  readonly a: number;
  /** δ_col^(layer) = ∂E/∂z_col^(layer): the error backpropagated to the unit it feeds. */
  readonly delta: number;
  /** ∂E/∂w = a·δ, as the core's backward pass computes it. */
  readonly grad: number;
  /** sign(w) ∈ {−1, 0, 1} (sign(0) = 0). */
  readonly sign: number;
  /** The penalty's gradient at w: λ·sign(w) for L1, λw for L2 (the core's `pointDer`). */
  readonly penaltyGrad: number;
  /** η(∂E/∂w + penalty gradient): how far the step moves the weight (down). */
  readonly move: number;
  /** η·∂E/∂w: the data loss's part of the move. */
  readonly dataMove: number;
  /** η·(penalty gradient): the penalty's part of the move, ηλ·sign(w) or ηλw. */
  readonly penaltyMove: number;
  /** The weight after the step, w − η(∂E/∂w + penalty gradient), as the core's `Sgd.step` leaves it. */
  readonly next: number;
}

/** One method's step: the forward pass, the error, backpropagation, the penalty and the update. */
export interface ReplayedStep<M extends Method = Method> {
  readonly method: M;
  /** The network's output ŷ for the step's x, with the weights before the step. */
  readonly yhat: number;
  /** ∂E/∂ŷ = sign(ŷ − y) = δ at the output. */
  readonly outGrad: number;
  /** The step's data loss |ŷ − y|, as the training loop recorded it. */
  readonly dataLoss: number;
  /** The step's penalty on the weights before it (λΣ|W| or λΣW²/2), as the training loop recorded it. */
  readonly penalty: number;
  /** dataLoss + penalty: the cost of the step (Equation "experiment-cost"). */
  readonly cost: number;
  /** Σ|W| and ΣW² over every weight before the step. */
  readonly sumAbs: number;
  readonly sumSq: number;
  /** acts[0] = [x]; acts[l] = the outputs of layer l (l = 1 … 4; the last is [ŷ]). Linear layers: a = z. */
  readonly acts: number[][];
  /** deltas[l − 1] = δ^(l) = ∂E/∂z^(l) (= ∂E/∂b^(l)), l = 1 … 4. */
  readonly deltas: number[][];
  /** Every layer's weights before and after the step, row-major (fanIn, fanOut). */
  readonly before: number[][];
  readonly after: number[][];
  readonly followed: FollowedStep;
}

/** The training set and loss the runs were trained on. */
export interface ReplayData {
  /** inputs[e], targets[e]: training example e (an index of the training list). */
  readonly inputs: readonly number[];
  readonly targets: readonly number[];
  readonly loss: Loss;
}

/** What a replay needs of a run: its penalty, what its training loop recorded, and a network to replay on. */
export interface ReplayRun<M extends Method = Method> {
  readonly method: M;
  readonly penalty: Regularizer;
  /** examples[k]: the training-list index of step k + 1. */
  readonly examples: Int32Array;
  /** The two terms of step k + 1's cost, as the training loop computed them. */
  readonly dataLoss: Float64Array;
  readonly penaltyAt: Float64Array;
  /** A network to replay steps on (its optimizer: plain SGD with the experiment's learning rate). */
  readonly scratch: Network;
  readonly sgd: Sgd;
}

/** Every layer's weights of a network, row-major. */
export const layerWeights = (net: Network) => net.layers.map((L) => Array.from(L.weights));

/** Step k (1-based) on the run's scratch network: forward, backward, update. Returns the gradients. */
export function replayStep(run: ReplayRun, data: ReplayData, k: number) {
  const net = run.scratch;
  const e = run.examples[k - 1];
  const out = net.forward([data.inputs[e]]);
  const grads = net.createGradients();
  net.backward(data.loss.grad(out, [data.targets[e]]), grads);
  run.sgd.step(net, grads, run.penalty);
  return grads;
}

/** The run's scratch network after step n: `start` (the parameters before step `first`) restored, then steps first … n replayed. */
export function replayTo(run: ReplayRun, data: ReplayData, start: Snapshot, first: number, n: number): Network {
  run.scratch.restore(start);
  for (let k = first; k <= n; k++) replayStep(run, data, k);
  return run.scratch;
}

/**
 * Step n (1-based) taken apart, for the followed weight `ref`, from the run's scratch network holding
 * the parameters after step n − 1 (replayTo); the scratch network is left after step n.
 */
export function replayDetail<M extends Method>(run: ReplayRun<M>, data: ReplayData, n: number, ref: WeightRef): ReplayedStep<M> {
  const net = run.scratch;
  const e = run.examples[n - 1];
  const x = data.inputs[e];
  const y = data.targets[e];
  const acts = [[x], ...net.layers.map((_, l) => Array.from(preActivations(net, l, [[x]])[0]))];
  const out = net.forward([x]);
  const outGrad = data.loss.grad(out, [y]);
  const grads = net.createGradients();
  net.backward(outGrad, grads);
  const before = layerWeights(net);
  const { layer, row, col } = ref;
  const L = net.layers[layer - 1];
  const k = (row - 1) * L.fanOut + (col - 1);
  const w = L.weights[k];
  const grad = grads.weights[layer - 1][k];
  const penaltyGrad = run.penalty.pointDer(w);
  let sumAbs = 0;
  let sumSq = 0;
  for (const W of before) for (const v of W) {
    sumAbs += Math.abs(v);
    sumSq += v * v;
  }
  run.sgd.step(net, grads, run.penalty);
  const lr = run.sgd.lr;
  return {
    method: run.method,
    yhat: out[0],
    outGrad: outGrad[0],
    dataLoss: run.dataLoss[n - 1],
    penalty: run.penaltyAt[n - 1],
    cost: run.dataLoss[n - 1] + run.penaltyAt[n - 1],
    sumAbs,
    sumSq,
    acts,
    deltas: grads.biases.map((d) => Array.from(d)),
    before,
    after: layerWeights(net),
    followed: {
      w,
      a: acts[layer - 1][row - 1],
      delta: grads.biases[layer - 1][col - 1],
      grad,
      sign: Number(w > 0) - Number(w < 0),
      penaltyGrad,
      move: lr * (grad + penaltyGrad),
      dataMove: lr * grad,
      penaltyMove: lr * penaltyGrad,
      next: L.weights[k],
    },
  };
}
