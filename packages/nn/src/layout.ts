/**
 * The layout of a network's numbers: what a layer holds, how gradients and snapshots are laid
 * out. Types only, shared by network.ts and the passes that compute on them (passes.ts), so
 * neither has to import the other's types.
 *
 * Weight layout (row-major, TensorFlow's (fan_in, fan_out) shape):
 *   layer.weights[i * fanOut + j] = weight from input i to output unit j.
 * Biases: layer.biases[j] for output unit j. PReLU slopes: layer.slopes[j].
 */
import type { Activation } from './activations';

export interface Layer {
  /** Number of inputs (units of the previous layer). */
  readonly fanIn: number;
  /** Number of output units. */
  readonly fanOut: number;
  /** Activation applied to every output unit. */
  readonly activation: Activation;
  /** fanIn·fanOut weights; weights[i * fanOut + j] is the weight from input i to output unit j. */
  readonly weights: Float64Array;
  /** fanOut biases; biases[j] is added to output unit j before its activation. */
  readonly biases: Float64Array;
  /** PReLU negative slopes a_j, one per output unit (length fanOut) on 'prelu' layers; length 0 otherwise. */
  readonly slopes: Float64Array;
}

/** Gradients of a scalar E, one array per layer, in the same layout as the layer's parameters. */
export interface Gradients {
  /** weights[l][i * fanOut + j] = ∂E/∂W_l[i, j]. */
  readonly weights: Float64Array[];
  /** biases[l][j] = ∂E/∂b_l[j]. */
  readonly biases: Float64Array[];
  /** slopes[l][j] = ∂E/∂a_l[j] (PReLU layers; length 0 elsewhere). */
  readonly slopes: Float64Array[];
}

/**
 * Every parameter in ONE flat array: for each layer in order, its weights
 * (row-major), then its biases, then its PReLU slopes. `net.views(snapshot)` cuts
 * it back into per-layer arrays.
 */
export type Snapshot = Float64Array;

/** Per-layer views into a flat snapshot (no copy). */
export interface LayerViews {
  readonly weights: Float64Array;
  readonly biases: Float64Array;
  readonly slopes: Float64Array;
}
