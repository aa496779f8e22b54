import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { inputKey, jobInput, unpack, type FigureDeclaration, type FigureInput, type FigurePartial, type FigureResult, type FigureValues, type Packed } from '../../figures/figure';
import { JobCancelled, useJobRunner } from './jobs';
import { whenIdle } from './idle';

/**
 * - build: the result shown was computed when the page was built;
 * - running: a job is running in the worker (partial results stream in);
 * - done: the result shown was computed in this browser;
 * - stopped: the reader stopped a job (the partial results so far are kept, the last complete result too);
 * - error: the job failed (the last complete result stays on show).
 */
export type JobPhase = 'build' | 'running' | 'done' | 'stopped' | 'error';

export interface FigureJob<F extends FigureDeclaration<any, any, any, any>, A> {
  /** The last complete result: the build's at first, then the latest job's that finished. */
  readonly result: FigureResult<F>;
  /** The input `result` was computed for. */
  readonly resultInput: FigureInput<F>;
  /** True when `result` is for the current settings. */
  readonly current: boolean;
  /** What the running (or stopped) job has streamed so far, accumulated; null when none. */
  readonly partial: A | null;
  /** The input of the running (or stopped) job. */
  readonly jobInput: FigureInput<F> | null;
  /** 0 to 1 while running. */
  readonly progress: number;
  readonly phase: JobPhase;
  readonly error: string | null;
  /** Runs the computation now for the current settings (again, if the result is already for them). */
  run(): void;
  /** Stops the running job. */
  stop(): void;
}

export interface FigureJobOptions<P, A> {
  /** How streamed partial results add up (default: the latest replaces the previous). */
  accumulate?: (sum: A | null, partial: P) => A;
  /** Pause after a settings change before the automatic rerun, in ms (so a dragged slider trains once). */
  delay?: number;
}

/**
 * Runs a figure's computation in the site's worker whenever its inputs change (after `delay` ms of
 * quiet), streams partial results at most once per frame, and can be stopped and rerun. One hook
 * for every computed figure: the input sent is exactly the declaration's `compute.inputs`, and the
 * worker checks it against the same declaration.
 */
export function useFigureJob<F extends FigureDeclaration<any, any, any, any>, A = FigurePartial<F>>(
  figure: F,
  values: FigureValues<F>,
  initial: Packed<FigureResult<F>>,
  initialValues: FigureValues<F>,
  { accumulate, delay = 250 }: FigureJobOptions<FigurePartial<F>, A> = {},
): FigureJob<F, A> {
  const runner = useJobRunner();
  const input = jobInput(figure, values);
  const key = inputKey(input);
  const [done, setDone] = useState<{ result: FigureResult<F>; input: FigureInput<F> }>(() => ({ result: unpack(initial), input: jobInput(figure, initialValues) }));
  const [partial, setPartial] = useState<A | null>(null);
  const [running, setRunning] = useState<FigureInput<F> | null>(null);
  const [progress, setProgress] = useState(0);
  const [phase, setPhase] = useState<JobPhase>('build');
  const [error, setError] = useState<string | null>(null);
  /** The key of the last job started (or of the build's result): an automatic rerun starts only for a new one. */
  const started = useRef(inputKey(jobInput(figure, initialValues)));
  const frame = useRef(0);
  // A worker ready before the reader presses Rerun (started when the main thread is next idle).
  const mounted = useRef(true);
  // The input the worker warms up with: the current settings' (see Computation.warmup).
  const warmInput = useRef(input);
  warmInput.current = input;
  useEffect(() => {
    const cancel = whenIdle(() => runner().warm(figure.name, warmInput.current));
    return () => {
      mounted.current = false;
      cancel();
    };
  }, [runner]);

  const run = useCallback(() => {
    const job = runner();
    const sent = input;
    started.current = key;
    let sum: A | null = null;
    let latest = 0;
    const flush = () => {
      frame.current = 0;
      setPartial(sum);
      setProgress(latest);
    };
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    setPhase('running');
    setError(null);
    setProgress(0);
    setPartial(null);
    setRunning(sent);
    const r = job.run<FigureInput<F>, FigureResult<F>, FigurePartial<F>>(figure.name, sent, (d, t, p) => {
      latest = t > 0 ? d / t : 0;
      if (p !== undefined) sum = accumulate ? accumulate(sum, p) : (p as unknown as A);
      // At most one update per frame, however fast the worker reports.
      if (!frame.current) frame.current = requestAnimationFrame(flush);
    });
    r.result.then(
      (result) => {
        cancelAnimationFrame(frame.current);
        frame.current = 0;
        setDone({ result, input: sent });
        setPartial(null);
        setRunning(null);
        setProgress(1);
        setPhase('done');
      },
      (e: unknown) => {
        cancelAnimationFrame(frame.current);
        frame.current = 0;
        if (e instanceof JobCancelled) {
          setPartial(sum);
          setPhase('stopped');
          return;
        }
        setError(e instanceof Error ? e.message : String(e));
        setRunning(null);
        setPhase('error');
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const stop = useCallback(() => {
    runner().cancel();
    // Stop ended the worker; start the next one in a moment, for Run again.
    setTimeout(() => mounted.current && runner().warm(figure.name, warmInput.current), 100);
  }, [runner]);

  // Settings changed (by a control, or by the URL after hydration): rerun after a pause.
  useEffect(() => {
    if (key === started.current) return;
    const t = setTimeout(run, delay);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  return {
    result: done.result,
    resultInput: done.input,
    current: inputKey(done.input) === key,
    partial,
    jobInput: running,
    progress,
    phase,
    error,
    run,
    stop,
  };
}
