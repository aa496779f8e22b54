/** How the penalties are named and coloured in every figure, legend and table. */
import type { Method } from '@neural-notes/nn';

export const METHOD_LABELS: Record<Method, string> = { none: 'no penalty', l1: 'L1', l2: 'L2', elastic: 'elastic net' };
/** Mid-tone colours that read on light and dark backgrounds. */
export const METHOD_COLORS: Record<Method, string> = { none: '#8a8f98', l1: '#d9480f', l2: '#1c7ed6', elastic: '#2b8a3e' };
