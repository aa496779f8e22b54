/**
 * One SGD step of the experiment, every number: run 1 of the L1 penalty and run 1 of the L2 penalty,
 * trained exactly as the weight-heatmap figure trains them (heatmaps.ts: the site's protocol, the same
 * data, seed, λ and example order), followed one step at a time.
 *
 * Step n (1 … 4000) is the n-th SGD step of training: it starts from the weights after n − 1 steps
 * and ends with the weights after n steps. Epoch e (1-based) is steps 40(e − 1) + 1 … 40e, so the
 * heatmap figure's frame "after epoch E" holds the weights after step 40E, and its frame at epoch 0
 * the weights before step 1.
 *
 * Where the numbers come from, all of them the core's:
 * - the core's `Trainer` trains each run (lazily, as far as the reader has gone), keeping a copy of
 *   the parameters at the start of every epoch and, from `onStep`, the example of every step and the
 *   two terms of its cost;
 * - a step is shown by restoring the copy at the start of its epoch and replaying the steps before
 *   it with the core's own pieces: `Network.forward`, `Network.backward` (∂E/∂W and ∂E/∂b = δ),
 *   the regularizer's `pointDer` (λ·sign(w) with sign(0) = 0, or λw) and `Sgd.step` for the update.
 *   The unit tests check that every step's weights equal the `Trainer`'s, bit for bit.
 */
import {
  createNetwork, createRng, EXPERIMENT_DEFAULTS, experimentData, loss as lossOf, Network, preActivations, regularizer, Sgd,
  snapshotAt, SOURCE_SIZES, Trainer, type Regularizer,
} from '@neural-notes/nn';
import { EPOCHS, experimentOptions } from './experiment';
import { SOURCE_PROTOCOL } from './source';

/** The two runs followed side by side. */
export const WALK_METHODS = ['l1', 'l2'] as const;
export type WalkMethod = (typeof WALK_METHODS)[number];

/** Training points of the experiment (50 points, 80/20): steps per epoch at batch size 1. */
export const STEPS_PER_EPOCH = 40;
/** Steps of a whole run: 100 epochs of 40. */
export const WALK_STEPS = EPOCHS * STEPS_PER_EPOCH;

export interface WalkSettings {
  /** Seed of the data and of run 1 (the heatmap figure's seed). */
  readonly seed: number;
  /** Penalty strength λ of both runs. */
  readonly lambda: number;
}

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
export interface MethodStep {
  readonly method: WalkMethod;
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

export interface StepDetail {
  /** 1 … WALK_STEPS. */
  readonly step: number;
  /** 1-based epoch of the step, and its place in that epoch (1 … 40). */
  readonly epoch: number;
  readonly position: number;
  /** The step's example: its index in the training list (0 … 39) and in the dataset (0 … 49). */
  readonly example: number;
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly lr: number;
  readonly lambda: number;
  /** The followed weight, its row and column brought inside its matrix. */
  readonly weight: WeightRef;
  readonly l1: MethodStep;
  readonly l2: MethodStep;
}

/** The options of the heatmap figure's runs (heatmaps.ts) for these settings. */
export function walkOptions(s: WalkSettings) {
  return experimentOptions({ ...SOURCE_PROTOCOL, methods: [...WALK_METHODS], offset: null, seed: s.seed, lambda: s.lambda, pruned: false });
}

/** A weight brought inside the network: layer 1 … 4, row and column within its matrix (beyond the last, the last). */
export function clampWeight(ref: WeightRef, sizes: readonly number[] = SOURCE_SIZES): WeightRef {
  const layer = Math.min(sizes.length - 1, Math.max(1, Math.round(ref.layer)));
  const fit = (v: number, n: number) => Math.min(n, Math.max(1, Math.round(v)));
  return { layer, row: fit(ref.row, sizes[layer - 1]), col: fit(ref.col, sizes[layer]) };
}

/** The epoch (1-based) of step n and its place in it (1 … 40). */
export function epochOfStep(n: number): { epoch: number; position: number } {
  return { epoch: Math.floor((n - 1) / STEPS_PER_EPOCH) + 1, position: ((n - 1) % STEPS_PER_EPOCH) + 1 };
}

/** The epoch that step n completes (n = 40E ends epoch E, the heatmap figure's frame "after epoch E"), or null. */
export function epochEndedBy(n: number): number | null {
  return n % STEPS_PER_EPOCH === 0 ? n / STEPS_PER_EPOCH : null;
}

/** One run, trained as far as needed. */
interface Track {
  readonly method: WalkMethod;
  readonly penalty: Regularizer;
  readonly trainer: Trainer;
  /** example[k]: the training-list index of step k + 1. */
  readonly examples: Int32Array;
  /** The two terms of step k + 1's cost, as the training loop computed them. */
  readonly dataLoss: Float64Array;
  readonly penaltyAt: Float64Array;
  /** Steps trained so far. */
  done: number;
  /** A network to replay steps on (its optimizer: plain SGD with the experiment's learning rate). */
  readonly scratch: Network;
  readonly sgd: Sgd;
}

export interface Walk {
  readonly settings: WalkSettings;
  /** The experiment's dataset and split (the heatmap runs' own). */
  readonly data: { readonly x: readonly number[]; readonly y: readonly number[]; readonly train: readonly number[] };
  readonly lr: number;
  /** The last step that can be shown: WALK_STEPS, or fewer if a run diverged. */
  lastStep(): number;
  /** Everything of step n (1 … lastStep()) for the followed weight. */
  detail(n: number, weight: WeightRef): StepDetail;
  /** Every layer's weights of one run after n steps (n = 0: the initial weights), row-major. */
  weightsAfter(method: WalkMethod, n: number): number[][];
  /** The training-list indices the steps of an epoch (1-based) visit, in order. */
  epochExamples(epoch: number): number[];
}

/** The two runs of these settings, trained lazily: the first call costs one step, a later step at most one epoch's replay. */
export function createWalk(settings: WalkSettings): Walk {
  const options = walkOptions(settings);
  if (options.arithmetic !== 'float64') throw new Error('the walk replays steps in double precision');
  const data = experimentData(options);
  if (data.train.length !== STEPS_PER_EPOCH) throw new Error(`expected ${STEPS_PER_EPOCH} training points, got ${data.train.length}`);
  const inputs = data.train.map((i) => data.x[i]);
  const targets = data.train.map((i) => data.y[i]);
  const loss = lossOf('sumAbsolute');
  const epochs = options.epochs;
  const total = epochs * STEPS_PER_EPOCH;

  const tracks = WALK_METHODS.map((method): Track => {
    // run 1 (r = 0) of runExperiment: its Rng draws the initial weights, then the example orders
    const rng = createRng(options.seed);
    const net = createNetwork({ sizes: [...SOURCE_SIZES], rng });
    const examples = new Int32Array(total);
    const dataLoss = new Float64Array(total);
    const penaltyAt = new Float64Array(total);
    const track: Track = {
      method,
      penalty: regularizer(method, options.lambda, options.mix),
      trainer: null as unknown as Trainer,
      examples,
      dataLoss,
      penaltyAt,
      done: 0,
      scratch: net.clone(),
      sgd: new Sgd({ lr: options.lr }),
    };
    const trainer = new Trainer(net, { inputs, targets }, {
      order: options.order,
      arithmetic: options.arithmetic,
      epochs,
      batchSize: EXPERIMENT_DEFAULTS.batchSize,
      loss: 'sumAbsolute',
      penalty: track.penalty,
      optimizer: { lr: options.lr, momentum: 0 },
      rng,
      snapshotEvery: STEPS_PER_EPOCH,
      onStep: (info) => {
        const k = info.step - 1;
        examples[k] = info.example;
        dataLoss[k] = info.dataLoss;
        penaltyAt[k] = info.penalty;
        track.done = info.step;
      },
    });
    return Object.assign(track, { trainer });
  });

  /** Trains a run to at least step n (or as far as it goes). */
  const reach = (t: Track, n: number) => {
    if (t.done < n && !t.trainer.done) t.trainer.run(n - t.done);
  };

  /** A run's network after n steps, in its scratch network: the copy at the start of that epoch, then the steps replayed. */
  const stateAfter = (t: Track, n: number): Network => {
    reach(t, n);
    if (n > t.done) throw new Error(`step ${n} is beyond the ${t.done} steps this run trained`);
    const epochStart = Math.floor(n / STEPS_PER_EPOCH);
    t.scratch.restore(snapshotAt(t.trainer.result().snapshots, epochStart));
    for (let k = epochStart * STEPS_PER_EPOCH + 1; k <= n; k++) replay(t, k);
    return t.scratch;
  };

  /** Step k (1-based) on the scratch network: forward, backward, update. Returns the gradients. */
  const replay = (t: Track, k: number) => {
    const net = t.scratch;
    const e = t.examples[k - 1];
    const out = net.forward([inputs[e]]);
    const grads = net.createGradients();
    net.backward(loss.grad(out, [targets[e]]), grads);
    t.sgd.step(net, grads, t.penalty);
    return grads;
  };

  const layers = (net: Network) => net.layers.map((L) => Array.from(L.weights));

  const methodStep = (t: Track, n: number, ref: WeightRef): MethodStep => {
    const net = stateAfter(t, n - 1);
    const e = t.examples[n - 1];
    const x = inputs[e];
    const y = targets[e];
    const acts = [[x], ...net.layers.map((_, l) => Array.from(preActivations(net, l, [[x]])[0]))];
    const out = net.forward([x]);
    const outGrad = loss.grad(out, [y]);
    const grads = net.createGradients();
    net.backward(outGrad, grads);
    const before = layers(net);
    const { layer, row, col } = ref;
    const L = net.layers[layer - 1];
    const k = (row - 1) * L.fanOut + (col - 1);
    const w = L.weights[k];
    const grad = grads.weights[layer - 1][k];
    const penaltyGrad = t.penalty.pointDer(w);
    let sumAbs = 0;
    let sumSq = 0;
    for (const W of before) for (const v of W) {
      sumAbs += Math.abs(v);
      sumSq += v * v;
    }
    t.sgd.step(net, grads, t.penalty);
    const lr = t.sgd.lr;
    return {
      method: t.method,
      yhat: out[0],
      outGrad: outGrad[0],
      dataLoss: t.dataLoss[n - 1],
      penalty: t.penaltyAt[n - 1],
      cost: t.dataLoss[n - 1] + t.penaltyAt[n - 1],
      sumAbs,
      sumSq,
      acts,
      deltas: grads.biases.map((d) => Array.from(d)),
      before,
      after: layers(net),
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
  };

  const lastStep = () => {
    // a run that diverged stops early; the walk shows the steps both runs took
    for (const t of tracks) if (t.trainer.done && t.trainer.result().status !== 'ok') return Math.min(...tracks.map((u) => u.done));
    return total;
  };

  /** The last detail asked for (the figure and the formulas it lends its numbers to ask for the same step). */
  let last: StepDetail | null = null;

  return {
    settings,
    data,
    lr: options.lr,
    lastStep,
    detail(n, weight) {
      for (const t of tracks) reach(t, n);
      const step = Math.min(Math.max(1, Math.round(n)), lastStep());
      const ref = clampWeight(weight);
      if (last && last.step === step && last.weight.layer === ref.layer && last.weight.row === ref.row && last.weight.col === ref.col) return last;
      const [l1, l2] = tracks.map((t) => methodStep(t, step, ref));
      const e = tracks[0].examples[step - 1];
      last = { step, ...epochOfStep(step), example: e, index: data.train[e], x: inputs[e], y: targets[e], lr: options.lr, lambda: options.lambda, weight: ref, l1, l2 };
      return last;
    },
    weightsAfter(method, n) {
      return layers(stateAfter(tracks[WALK_METHODS.indexOf(method)], n));
    },
    epochExamples(epoch) {
      const end = Math.min(epoch * STEPS_PER_EPOCH, total);
      for (const t of tracks) reach(t, end);
      return Array.from(tracks[0].examples.subarray((epoch - 1) * STEPS_PER_EPOCH, end));
    },
  };
}

/**
 * The walk for these settings, kept while the settings stay the same (the figure and the formulas it
 * lends its numbers to ask for the same runs at every step; they are trained once).
 */
let cached: Walk | null = null;
export function walkFor(settings: WalkSettings): Walk {
  if (!cached || cached.settings.seed !== settings.seed || cached.settings.lambda !== settings.lambda) cached = createWalk({ seed: settings.seed, lambda: settings.lambda });
  return cached;
}
