/**
 * The common design of in-browser playgrounds (TensorFlow Playground's nn.ts and
 * its many descendants): one object per neuron and one per link, gradients
 * accumulated on the objects, then a separate update pass. Written here for the
 * benchmark only; same maths as the library (|p − y| loss, penalty
 * a·Σ|w| + b·Σw²/2 on link weights, plain SGD).
 */
export interface Neuron {
  /** Links from the previous layer into this neuron. */
  inputs: Link[];
  /** Links from this neuron to the next layer. */
  outputs: Link[];
  bias: number;
  /** Weighted input plus bias of the last forward pass. */
  totalInput: number;
  /** Activation output of the last forward pass (linear: equals totalInput). */
  output: number;
  /** ∂E/∂output of the last backward pass. */
  outputDer: number;
  /** ∂E/∂totalInput of the last backward pass. */
  inputDer: number;
  /** Sum of inputDer since the last update. */
  accInputDer: number;
  numAccumulatedDers: number;
}

export interface Link {
  source: Neuron;
  dest: Neuron;
  weight: number;
  /** ∂E/∂weight of the last backward pass. */
  errorDer: number;
  accErrorDer: number;
  numAccumulatedDers: number;
}

function neuron(): Neuron {
  return { inputs: [], outputs: [], bias: 0, totalInput: 0, output: 0, outputDer: 0, inputDer: 0, accInputDer: 0, numAccumulatedDers: 0 };
}

/** Builds the network; weights[l][i * fanOut + j] as in the library. */
export function buildNetwork(sizes: number[], weights: ArrayLike<number>[]): Neuron[][] {
  const layers = sizes.map((n) => Array.from({ length: n }, neuron));
  for (let l = 1; l < layers.length; l++) {
    const fanOut = sizes[l];
    layers[l - 1].forEach((source, i) => {
      layers[l].forEach((dest, j) => {
        const link: Link = { source, dest, weight: weights[l - 1][i * fanOut + j], errorDer: 0, accErrorDer: 0, numAccumulatedDers: 0 };
        source.outputs.push(link);
        dest.inputs.push(link);
      });
    });
  }
  return layers;
}

export function forwardProp(network: Neuron[][], input: number[]): number {
  network[0].forEach((n, i) => (n.output = input[i]));
  for (let l = 1; l < network.length; l++) {
    for (const n of network[l]) {
      let total = n.bias;
      for (const link of n.inputs) total += link.weight * link.source.output;
      n.totalInput = total;
      n.output = total; // linear activation
    }
  }
  return network[network.length - 1][0].output;
}

export function backProp(network: Neuron[][], target: number): void {
  const out = network[network.length - 1][0];
  const e = out.output - target;
  out.outputDer = e > 0 ? 1 : e < 0 ? -1 : 0;
  for (let l = network.length - 1; l >= 1; l--) {
    for (const n of network[l]) {
      n.inputDer = n.outputDer; // × f'(totalInput) = 1 for linear
      n.accInputDer += n.inputDer;
      n.numAccumulatedDers++;
      for (const link of n.inputs) {
        link.errorDer = n.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue;
    for (const n of network[l - 1]) {
      let der = 0;
      for (const link of n.outputs) der += link.weight * link.dest.inputDer;
      n.outputDer = der;
    }
  }
}

export function updateWeights(network: Neuron[][], lr: number, a: number, b: number): void {
  for (let l = 1; l < network.length; l++) {
    for (const n of network[l]) {
      if (n.numAccumulatedDers > 0) {
        n.bias -= (lr * n.accInputDer) / n.numAccumulatedDers;
        n.accInputDer = 0;
        n.numAccumulatedDers = 0;
      }
      for (const link of n.inputs) {
        if (link.numAccumulatedDers === 0) continue;
        const w = link.weight;
        const penaltyDer = a * Math.sign(w) + b * w;
        link.weight = w - lr * (link.accErrorDer / link.numAccumulatedDers + penaltyDer);
        link.accErrorDer = 0;
        link.numAccumulatedDers = 0;
      }
    }
  }
}

/** Final weights in the library's layout, for comparison. */
export function weightsOf(network: Neuron[][]): number[][] {
  return network.slice(1).map((layer, l) => {
    const fanOut = layer.length;
    const w = new Array<number>(network[l].length * fanOut);
    layer.forEach((dest, j) => dest.inputs.forEach((link, i) => (w[i * fanOut + j] = link.weight)));
    return w;
  });
}
