/**
 * The PReLU-slopes figure's run: a small PReLU network trained with momentum SGD on the toy task,
 * every unit's slope recorded after each epoch, and the last step of training written out for every
 * unit (the numbers of the article's formulas for ∂E/∂aᵢ and the momentum update).
 */
import { Sgd, Trainer, createNetwork, createRng, loss as lossOf, type Network, type Rng, type Snapshot, type TrainStatus } from '@neural-notes/nn';
import { mse, toyTask } from './task';

export interface PreluInput {
  /** Learning rate ε. */
  lr: number;
  /** Momentum μ. */
  momentum: number;
  seed: number;
  epochs: number;
  /** The reader's own points [x, y] to train on instead of sin(3x) (absent or null: the toy task). */
  ownData?: [number, number][] | null;
}

export interface PreluResult {
  input: PreluInput;
  /** slopes[e][u]: slope a of hidden unit u after e epochs (e = 0 is the start, all 0.25). */
  slopes: number[][];
  /** units[u]: "layer.unit" label of hidden unit u (1-based). */
  units: string[];
  /** Layer sizes of the network. */
  sizes: readonly number[];
  /** Mean squared error after each epoch (index 0: before training). */
  loss: number[];
  status: TrainStatus;
  /** The last step of training written out, once training has finished (null while running or after a divergence). */
  last: PreluStep | null;
}

/** One unit's numbers in a step: the slope's gradient and its momentum update. */
export interface PreluUnitStep {
  /** The unit's pre-activation z for the step's example, with the parameters before the step. */
  z: number;
  /** ∂E/∂f(z): the error arriving at the unit's output, from the core's backward pass. */
  outGrad: number;
  /** ∂f/∂a = min(0, z). */
  neg: number;
  /** ∂E/∂a = ∂E/∂f(z) · min(0, z), as the core's backward pass computed it. */
  grad: number;
  /** Δa before the step: the velocity the core's optimizer kept (with μ = 0, which keeps none, the previous step's move). */
  movePrev: number;
  /** Δa ← μΔa + ε ∂E/∂a. */
  move: number;
  /** a before the step. */
  a: number;
  /** a ← a − Δa: the slope after the step, as training left it. */
  next: number;
}

/** The last SGD step of a run, every unit's slope update in it. */
export interface PreluStep {
  /** Steps of training, this one included (epochs × examples). */
  step: number;
  /** 1-based epoch of the step. */
  epoch: number;
  /** The step's example (x, y) and the network's output ŷ before the step. */
  x: number;
  y: number;
  yhat: number;
  /** Per hidden unit, in the order of `PreluResult.units`. */
  units: PreluUnitStep[];
}

/** Layer sizes of the PReLU network. */
export const PRELU_SIZES = [1, 6, 6, 1];

/** Its hidden units, "layer.unit" (1-based), in the order of `PreluResult.units`. */
export const PRELU_UNITS = PRELU_SIZES.slice(1, -1).flatMap((n, l) => Array.from({ length: n }, (_, j) => `${l + 1}.${j + 1}`));

function allSlopes(net: Network): number[] {
  return net.layers.flatMap((L) => Array.from(L.slopes));
}

/** Where training stood before its latest step: the parameters, the optimizer's velocity of the slopes, and that step. */
interface BeforeStep {
  params: Snapshot;
  velocity: number[];
  /** The slopes' move in the step before (for μ = 0, where the optimizer keeps no velocity). */
  move: number[];
  step: number;
  epoch: number;
  example: number;
}

/**
 * The step that took `net` from `before` to where it is, replayed with the core's own pieces:
 * `Network.forward` and `Network.backward` (∂E/∂a = ∂E/∂f(z)·min(0, z)) at the parameters before the
 * step, then the momentum update Δa ← μΔa + ε ∂E/∂a, a ← a − Δa. The unit tests check that every `next`
 * equals the slope training left, bit for bit.
 */
function replayLast(net: Network, task: { inputs: number[][]; targets: number[][] }, input: PreluInput, before: BeforeStep): PreluStep {
  const copy = net.clone().restore(before.params);
  const x = task.inputs[before.example];
  const y = task.targets[before.example];
  const out = copy.forward(x);
  const grads = copy.createGradients();
  copy.backward(lossOf('sumSquared').grad(out, y), grads);
  const units: PreluUnitStep[] = [];
  copy.layers.forEach((L, l) => {
    for (let j = 0; j < L.slopes.length; j++) {
      const u = units.length;
      const z = copy.work.z[l][j];
      const grad = grads.slopes[l][j];
      const movePrev = input.momentum === 0 ? before.move[u] : before.velocity[u];
      const move = input.momentum * movePrev + input.lr * grad;
      units.push({ z, outGrad: copy.work.actGrad[l + 1][j], neg: Math.min(0, z), grad, movePrev, move, a: L.slopes[j], next: L.slopes[j] - move });
    }
  });
  return { step: before.step, epoch: before.epoch + 1, x: x[0], y: y[0], yhat: out[0], units };
}

/** Trains a small PReLU network with momentum SGD and records every unit's slope after each epoch. */
export function runPrelu(input: PreluInput, progress?: (done: number, total: number, partial: PreluResult) => void): PreluResult {
  const task = toyTask(input.seed, 64, input.ownData);
  const net = createNetwork({ sizes: PRELU_SIZES, activation: { name: 'prelu', initial: 0.25 }, init: 'heUniform', rng: createRng(input.seed, 2) });
  const units = PRELU_UNITS;
  const slopes = [allSlopes(net)];
  const loss = [mse(net, task)];
  const rng: Rng = createRng(input.seed, 3);
  const snapshot = (status: TrainStatus, last: PreluStep | null = null): PreluResult => ({ input, slopes: slopes.map((s) => [...s]), units, sizes: PRELU_SIZES, loss: [...loss], status, last });
  const optimizer = new Sgd({ lr: input.lr, momentum: input.momentum });
  const velocity = () => optimizer.currentVelocity()?.slopes.flatMap((v) => Array.from(v)) ?? units.map(() => 0);
  // where training stood before the latest step, and before the one now being taken
  const last: { before: BeforeStep | null } = { before: null };
  let current = { params: net.snapshot(), slopes: allSlopes(net), velocity: units.map(() => 0), move: units.map(() => 0) };
  const trainer = new Trainer(net, task, {
    epochs: input.epochs, loss: 'sumSquared', optimizer, rng,
    onStep: ({ step, epoch, example }) => {
      last.before = { ...current, step, epoch, example };
      const a = allSlopes(net);
      current = { params: net.snapshot(), slopes: a, velocity: velocity(), move: current.slopes.map((b, u) => b - a[u]) };
    },
    onEpoch: (rec) => {
      slopes.push(allSlopes(net));
      loss.push(mse(net, task));
      progress?.(rec.epoch + 1, input.epochs, snapshot('ok'));
    },
  });
  trainer.run();
  const status = trainer.result().status;
  return snapshot(status, status === 'ok' && last.before ? replayLast(net, task, input, last.before) : null);
}
