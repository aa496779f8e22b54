/** The softmax figure's cases and limits; the probabilities themselves come from @neural-notes/nn. */

/** The source's three worked cases, plus a large-logit case that needs the stable computation. */
export const SOFTMAX_PRESETS = [
  { key: 'clear', label: 'Case 1', logits: [3, 0.7, 0.5] },
  { key: 'close', label: 'Case 2', logits: [1.2, 1, 1.5] },
  { key: 'crowd', label: 'Case 3', logits: [1.5, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2] },
  { key: 'huge', label: 'Huge logits', logits: [1000, 999, 998] },
] as const;

export const MAX_CLASSES = 12;
export const MIN_CLASSES = 2;
/** Largest |logit| accepted. */
export const LOGIT_LIMIT = 10000;

/**
 * Whether the textbook formula exp(z_j/T) / Σ exp(z_k/T), evaluated as written in 64-bit floats,
 * breaks down for these logits: an exponential overflows, or every one underflows to 0.
 */
export function naiveSoftmaxFails(logits: readonly number[], temperature: number): boolean {
  let sum = 0;
  for (const z of logits) sum += Math.exp(z / temperature);
  return !Number.isFinite(sum) || sum === 0;
}

/** Class labels for a bar chart: "1", "2", … */
export function classLabels(k: number): string[] {
  return Array.from({ length: k }, (_, i) => String(i + 1));
}

/** The class (1-based) a figure selects, among `classes`: beyond the last, the last. */
export function selectedClass(setting: number, classes: number): number {
  return Math.min(Math.max(1, Math.round(setting)), classes);
}
