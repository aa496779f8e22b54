/**
 * What the source post published: its protocol (from its code) and its own results (random runs
 * of its own, so they are compared as distributions). Stated once here; the figures' defaults and
 * the models refer to it.
 */

import { EXPERIMENT_DEFAULTS, EXPERIMENT_PRESETS } from '@neural-notes/nn';

/**
 * The source's settings (λ, learning rate, runs per method, outliers; the elastic mix is ours), as
 * the core states them, with the core's default protocol (reshuffled every epoch, a random split,
 * one dataset, float64): the site's own design, which the figures use unless an article asks for
 * another (`PROTOCOLS`).
 */
export const SOURCE_PROTOCOL = {
  lambda: EXPERIMENT_DEFAULTS.lambda,
  lr: EXPERIMENT_DEFAULTS.lr,
  runs: EXPERIMENT_DEFAULTS.runs,
  outliers: EXPERIMENT_DEFAULTS.outliers,
  mix: EXPERIMENT_DEFAULTS.mix,
  seed: EXPERIMENT_DEFAULTS.seed,
  ...EXPERIMENT_PRESETS.default,
} as const;

/**
 * The protocols a figure can be switched to at once: the site's own (`default`), the closest
 * reading of the source's script (`published`: its rows shuffled once per run, as the author's
 * later public split helper does) and the other reading (`publishedFixed`: one order for every
 * run). From the core's EXPERIMENT_PRESETS.
 */
export const PROTOCOLS = EXPERIMENT_PRESETS;
export type ProtocolName = keyof typeof PROTOCOLS;
export const PROTOCOL_NAMES = Object.keys(PROTOCOLS) as ProtocolName[];

/** The source's published totals (its own random runs). */
export const SOURCE_L1_ERRORS: readonly number[] = [22.68515524, 41.64545712, 4.77383674, 24.04390211, 7.25596004];
export const SOURCE_PRUNED_ERRORS: readonly number[] = [7.61984439, 13.85177842, 11.95983347, 16.95491162, 25.17294774];
/** The source's pruned network: weight shapes (1,10),(10,10),(10,1),(1,1). */
export const SOURCE_PRUNED_SIZES: readonly number[] = [1, 10, 10, 1, 1];
