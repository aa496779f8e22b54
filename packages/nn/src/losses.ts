/**
 * Data losses, each paired with its derivative. A loss is defined per output
 * element by `point(p, y)` and `pointDer(p, y)` = ∂point/∂p, and reduced over all
 * elements of a batch by a sum or by a mean (sum divided by the element count).
 *
 * - absolute: |p − y|, the source experiment's cost. Its derivative is
 *   sign(p − y) with the subgradient sign(0) = 0 at the kink.
 * - squared: (p − y)², with no ½ factor, so the sum is TensorFlow's
 *   `reduce_sum(square(p − y))` and the mean is the usual mean squared error;
 *   the derivative is 2(p − y).
 */
import { checkLength, checkOneOf } from './check';

export type LossName = 'sumAbsolute' | 'meanAbsolute' | 'sumSquared' | 'meanSquared';
export const LOSS_NAMES: readonly LossName[] = ['sumAbsolute', 'meanAbsolute', 'sumSquared', 'meanSquared'];

export interface Loss {
  readonly name: LossName;
  /** How per-element terms combine over a batch: 'sum', or 'mean' (sum / element count). */
  readonly reduction: 'sum' | 'mean';
  /** Loss of one element. */
  point(p: number, y: number): number;
  /** ∂point/∂p. */
  pointDer(p: number, y: number): number;
  /** Reduced loss over all elements. */
  value(pred: ArrayLike<number>, target: ArrayLike<number>): number;
  /** ∂value/∂pred, written into `out` (same length as pred) and returned. */
  grad(pred: ArrayLike<number>, target: ArrayLike<number>, out?: Float64Array): Float64Array;
}

const absPoint = (p: number, y: number): number => Math.abs(p - y);
const absDer = (p: number, y: number): number => (p > y ? 1 : p < y ? -1 : 0);
const sqPoint = (p: number, y: number): number => (p - y) * (p - y);
const sqDer = (p: number, y: number): number => 2 * (p - y);

function makeLoss(
  name: LossName,
  reduction: 'sum' | 'mean',
  point: (p: number, y: number) => number,
  pointDer: (p: number, y: number) => number,
): Loss {
  const scaleFor = (n: number): number => (reduction === 'mean' ? 1 / n : 1);
  return {
    name,
    reduction,
    point,
    pointDer,
    value(pred, target) {
      checkLength('target', target, pred.length);
      let sum = 0;
      for (let i = 0; i < pred.length; i++) sum += point(pred[i], target[i]);
      return sum * scaleFor(pred.length);
    },
    grad(pred, target, out = new Float64Array(pred.length)) {
      checkLength('target', target, pred.length);
      checkLength('out', out, pred.length);
      const scale = scaleFor(pred.length);
      for (let i = 0; i < pred.length; i++) out[i] = pointDer(pred[i], target[i]) * scale;
      return out;
    },
  };
}

export const sumAbsolute = makeLoss('sumAbsolute', 'sum', absPoint, absDer);
export const meanAbsolute = makeLoss('meanAbsolute', 'mean', absPoint, absDer);
export const sumSquared = makeLoss('sumSquared', 'sum', sqPoint, sqDer);
export const meanSquared = makeLoss('meanSquared', 'mean', sqPoint, sqDer);

const LOSSES: Record<LossName, Loss> = { sumAbsolute, meanAbsolute, sumSquared, meanSquared };

/** The loss for a name, e.g. `loss('sumAbsolute')`. */
export function loss(name: LossName | Loss): Loss {
  if (typeof name === 'object' && name !== null) return loss(name.name);
  return LOSSES[checkOneOf('loss', name, LOSS_NAMES)];
}
