import type { ComponentChildren } from 'preact';
import { Button, Controls, Progress } from './controls';
import type { JobPhase } from './figure-job';

/** What the run controls need from `useFigureJob`. */
interface JobView {
  readonly phase: JobPhase;
  readonly progress: number;
  readonly error: string | null;
  readonly current: boolean;
  run(): void;
  stop(): void;
}

/**
 * The run controls every computed figure shares: Run (“Rerun in this browser” while the build's
 * result is on show, “Run again” after), Stop (live only while a job runs), an optional Reseed,
 * and the progress of the running job. Both buttons stay in place, so nothing moves and keyboard
 * focus stays put when a job starts or ends.
 */
export function JobButtons({ job, label = 'Run', onReseed, children }: { job: JobView; label?: string; onReseed?: () => void; children?: ComponentChildren }) {
  const running = job.phase === 'running';
  return (
    <Controls label={label}>
      {children}
      {onReseed && <Button onClick={onReseed}>Reseed</Button>}
      <Button variant="primary" onClick={job.run} disabled={running}>
        {job.phase === 'build' ? 'Rerun in this browser' : 'Run again'}
      </Button>
      <Button onClick={job.stop} disabled={!running}>
        Stop
      </Button>
      {running && <Progress value={job.progress} label="Training progress" />}
    </Controls>
  );
}

/**
 * One line that says which results are on show: the build's, this browser's, a stopped job's (and
 * that “Run again” trains with the current settings), or why a job failed.
 */
export function JobStatus({ job, testId, summary, running, stopped }: {
  job: JobView;
  testId: string;
  /** What the complete result on show is (e.g. its settings): "Learning rate 0.05, seed 3, 30 epochs." */
  summary: ComponentChildren;
  /** While a job runs (e.g. "Training in a background worker… 3 of 20 runs done"). */
  running: ComponentChildren;
  /** What is on show after Stop (e.g. "The table shows the last complete run."). */
  stopped: ComponentChildren;
}) {
  return (
    <p class="nn-status" aria-live="polite" data-testid={testId}>
      {job.phase === 'build' && <>{summary} Computed when this page was built; rerunning here gives the same numbers.</>}
      {job.phase === 'running' && running}
      {job.phase === 'done' && <>{summary} Computed in this browser.</>}
      {job.phase === 'stopped' && <>Stopped. {stopped} Press “Run again” to train with the current settings.</>}
      {job.phase === 'error' && <span class="nn-status-warn">The computation failed: {job.error}</span>}
    </p>
  );
}
