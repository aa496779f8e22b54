import type { ComponentChildren } from 'preact';
import { Button, Progress } from '../shared/controls';
import type { JobPhase } from './useTrainingJob';

/** What the training widgets need from `useTrainingJob` to show their run controls and status. */
interface JobView {
  phase: JobPhase;
  progress: number;
  error: string | null;
  run(): void;
  stop(): void;
}

/** Reseed, then Stop while training or "Run again" when idle. */
export function RunButtons({ job, onReseed }: { job: JobView; onReseed(): void }) {
  return (
    <>
      <Button onClick={onReseed}>Reseed</Button>
      {job.phase === 'running' ? (
        <Button onClick={job.stop}>Stop</Button>
      ) : (
        <Button variant="primary" onClick={job.run}>
          Run again
        </Button>
      )}
    </>
  );
}

/** Progress while training; afterwards what was trained (`summary`), or why it stopped or failed. */
export function JobStatus({ job, testId, training, shows, summary }: { job: JobView; testId: string; training: string; shows: string; summary: ComponentChildren }) {
  return (
    <div class="nn-status" aria-live="polite" data-testid={testId}>
      {job.phase === 'running' ? (
        <Progress value={job.progress} label={training} />
      ) : job.phase === 'stopped' ? (
        `Stopped. ${shows} the last complete run; press “Run again” to train with the current settings.`
      ) : job.phase === 'error' ? (
        <span class="nn-status-warn">Training failed: {job.error}</span>
      ) : (
        summary
      )}
    </div>
  );
}
