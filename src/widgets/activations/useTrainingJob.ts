import { useCallback, useEffect, useState } from 'preact/hooks';
import { JobCancelled, useJobRunner } from '../shared/jobs';

/** A key that does not depend on the order of the input's fields. */
function keyOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const o = value as Record<string, unknown>;
  return JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
}

export type JobPhase = 'idle' | 'running' | 'stopped' | 'error';

/**
 * Runs `job` in a worker whenever `input` changes and the result on show is not for it; keeps
 * the last complete result on show while a new run streams its partial results, and can be
 * stopped and rerun. `createWorker` must be written at the call site as
 * `() => new Worker(new URL('…worker.ts', import.meta.url), { type: 'module' })`.
 */
export function useTrainingJob<I, R, P>(createWorker: () => Worker, job: string, input: I, initial: R, resultFor: (r: R) => I) {
  const runner = useJobRunner(createWorker);
  const [result, setResult] = useState<R>(initial);
  const [partial, setPartial] = useState<P | null>(null);
  const [progress, setProgress] = useState(0);
  const [phase, setPhase] = useState<JobPhase>('idle');
  const [error, setError] = useState<string | null>(null);
  const key = keyOf(input);

  const run = useCallback(() => {
    const r = runner();
    setPhase('running');
    setError(null);
    setProgress(0);
    setPartial(null);
    const started = r.run<R, P>(job, input, (done, total, part) => {
      setProgress(total > 0 ? done / total : 0);
      if (part !== undefined) setPartial(part);
    });
    started.result.then(
      (out) => {
        setResult(out);
        setPartial(null);
        setPhase('idle');
      },
      (e: unknown) => {
        if (e instanceof JobCancelled) return;
        setError(e instanceof Error ? e.message : String(e));
        setPhase('error');
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, job]);

  const stop = useCallback(() => {
    runner().cancel();
    setPartial(null);
    setPhase('stopped');
  }, []);

  useEffect(() => {
    if (keyOf(resultFor(result)) !== key) run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const current = keyOf(resultFor(result)) === key;
  return { result, partial, progress, phase, error, run, stop, current };
}
