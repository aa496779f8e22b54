/**
 * The worker side of the protocol (protocol.ts): finds the figure a request names among the
 * declarations, checks the input against the declaration, runs the figure's computation and
 * reports progress. `answer` is pure of any worker API, so it is unit-tested in Node.
 */
import { checkJobInput, type FigureDeclaration } from '../figures/figure';
import type { JobMessage, JobRequest, WarmRequest } from './protocol';

/** Loads a figure's declaration by name (lazily: a worker downloads only the figure it runs). */
export type FigureLoader = (name: string) => Promise<FigureDeclaration<any, any, any, any> | undefined>;

/** A loader over `import.meta.glob('…/*.figure.ts')` (lazy), matching names to file names. */
export function globLoader(modules: Record<string, () => Promise<unknown>>): FigureLoader {
  const byName = new Map(Object.entries(modules).map(([path, load]) => [path.split('/').pop()!.replace(/\.figure\.ts$/, ''), load]));
  return async (name) => {
    const load = byName.get(name);
    if (!load) return undefined;
    return ((await load()) as { default: FigureDeclaration<any, any, any, any> }).default;
  };
}

/** At most this many progress messages a second without a partial result (the last is always sent). */
const PROGRESS_PER_SECOND = 30;

/** What the worker tells `answer` besides the request. */
export interface AnswerOptions {
  /** True once another request has arrived: a warm-up still running stops at its next job. */
  superseded?: () => boolean;
}

/** Lets the worker take the messages waiting for it (a job stops the warm-up) before the next warm-up job. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Answers one request: every message it would post, in order, through `post`. A malformed request
 * gets one error message that says what was wrong, never an exception.
 */
export async function answer(request: unknown, load: FigureLoader, post: (m: JobMessage) => void, options: AnswerOptions = {}): Promise<void> {
  const warm = (request as Partial<WarmRequest> | null)?.warm;
  if (typeof warm === 'string' && Object.keys(request as object).every((k) => k === 'warm' || k === 'input')) {
    // Load the figure's code ahead of its first job and run its warm-up, if any. A figure that is
    // unknown, has no computation or is given a bad input is left to its first job to report.
    await warmUp(warm, (request as WarmRequest).input, load, options.superseded ?? (() => false)).catch(() => undefined);
    return;
  }
  const r = (request ?? {}) as Partial<JobRequest>;
  const id = typeof r.id === 'number' && Number.isFinite(r.id) ? r.id : -1;
  const fail = (message: string) => post({ id, kind: 'error', message });
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return fail('a job request must be an object { id, figure, input }');
  if (id === -1) return fail('a job request needs a numeric "id"');
  if (typeof r.figure !== 'string') return fail('a job request needs the figure\'s name in "figure"');
  const figure = await load(r.figure).catch(() => undefined);
  if (!figure) return fail(`unknown figure "${r.figure}"`);
  if (!figure.compute) return fail(`${figure.name} has no computation to run in a worker`);
  const checked = checkJobInput(figure, r.input);
  if (!checked.ok) return fail(checked.message);
  let last = 0;
  const report = (done: number, total: number, partial?: unknown) => {
    const now = Date.now();
    if (done < total && now - last < 1000 / PROGRESS_PER_SECOND && partial === undefined) return;
    last = now;
    post({ id, kind: 'progress', done, total, partial });
  };
  try {
    const run = await figure.compute.load();
    post({ id, kind: 'result', output: run(checked.input as never, report) });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/** A warm request: load the figure's computation; given an input, run the figure's warm-up jobs one per task until another request arrives. */
async function warmUp(name: string, input: unknown, load: FigureLoader, superseded: () => boolean): Promise<void> {
  const figure = await load(name);
  const run = await figure?.compute?.load();
  if (!figure?.compute?.warmup || !run || input === undefined) return;
  const checked = checkJobInput(figure, input);
  if (!checked.ok) return;
  for (const job of figure.compute.warmup(checked.input as never)) {
    await nextTask();
    if (superseded()) return;
    run(job as never, () => undefined);
  }
}

/** Serves jobs in a worker: call once at the top of the worker file. */
export function serveFigureJobs(load: FigureLoader): void {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<unknown>) => void) | null; postMessage(m: JobMessage): void };
  let received = 0;
  scope.onmessage = (event) => {
    const mine = ++received;
    void answer(event.data, load, (m) => scope.postMessage(m), { superseded: () => received !== mine });
  };
}
