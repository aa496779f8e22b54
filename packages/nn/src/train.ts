/**
 * The training loop: mini-batch SGD over a dataset for a number of epochs.
 *
 * - Order of the examples (`order`): 'epoch' (the default) starts every epoch from the identity
 *   order 0 … n−1 shuffled by Fisher–Yates with the Rng passed in (for i = n−1 … 1: swap i with
 *   rng.int(i + 1)); 'once' shuffles like that before the first epoch only and keeps that order
 *   (so its first epoch is the first epoch of 'epoch'); 'fixed' visits 0 … n−1 in every epoch and
 *   draws nothing. The last batch of an epoch may be smaller. RReLU layers draw their slopes from
 *   the same Rng.
 * - Arithmetic (`arithmetic`): 'float64' (the default), or 'float32', which rounds the network's
 *   parameters and the data to float32 and trains in float32 (single.ts; batches of one).
 * - Cost of one step = data loss of the batch (the loss's sum or mean) + penalty on
 *   the weights at the start of the step. Each epoch record holds the MEAN over the
 *   epoch's steps of both terms, separately and summed.
 * - Divergence: a non-finite loss or parameter stops training with status
 *   'diverged'; the network is put back to its parameters at the start of that
 *   epoch, so no returned number is NaN or infinite.
 * - Cancellation: `signal.aborted` and `shouldStop()` are read before every step.
 *   A Worker can also train in slices with `Trainer.run(maxSteps)` and check its
 *   messages in between.
 * - The hot loop allocates nothing. Snapshots go into ONE growing Float64Array
 *   (see `Snapshots`), cheap to take and to post from a Worker as one buffer.
 */
import { checkAllFinite, checkInteger, checkOneOf, fail } from './check';
import { loss as toLoss, type Loss } from './losses';
import type { Gradients, Network, Snapshot } from './network';
import { Sgd } from './optim';
import { backwardPass, forwardPass } from './passes';
import { checkFloat32Layers, forwardPass32, outputLoss32, roundToFloat32 } from './single';
import { none, regularizer, type Regularizer } from './regularizers';
import type { Rng } from './rng';
import { ARITHMETICS, EXAMPLE_ORDERS, type Dataset, type EpochRecord, type ExampleOrder, type StepInfo, type TrainOptions, type TrainResult, type TrainStatus } from './training';

/** Copies a dataset into one flat array per side, checking sizes and values. */
function flatten(name: string, rows: Dataset['inputs'], width: number): Float64Array {
  const flat = new Float64Array(rows.length * width);
  rows.forEach((row, r) => {
    if (typeof row === 'number') {
      if (width !== 1) fail(`${name}[${r}]`, `an array of length ${width}`, row);
      flat[r] = row;
      return;
    }
    if (row == null || row.length !== width) fail(`${name}[${r}]`, `an array of length ${width}`, row);
    for (let i = 0; i < width; i++) flat[r * width + i] = row[i];
  });
  checkAllFinite(name, flat);
  return flat;
}

/** 0 if every entry is finite, NaN otherwise (x − x is NaN for ±Infinity and NaN). */
function finiteCheck(values: Float64Array): number {
  let check = 0;
  for (let k = 0; k < values.length; k++) check += values[k] - values[k];
  return check;
}

/** True if every parameter of `net` is finite. */
function allFinite(net: Network): boolean {
  let check = 0;
  for (const L of net.layers) check += finiteCheck(L.weights) + finiteCheck(L.biases) + finiteCheck(L.slopes);
  return check === 0;
}

/** Snapshots allocated at once beyond those already taken (bounds memory for huge runs). */
const MAX_SNAPSHOT_ROOM = 4096;

export class Trainer {
  /** The network being trained (changed in place). */
  readonly net: Network;
  /** Inputs, example r at x[r·inputSize …]. */
  private readonly x: Float64Array;
  /** Targets, example r at y[r·outputSize …]. */
  private readonly y: Float64Array;
  /** Number of examples. */
  private readonly n: number;
  /** Data loss of a batch. */
  private readonly loss: Loss;
  /** Weight penalty added to every step's cost. */
  private readonly penalty: Regularizer;
  /** Applies the updates; holds the momentum velocity. */
  private readonly optimizer: Sgd;
  /** Draws the shuffles and RReLU slopes. */
  private readonly rng: Rng;
  /** The options as passed (callbacks and cancellation are read from here). */
  private readonly options: TrainOptions;
  /** Epochs to run in total. */
  private readonly epochs: number;
  /** Examples per step. */
  private readonly batchSize: number;
  /** Steps between snapshots (0 = none). */
  private readonly snapshotEvery: number;
  /** Example order of the current epoch. */
  private readonly order: Int32Array;
  /** How the order changes between epochs. */
  private readonly orderMode: ExampleOrder;
  /** True when training in float32 (single.ts). */
  private readonly float32: boolean;
  /** Penalty of each layer in the last float32 step. */
  private readonly layerPenalty: Float64Array;
  /** Gradient accumulator of the current batch. */
  private readonly grads: Gradients;
  /** ∂(data loss)/∂output of the current example. */
  private readonly outGrad: Float64Array;
  /** Every parameter at the start of the current epoch, flat (restored on divergence), unless a snapshot holds them. */
  private readonly epochStart: Snapshot;
  /** Index of the snapshot taken at the start of the current epoch, or −1 if `epochStart` holds that epoch's start. */
  private epochStartSnapshot = -1;
  /** Reused argument of onStep. */
  private readonly info: StepInfo = { step: 0, epoch: 0, example: 0, dataLoss: 0, penalty: 0 };
  /** Current epoch (0-based). */
  private epoch = 0;
  /** Position in `order` of the next example of the current epoch; −1 before the epoch has begun. */
  private pos = -1;
  /** Steps completed. */
  private steps = 0;
  /**
   * Sums over the current epoch's steps of [data loss, penalty]. A typed array
   * rather than two number fields: a field that starts at 0 and later holds a
   * fraction changes the object's hidden class in V8, which throws away the
   * optimised training loop (here: when the first penalised run starts).
   */
  private readonly sums = new Float64Array(2);
  /** Steps taken in the current epoch. */
  private epochSteps = 0;
  /** 'running' until training ends, then how it ended. */
  private status: TrainStatus | 'running' = 'running';
  /** Why training ended early, or null. */
  private reason: string | null = null;
  /** One record per completed epoch. */
  private readonly history: EpochRecord[] = [];
  /** Steps left until the next snapshot (0 = no snapshots). */
  private untilSnapshot = 0;
  /** snapSteps[i]: steps completed when snapshot i was taken. */
  private readonly snapSteps: number[] = [];
  /** snapEpochs[i]: epochs completed when snapshot i was taken. */
  private readonly snapEpochs: number[] = [];
  /** Snapshot storage, sized for every expected snapshot; its first snapSteps.length · parameterCount numbers are used. */
  private snapParams = new Float64Array(0);

  constructor(net: Network, data: Dataset, options: TrainOptions) {
    if (data == null || !Array.isArray(data.inputs) || data.inputs.length === 0) {
      fail('data.inputs', 'a non-empty array', data?.inputs);
    }
    if (!Array.isArray(data.targets) || data.targets.length !== data.inputs.length) {
      fail('data.targets', `an array of ${data.inputs.length} targets (one per input)`, data.targets);
    }
    this.epochs = checkInteger('epochs', options.epochs, 0);
    this.batchSize = checkInteger('batchSize', options.batchSize ?? 1, 1);
    this.snapshotEvery = checkInteger('snapshotEvery', options.snapshotEvery ?? 0, 0);
    if (options.rng == null || typeof options.rng.next !== 'function') fail('rng', 'an Rng from createRng', options.rng);
    this.net = net;
    this.options = options;
    this.rng = options.rng;
    this.n = data.inputs.length;
    this.x = flatten('data.inputs', data.inputs, net.inputSize);
    this.y = flatten('data.targets', data.targets, net.outputSize);
    this.loss = toLoss(options.loss ?? 'sumAbsolute');
    this.penalty = options.penalty ? regularizer(options.penalty) : none();
    const opt = options.optimizer ?? { lr: 0.01 };
    this.optimizer = opt instanceof Sgd ? opt : new Sgd(opt);
    this.optimizer.prepare(net);
    this.order = new Int32Array(this.n);
    this.orderMode = options.order === undefined ? (options.shuffle === false ? 'fixed' : 'epoch') : checkOneOf('order', options.order, EXAMPLE_ORDERS);
    this.float32 = checkOneOf('arithmetic', options.arithmetic ?? 'float64', ARITHMETICS) === 'float32';
    this.layerPenalty = new Float64Array(net.layers.length);
    if (this.float32) {
      if (this.batchSize !== 1) fail('batchSize', "1 when arithmetic is 'float32'", this.batchSize);
      checkFloat32Layers(net.layers);
      roundToFloat32(this.x);
      roundToFloat32(this.y);
      for (const L of net.layers) {
        roundToFloat32(L.weights);
        roundToFloat32(L.biases);
      }
    }
    this.grads = net.createGradients();
    this.outGrad = new Float64Array(net.outputSize);
    this.epochStart = net.snapshot();
    if (this.snapshotEvery > 0) this.takeSnapshot();
    if (this.epochs === 0) this.status = 'ok';
  }

  get done(): boolean {
    return this.status !== 'running';
  }

  /** Runs at most `maxSteps` more steps (default: to the end). Returns the status so far. */
  run(maxSteps = Infinity): TrainStatus | 'running' {
    const { signal, shouldStop } = this.options;
    for (let k = 0; k < maxSteps && this.status === 'running'; k++) {
      if ((signal && signal.aborted) || (shouldStop && shouldStop())) {
        this.stop('stopped', 'cancelled');
        break;
      }
      if (this.pos < 0) this.beginEpoch();
      this.step();
      if (this.status === 'running' && this.pos >= this.n) this.endEpoch();
    }
    return this.status;
  }

  /** The outcome so far; while still running it reads status 'stopped', reason 'not finished'. */
  result(): TrainResult {
    return {
      status: this.status === 'running' ? 'stopped' : this.status,
      epoch: this.epoch,
      step: this.steps,
      reason: this.status === 'running' ? 'not finished' : this.reason,
      history: this.history,
      snapshots: {
        size: this.net.parameterCount(),
        steps: this.snapSteps,
        epochs: this.snapEpochs,
        params: this.snapParams.subarray(0, this.snapSteps.length * this.net.parameterCount()),
      },
    };
  }

  private beginEpoch(): void {
    const order = this.order;
    const mode = this.orderMode;
    if (mode === 'epoch' || this.epoch === 0) for (let i = 0; i < order.length; i++) order[i] = i;
    if (mode === 'epoch' || (mode === 'once' && this.epoch === 0)) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = this.rng.int(i + 1);
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    // a snapshot taken at this very step already holds the epoch's start: no second copy
    const last = this.snapSteps.length - 1;
    if (last >= 0 && this.snapSteps[last] === this.steps) {
      this.epochStartSnapshot = last;
    } else {
      this.epochStartSnapshot = -1;
      this.net.copyParams(this.epochStart, 0);
    }
    this.pos = 0;
    this.sums[0] = 0;
    this.sums[1] = 0;
    this.epochSteps = 0;
  }

  /** Forward pass of example r: sets outGrad = ∂(data loss)/∂output and returns the data loss (both × scale). */
  private forwardLoss(r: number, scale: number): number {
    const { net, loss, outGrad, y } = this;
    const nOut = outGrad.length;
    const out = forwardPass(net.layers, net.work, this.x, r * net.inputSize, true, this.rng);
    let data = 0;
    for (let o = 0; o < nOut; o++) {
      const target = y[r * nOut + o];
      data += loss.point(out[o], target);
      outGrad[o] = loss.pointDer(out[o], target) * scale;
    }
    return data * scale;
  }

  /**
   * One step on the batch order[pos … pos + batchSize): a single example goes
   * through the fused backward-and-update; a larger batch accumulates its gradients
   * first and then takes one optimizer step.
   */
  private step(): void {
    const { net, grads, order, optimizer, penalty } = this;
    const start = this.pos;
    const end = Math.min(start + this.batchSize, this.n);
    const scale = this.loss.reduction === 'mean' ? 1 / ((end - start) * this.outGrad.length) : 1;
    let data: number;
    let pen = NaN;
    if (this.float32) {
      const r = order[start];
      const out = forwardPass32(net.layers, net.work, this.x, r * net.inputSize);
      data = outputLoss32(this.loss, out, this.y, r * this.outGrad.length, scale, this.outGrad);
      if (Number.isFinite(data)) pen = optimizer.stepFused32(net, this.outGrad, penalty, this.layerPenalty);
    } else if (end - start === 1) {
      data = this.forwardLoss(order[start], scale);
      if (Number.isFinite(data)) pen = optimizer.stepFused(net, this.outGrad, penalty);
    } else {
      for (let l = 0; l < grads.weights.length; l++) {
        grads.weights[l].fill(0);
        grads.biases[l].fill(0);
        grads.slopes[l].fill(0);
      }
      data = 0;
      for (let p = start; p < end; p++) {
        data += this.forwardLoss(order[p], scale);
        backwardPass(net.layers, net.work, this.outGrad, grads);
      }
      if (Number.isFinite(data)) pen = optimizer.step(net, grads, penalty);
    }
    this.pos = end;
    if (!Number.isFinite(data)) return this.stop('diverged', 'non-finite loss');
    if (!Number.isFinite(pen)) return this.stop('diverged', 'non-finite parameter');
    this.steps++;
    this.sums[0] += data;
    this.sums[1] += pen;
    this.epochSteps++;
    if (this.untilSnapshot > 0 && --this.untilSnapshot === 0) this.takeSnapshot();
    const onStep = this.options.onStep;
    if (onStep) {
      const info = this.info;
      info.step = this.steps;
      info.epoch = this.epoch;
      info.example = order[start];
      info.dataLoss = data;
      info.penalty = pen;
      onStep(info);
    }
  }

  private takeSnapshot(): void {
    const size = this.net.parameterCount();
    const count = this.snapSteps.length;
    if ((count + 1) * size > this.snapParams.length) {
      // room for every snapshot still to come (at most MAX_SNAPSHOT_ROOM at a time)
      const expected = 1 + Math.floor((this.epochs * Math.ceil(this.n / this.batchSize)) / this.snapshotEvery);
      const room = Math.max(count + 1, Math.min(expected, count + MAX_SNAPSHOT_ROOM));
      const grown = new Float64Array(room * size);
      grown.set(this.snapParams);
      this.snapParams = grown;
    }
    this.net.copyParams(this.snapParams, count * size);
    this.snapSteps.push(this.steps);
    this.snapEpochs.push(this.epoch + (this.pos >= this.n ? 1 : 0));
    this.untilSnapshot = this.snapshotEvery;
  }

  private endEpoch(): void {
    const dataLoss = this.sums[0] / this.epochSteps;
    const penalty = this.sums[1] / this.epochSteps;
    if (!Number.isFinite(dataLoss + penalty)) return this.stop('diverged', 'non-finite epoch loss');
    if (!allFinite(this.net)) return this.stop('diverged', 'non-finite parameter');
    const record: EpochRecord = { epoch: this.epoch, dataLoss, penalty, loss: dataLoss + penalty };
    this.history.push(record);
    this.epoch++;
    this.pos = -1;
    if (this.epoch >= this.epochs) this.status = 'ok';
    this.options.onEpoch?.(record);
  }

  private stop(status: TrainStatus, reason: string): void {
    this.status = status;
    this.reason = reason;
    if (status === 'diverged') {
      const i = this.epochStartSnapshot;
      this.net.restore(i < 0 ? this.epochStart : this.snapParams.subarray(i * this.epochStart.length, (i + 1) * this.epochStart.length));
      this.optimizer.reset();
    }
  }
}

/** Trains `net` in place and reports how it went. */
export function train(net: Network, data: Dataset, options: TrainOptions): TrainResult {
  const trainer = new Trainer(net, data, options);
  trainer.run();
  return trainer.result();
}
