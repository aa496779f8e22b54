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
 *   it with the core's own pieces (step-replay.ts): `Network.forward`, `Network.backward` (∂E/∂W
 *   and ∂E/∂b = δ), the regularizer's `pointDer` (λ·sign(w) with sign(0) = 0, or λw) and
 *   `Sgd.step` for the update. The unit tests check that every step's weights equal the
 *   `Trainer`'s, bit for bit.
 */
import {
  createNetwork, createRng, EXPERIMENT_DEFAULTS, experimentData, loss as lossOf, Network, regularizer, Sgd, snapshotAt, SOURCE_SIZES, Trainer,
} from '@neural-notes/nn';
import { EPOCHS, experimentOptions } from './experiment';
import { SOURCE_PROTOCOL } from './source';
import { layerWeights, replayDetail, replayTo, type ReplayData, type ReplayedStep, type ReplayRun, type WeightRef } from './step-replay';

export type { FollowedStep, WeightRef } from './step-replay';

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

/** One method's step: the forward pass, the error, backpropagation, the penalty and the update. */
export type MethodStep = ReplayedStep<WalkMethod>;

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

/** One run, trained as far as needed (and what a replay of its steps needs, step-replay.ts). */
interface Track extends ReplayRun<WalkMethod> {
  readonly trainer: Trainer;
  /** Steps trained so far. */
  done: number;
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
  const replayData: ReplayData = { inputs, targets, loss };
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
    return replayTo(t, replayData, snapshotAt(t.trainer.result().snapshots, epochStart), epochStart * STEPS_PER_EPOCH + 1, n);
  };

  /** Step n of a run taken apart: the run's network after step n − 1, then the step (step-replay.ts). */
  const methodStep = (t: Track, n: number, ref: WeightRef): MethodStep => {
    stateAfter(t, n - 1);
    return replayDetail(t, replayData, n, ref);
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
      return layerWeights(stateAfter(tracks[WALK_METHODS.indexOf(method)], n));
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
