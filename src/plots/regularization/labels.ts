/** How the penalties are named and coloured in every figure, legend and table. */
import type { Method } from '@neural-notes/nn';

export const METHOD_LABELS: Record<Method, string> = { none: 'no penalty', l1: 'L1', l2: 'L2', elastic: 'elastic net' };
/** Mid-tone colours that read on light and dark backgrounds. */
export const METHOD_COLORS: Record<Method, string> = { none: '#8a8f98', l1: '#d9480f', l2: '#1c7ed6', elastic: '#2b8a3e' };

/** The protocols' names in controls (the Experiment figure's preset, PruneRetrain's protocol). */
export const PROTOCOL_LABELS = {
  default: 'this site’s design',
  published: 'as published',
  publishedFixed: 'as published, one fixed order',
} as const;

/** A protocol in words, for sentences: "the training rows shuffled once per run, every fifth point held out for test, …". */
export function describeProtocol(p: { order: string; split: string; dataset: string; arithmetic: string }): string {
  const order = { epoch: 'the training rows reshuffled every epoch', once: 'the training rows shuffled once per run', fixed: 'the training rows in one fixed order for every run' }[p.order] ?? p.order;
  const split = p.split === 'even' ? 'every fifth point held out for test' : 'a random 80/20 split';
  const data = p.dataset === 'fresh' ? 'a new dataset for each run' : 'one dataset for every run';
  return `${order}, ${split}, ${data}, ${p.arithmetic} arithmetic`;
}
