/**
 * What the source post published: its protocol (from its code) and its own results (random runs
 * of its own, so they are compared as distributions). Stated once here; the figures' defaults and
 * the models refer to it.
 */

import { EXPERIMENT_DEFAULTS } from '@neural-notes/nn';

/** The source's protocol (λ, learning rate, runs per method, outliers; the elastic mix is ours), as the core states it. */
export const SOURCE_PROTOCOL = {
  lambda: EXPERIMENT_DEFAULTS.lambda,
  lr: EXPERIMENT_DEFAULTS.lr,
  runs: EXPERIMENT_DEFAULTS.runs,
  outliers: EXPERIMENT_DEFAULTS.outliers,
  mix: EXPERIMENT_DEFAULTS.mix,
  seed: EXPERIMENT_DEFAULTS.seed,
} as const;

/** The source's published totals (its own random runs). */
export const SOURCE_L1_ERRORS: readonly number[] = [22.68515524, 41.64545712, 4.77383674, 24.04390211, 7.25596004];
export const SOURCE_PRUNED_ERRORS: readonly number[] = [7.61984439, 13.85177842, 11.95983347, 16.95491162, 25.17294774];
/** The source's pruned network: weight shapes (1,10),(10,10),(10,1),(1,1). */
export const SOURCE_PRUNED_SIZES: readonly number[] = [1, 10, 10, 1, 1];
