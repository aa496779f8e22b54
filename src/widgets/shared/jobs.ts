import { useEffect, useRef } from 'preact/hooks';
import type { JobMessage, JobRequest, WarmRequest } from '../../workers/protocol';

export class JobCancelled extends Error {
  constructor() {
    super('stopped');
    this.name = 'JobCancelled';
  }
}

export interface RunningJob<T> {
  result: Promise<T>;
  cancel(): void;
}

/** Starts the site's worker (src/workers/figures.worker.ts), which runs any figure's computation. */
export function createFigureWorker(): Worker {
  return new Worker(new URL('../../workers/figures.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Widget side of the worker protocol (src/workers/protocol.ts). One runner per figure instance;
 * it starts its worker on first use, runs one job at a time (a new job cancels the old one),
 * and `cancel` terminates the worker so a long training run stops at once.
 */
export class JobRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private current: { id: number; reject(e: Error): void } | null = null;

  constructor(private readonly createWorker: () => Worker = createFigureWorker) {}

  run<I, R, P = unknown>(figure: string, input: I, onProgress?: (done: number, total: number, partial?: P) => void): RunningJob<R> {
    this.cancel();
    const worker = (this.worker ??= this.createWorker());
    const id = this.nextId++;
    const result = new Promise<R>((resolve, reject) => {
      this.current = { id, reject };
      worker.onmessage = (event: MessageEvent<JobMessage<R, P>>) => {
        const msg = event.data;
        if (msg.id !== id) return;
        if (msg.kind === 'progress') onProgress?.(msg.done, msg.total, msg.partial);
        else {
          this.current = null;
          if (msg.kind === 'result') resolve(msg.output);
          else reject(new Error(msg.message));
        }
      };
      worker.onerror = (event) => {
        this.current = null;
        reject(new Error(event.message || 'the worker failed'));
      };
      const request: JobRequest<I> = { id, figure, input };
      worker.postMessage(request);
    });
    return { result, cancel: () => this.cancelIf(id) };
  }

  /**
   * Starts the worker ahead of the first job (the figure calls it when the main thread is idle after
   * hydration, and again after a Stop), so that a press on Rerun does not wait for a worker to load;
   * given the figure's name, the worker also loads that figure's computation, and given its current
   * input too, runs the figure's warm-up (`Computation.warmup`), so the first job runs compiled code.
   */
  warm(figure?: string, input?: unknown): void {
    if (this.worker) return;
    this.worker = this.createWorker();
    // and has it load the figure's computation, so the first job need not download and compile it
    if (figure) this.worker.postMessage({ warm: figure, ...(input !== undefined && { input }) } satisfies WarmRequest);
  }

  /** Stops whatever is running (terminating the worker); a no-op when idle. */
  cancel(): void {
    if (!this.current) return;
    this.current.reject(new JobCancelled());
    this.current = null;
    this.worker?.terminate();
    this.worker = null;
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }

  private cancelIf(id: number): void {
    if (this.current?.id === id) this.cancel();
  }
}

/**
 * The widget's JobRunner, made on first use rather than in an effect: a click that arrives right
 * after hydration, before effects have run, still starts its job (a runner is cheap; its worker
 * starts with the first job). Disposed on unmount.
 */
export function useJobRunner(createWorker: () => Worker = createFigureWorker): () => JobRunner {
  const runner = useRef<JobRunner | null>(null);
  const get = useRef(() => (runner.current ??= new JobRunner(createWorker)));
  useEffect(
    () => () => {
      runner.current?.dispose();
      runner.current = null;
    },
    [],
  );
  return get.current;
}
