/**
 * The message protocol between a figure and the Web Worker that computes it. A figure asks for one
 * job at a time: its own computation (by the figure's name, see src/figures/figure.ts) with an
 * input of the computation's settings. The worker checks the input against the declaration, then
 * answers with progress messages and a result, or an error that names what was wrong.
 * Stopping a job terminates the worker (training is one synchronous loop, so a message could not
 * interrupt it); the next job starts a fresh worker.
 */
export interface JobRequest<I = unknown> {
  id: number;
  /** The figure's name, e.g. "Experiment". */
  figure: string;
  input: I;
}

/**
 * Sent ahead of the first job, when the page is idle: load the figure's declaration and its
 * computation's code now (download, parse, compile) and, given the figure's current input and a
 * figure that declares a warm-up (`Computation.warmup`), run its small warm-up jobs and throw their
 * results away; answer nothing. So a press on Rerun starts computing at once, in compiled code.
 */
export interface WarmRequest {
  warm: string;
  input?: unknown;
}

export type JobMessage<R = unknown, P = unknown> =
  | { id: number; kind: 'progress'; done: number; total: number; partial?: P }
  | { id: number; kind: 'result'; output: R }
  | { id: number; kind: 'error'; message: string };
