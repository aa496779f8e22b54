/**
 * The readers' own datasets, one declaration per kind of data (each figure that trains or fits on
 * those points lists it among its settings as `ownData`, URL key `xy`): the limits the CSV parser,
 * the URL codec, the worker's check and the controls all read.
 */
import type { DataSetting } from './settings';

const common = {
  type: 'data',
  default: null,
  prop: false,
  url: 'xy',
  label: 'your data',
} as const;

/** The L1-vs-L2 experiment's data (Experiment, WeightHeatmaps, PruneRetrain): split 80/20 into training and test points. */
export const EXPERIMENT_DATA = {
  ...common,
  x: [-1000, 1000],
  y: [-1000, 1000],
  minItems: 5,
  maxItems: 200,
  view: { x: [0, 10], y: [-5, 35] },
  defaultText: 'the 50 generated points',
  description: 'Points of the reader’s own (drawn, pasted or opened as CSV) instead of the 50 generated ones, split 80/20 into training and test points; readers only.',
} as const satisfies DataSetting;

/** The outlier fit's clean points (the reader's outliers are added to them). */
export const LINE_DATA = {
  ...common,
  x: [-1000, 1000],
  y: [-1000, 1000],
  minItems: 2,
  maxItems: 100,
  view: { x: [0, 10], y: [-6, 30] },
  defaultText: 'the 14 points near y = 1 + 2x',
  description: 'Points of the reader’s own (drawn, pasted or opened as CSV) instead of the 14 points near y = 1 + 2x; readers only.',
} as const satisfies DataSetting;

/** The activation article's training task: a 1-D regression (default: sin(3x) on 64 seeded points). */
export const TASK_DATA = {
  ...common,
  x: [-100, 100],
  y: [-100, 100],
  minItems: 4,
  maxItems: 200,
  view: { x: [-1, 1], y: [-1.5, 1.5] },
  defaultText: 'the 64 seeded points of sin(3x)',
  description: 'Points of the reader’s own (drawn, pasted or opened as CSV) to train on instead of sin(3x) on 64 seeded points; readers only.',
} as const satisfies DataSetting;
