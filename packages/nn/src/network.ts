/**
 * A multilayer perceptron of dense layers. Layer l maps sizes[l] inputs to
 * sizes[l+1] outputs: z = xW + b, output = f(z), with its own activation f.
 * The layout of weights, biases, slopes, gradients and snapshots is in layout.ts.
 */
import { activation as toActivation, type Activation, type ActivationName, type ActivationSpec } from './activations';
import type { PReluActivation } from './activations';
import { checkAllFinite, checkInteger, checkLength, fail } from './check';
import { initializer, type InitName, type Initializer } from './init';
import { backwardPass, createWorkspace, forwardPass, type Workspace } from './passes';
import type { Rng } from './rng';
import type { Gradients, Layer, LayerViews, Snapshot } from './layout';

export type { Gradients, Layer, LayerViews, Snapshot } from './layout';

export type ActivationLike = ActivationName | ActivationSpec | Activation;

export interface NetworkJSON {
  readonly format: 'neural-notes/network@1';
  readonly sizes: number[];
  readonly activations: ActivationSpec[];
  /** weights[l]: layer l's weights, row-major (fanIn, fanOut). */
  readonly weights: number[][];
  readonly biases: number[][];
  readonly slopes: number[][];
}

export interface ForwardOptions {
  /** Training mode: RReLU layers draw their slopes from `rng`. Default false (evaluation). */
  readonly training?: boolean;
  readonly rng?: Rng;
}

export class Network {
  /** Units per layer, input first: [1, 10, 10, 10, 1] for the source's network. */
  readonly sizes: readonly number[];
  /** The dense layers, input side first; their typed arrays hold every parameter. */
  readonly layers: readonly Layer[];
  /** Scratch buffers of the last forward and backward pass (see passes.ts). @internal */
  readonly work: Workspace;
  /** Number of parameters (weights, biases, slopes). */
  private readonly count: number;

  constructor(sizes: readonly number[], activations: readonly ActivationLike[]) {
    if (!Array.isArray(sizes) || sizes.length < 2) fail('sizes', 'an array of at least 2 layer sizes', sizes);
    sizes.forEach((n, i) => checkInteger(`sizes[${i}]`, n, 1));
    if (!Array.isArray(activations) || activations.length !== sizes.length - 1) {
      fail('activations', `an array of ${sizes.length - 1} activations (one per layer)`, activations);
    }
    this.sizes = Object.freeze([...sizes]);
    const acts = activations.map((a) => toActivation(a));
    this.layers = acts.map((act, l) => {
      const fanIn = sizes[l];
      const fanOut = sizes[l + 1];
      const slopes = new Float64Array(act.name === 'prelu' ? fanOut : 0).fill((act as PReluActivation).initial);
      return { fanIn, fanOut, activation: act, weights: new Float64Array(fanIn * fanOut), biases: new Float64Array(fanOut), slopes };
    });
    this.work = createWorkspace(sizes[0], this.layers);
    this.count = this.layers.reduce((n, L) => n + L.weights.length + L.biases.length + L.slopes.length, 0);
  }

  get inputSize(): number {
    return this.sizes[0];
  }

  get outputSize(): number {
    return this.sizes[this.sizes.length - 1];
  }

  /** Number of trainable numbers: weights, biases and PReLU slopes. */
  parameterCount(): number {
    return this.count;
  }

  /** Gradient arrays of the right shapes, all zero. */
  createGradients(): Gradients {
    return {
      weights: this.layers.map((L) => new Float64Array(L.weights.length)),
      biases: this.layers.map((L) => new Float64Array(L.biases.length)),
      slopes: this.layers.map((L) => new Float64Array(L.slopes.length)),
    };
  }

  /** The network's output for one input (a new array). Checks the input. */
  forward(input: ArrayLike<number>, options: ForwardOptions = {}): Float64Array {
    checkLength('input', input, this.inputSize);
    checkAllFinite('input', input);
    const training = options.training === true;
    if (training && this.layers.some((L) => L.activation.name === 'rrelu') && !options.rng) {
      throw new Error('rng is required for a training-mode forward pass through RReLU layers (got undefined)');
    }
    // the hot loop always sees the same array type (the training loop passes a Float64Array too)
    const x = input instanceof Float64Array ? input : Float64Array.from(input);
    return forwardPass(this.layers, this.work, x, 0, training, options.rng).slice();
  }

  /**
   * Backpropagates ∂E/∂output of the last `forward` call: ADDS ∂E/∂parameters into
   * `grads` and returns ∂E/∂input (a new array).
   */
  backward(outputGrad: ArrayLike<number>, grads: Gradients): Float64Array {
    checkLength('outputGrad', outputGrad, this.outputSize);
    checkAllFinite('outputGrad', outputGrad);
    this.layers.forEach((L, l) => {
      checkLength(`grads.weights[${l}]`, grads.weights[l], L.weights.length);
      checkLength(`grads.biases[${l}]`, grads.biases[l], L.biases.length);
      checkLength(`grads.slopes[${l}]`, grads.slopes[l], L.slopes.length);
    });
    return backwardPass(this.layers, this.work, outputGrad, grads).slice();
  }

  /**
   * A copy of every parameter in one flat array (see `Snapshot`); written into
   * `out` from index `offset` if given, and `out` is returned.
   */
  snapshot(out?: Float64Array, offset = 0): Snapshot {
    if (out === undefined) return this.copyParams(new Float64Array(this.count), 0);
    if (!(Number.isInteger(offset) && offset >= 0 && offset + this.count <= out.length)) {
      fail('offset', `an integer in [0, ${out.length - this.count}] (out has length ${out.length})`, offset);
    }
    return this.copyParams(out, offset);
  }

  /** `snapshot` without checks, for the training loop. @internal */
  copyParams(out: Float64Array, offset: number): Float64Array {
    let k = offset;
    for (const L of this.layers) {
      const { weights, biases, slopes } = L;
      for (let i = 0; i < weights.length; i++) out[k++] = weights[i];
      for (let i = 0; i < biases.length; i++) out[k++] = biases[i];
      for (let i = 0; i < slopes.length; i++) out[k++] = slopes[i];
    }
    return out;
  }

  /** Sets every parameter from a flat snapshot of a network of the same shape. */
  restore(snapshot: ArrayLike<number>): this {
    checkLength('snapshot', snapshot, this.parameterCount());
    let k = 0;
    for (const L of this.layers) {
      for (let i = 0; i < L.weights.length; i++) L.weights[i] = snapshot[k++];
      for (let i = 0; i < L.biases.length; i++) L.biases[i] = snapshot[k++];
      for (let i = 0; i < L.slopes.length; i++) L.slopes[i] = snapshot[k++];
    }
    return this;
  }

  /** Per-layer views (weights, biases, slopes) into a flat snapshot of this network, e.g. for heatmaps. */
  views(snapshot: Float64Array): LayerViews[] {
    checkLength('snapshot', snapshot, this.parameterCount());
    let k = 0;
    const cut = (n: number): Float64Array => snapshot.subarray(k, (k += n));
    return this.layers.map((L) => ({ weights: cut(L.weights.length), biases: cut(L.biases.length), slopes: cut(L.slopes.length) }));
  }

  clone(): Network {
    return new Network(this.sizes, this.layers.map((L) => L.activation)).restore(this.snapshot());
  }

  toJSON(): NetworkJSON {
    return {
      format: 'neural-notes/network@1',
      sizes: [...this.sizes],
      activations: this.layers.map((L) => L.activation.spec),
      weights: this.layers.map((L) => Array.from(L.weights)),
      biases: this.layers.map((L) => Array.from(L.biases)),
      slopes: this.layers.map((L) => Array.from(L.slopes)),
    };
  }

  static fromJSON(json: NetworkJSON): Network {
    if (typeof json !== 'object' || json === null || json.format !== 'neural-notes/network@1') {
      fail('json.format', "'neural-notes/network@1'", json?.format);
    }
    const net = new Network(json.sizes, json.activations);
    const parts = { weights: json.weights, biases: json.biases, slopes: json.slopes };
    for (const [key, arrays] of Object.entries(parts)) {
      if (!Array.isArray(arrays) || arrays.length !== net.layers.length) {
        fail(`json.${key}`, `an array of ${net.layers.length} arrays`, arrays);
      }
      arrays.forEach((values, l) => checkAllFinite(`json.${key}[${l}]`, values));
    }
    json.weights.forEach((w, l) => checkLength(`json.weights[${l}]`, w, net.layers[l].weights.length));
    json.biases.forEach((b, l) => checkLength(`json.biases[${l}]`, b, net.layers[l].biases.length));
    json.slopes.forEach((a, l) => checkLength(`json.slopes[${l}]`, a, net.layers[l].slopes.length));
    return net.restore(net.layers.flatMap((_, l) => [...json.weights[l], ...json.biases[l], ...json.slopes[l]]));
  }
}

export interface NetworkOptions {
  /** Units per layer, input first, e.g. [1, 10, 10, 10, 1]. */
  readonly sizes: readonly number[];
  /** Activation of every hidden layer (default 'linear'). */
  readonly activation?: ActivationLike;
  /** Activation of the output layer (default 'linear'). */
  readonly outputActivation?: ActivationLike;
  /** One activation per layer; overrides `activation` and `outputActivation`. */
  readonly activations?: readonly ActivationLike[];
  /** Weight initialiser (default 'glorotUniform'); biases start at 0, PReLU slopes at their initial value. */
  readonly init?: InitName | Initializer;
  /** Required unless init is 'zeros'. Layers are filled first to last, each in storage order. */
  readonly rng?: Rng;
}

export function createNetwork(options: NetworkOptions): Network {
  const { sizes, activation = 'linear', outputActivation = 'linear', init = 'glorotUniform', rng } = options;
  if (!Array.isArray(sizes)) fail('sizes', 'an array of at least 2 layer sizes', sizes);
  const acts = options.activations ?? sizes.slice(1).map((_, l) => (l === sizes.length - 2 ? outputActivation : activation));
  const net = new Network(sizes, acts);
  const fill = initializer(init);
  for (const L of net.layers) fill.fill(L.weights, L.fanIn, L.fanOut, rng);
  return net;
}
