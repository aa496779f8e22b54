/** @neural-notes/nn: a small, deterministic neural-network core for Node and the browser. */
export { createRng, type Rng, type RngState } from './rng';
export {
  activation, linear, sigmoid, tanh, relu, leakyRelu, prelu, rrelu, elu, ACTIVATION_NAMES,
  type Activation, type ActivationName, type ActivationSpec, type PReluActivation, type RReluActivation,
} from './activations';
export { softmax, softmaxJacobian } from './softmax';
export { loss, sumAbsolute, meanAbsolute, sumSquared, meanSquared, LOSS_NAMES, type Loss, type LossName } from './losses';
export {
  regularizer, none, l1, l2, elasticNet, REGULARIZER_NAMES,
  type Regularizer, type RegularizerName, type RegularizerSpec,
} from './regularizers';
export { initializer, glorotUniform, heNormal, heUniform, zeros, INIT_NAMES, type Initializer, type InitName } from './init';
export {
  Network, createNetwork,
  type ActivationLike, type ForwardOptions, type Gradients, type Layer, type LayerViews, type NetworkJSON, type NetworkOptions, type Snapshot,
} from './network';
export { Sgd, sgd, type SgdOptions } from './optim';
export type { Workspace } from './passes';
export { train, Trainer } from './train';
export {
  snapshotAt,
  type Dataset, type EpochRecord, type Snapshots, type StepInfo, type TrainOptions, type TrainResult, type TrainStatus,
  EXAMPLE_ORDERS, ARITHMETICS, type ExampleOrder, type Arithmetic,
} from './training';
export { lineData, sineData, splitIndices, evenSplitIndices, type LineData, type LineDataOptions, type SineDataOptions, type Split } from './data';
export { mean, sd, percentileRank, countNearZero, NEAR_ZERO } from './stats';
export { runExperiment, experimentData, gridRange, totalError, predict } from './experiment';
export {
  METHODS, SOURCE_SIZES, EXPERIMENT_DEFAULTS, EXPERIMENT_PRESETS, SPLITS, DATASET_MODES,
  type ExperimentOptions, type ExperimentResult, type Method, type RunResult, type Protocol, type PresetName, type SplitKind, type DatasetMode,
} from './protocol';
export { prune, prunedUnits, shapesNotation, type PruneResult } from './prune';
export { gradientNorms, preActivations, deadUnits, type LayerGradient } from './diagnostics';
export { leastSquaresLine, leastAbsoluteLine, lineLoss, type Line, type Point } from './linefit';
export {
  quadraticMatrix, quadraticLoss, softThreshold, penalizedOptimum, optimumPath, type Quadratic, type Vec2,
} from './proximal';
