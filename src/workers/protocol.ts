/**
 * The message protocol between a widget and its Web Worker. A widget asks for one job at a time
 * by name; the worker answers with progress messages and then a result or an error.
 * Stopping a job terminates the worker (training is one synchronous loop, so a message could not
 * interrupt it); the next job starts a fresh worker.
 */
export interface JobRequest {
  id: number;
  job: string;
  input: unknown;
}

export type JobMessage =
  | { id: number; kind: 'progress'; done: number; total: number; partial?: unknown }
  | { id: number; kind: 'result'; output: unknown }
  | { id: number; kind: 'error'; message: string };

/** Reports how far a job has got; `partial` carries results that can be shown already. */
export type ReportProgress = (done: number, total: number, partial?: unknown) => void;

export type JobHandler = (input: never, progress: ReportProgress) => unknown;

/** Worker side: answers requests with the named handlers. Call once at the top of a worker file. */
export function serveJobs(handlers: Record<string, JobHandler>): void {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<JobRequest>) => void) | null; postMessage(m: JobMessage): void };
  scope.onmessage = (event) => {
    const { id, job, input } = event.data;
    const handler = handlers[job];
    if (!handler) {
      scope.postMessage({ id, kind: 'error', message: `unknown job "${job}"; known jobs: ${Object.keys(handlers).join(', ')}` });
      return;
    }
    let last = 0;
    const progress: ReportProgress = (done, total, partial) => {
      const now = Date.now();
      // At most ~30 updates a second, plus always the last one.
      if (done < total && now - last < 33 && partial === undefined) return;
      last = now;
      scope.postMessage({ id, kind: 'progress', done, total, partial });
    };
    try {
      const output = (handler as (i: unknown, p: ReportProgress) => unknown)(input, progress);
      scope.postMessage({ id, kind: 'result', output });
    } catch (error) {
      scope.postMessage({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
