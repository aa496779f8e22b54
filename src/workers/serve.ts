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

/**
 * Answers one request: every message it would post, in order, through `post`. A malformed request
 * gets one error message that says what was wrong, never an exception.
 */
export async function answer(request: unknown, load: FigureLoader, post: (m: JobMessage) => void): Promise<void> {
  const warm = (request as Partial<WarmRequest> | null)?.warm;
  if (typeof warm === 'string' && Object.keys(request as object).length === 1) {
    // load the figure's code ahead of its first job; a figure that is unknown or has no computation is left to that job to report
    await load(warm).then((figure) => figure?.compute?.load()).catch(() => undefined);
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

/** Serves jobs in a worker: call once at the top of the worker file. */
export function serveFigureJobs(load: FigureLoader): void {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<unknown>) => void) | null; postMessage(m: JobMessage): void };
  scope.onmessage = (event) => {
    void answer(event.data, load, (m) => scope.postMessage(m));
  };
}
