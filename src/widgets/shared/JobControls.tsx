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
 * result is on show, “Run again” after), Stop (live only while a job runs) and an optional Reseed.
 * Nothing in the row changes size when a job starts or ends (Run keeps the width of its longer
 * label), so the row wraps the same way throughout and keyboard focus stays put. The running job's
 * progress is in the status line (JobStatus).
 */
export function JobButtons({ job, label = 'Run', onReseed, children }: { job: JobView; label?: string; onReseed?: () => void; children?: ComponentChildren }) {
  const running = job.phase === 'running';
  const [shown, other] = job.phase === 'build' ? RUN_LABELS : [RUN_LABELS[1], RUN_LABELS[0]];
  return (
    <Controls label={label}>
      {children}
      {onReseed && <Button onClick={onReseed}>Reseed</Button>}
      <Button variant="primary" onClick={job.run} disabled={running}>
        <SameSize shown={shown} room={[other]} />
      </Button>
      <Button onClick={job.stop} disabled={!running}>
        Stop
      </Button>
    </Controls>
  );
}

/** Run's label while the build's result is on show, and after the reader has run it here. */
const RUN_LABELS = ['Rerun in this browser', 'Run again'] as const;

/**
 * Content that takes the room of the largest of several: `shown`, with each of `room` laid out in the
 * same place, unseen and unread (visibility: hidden, aria-hidden), so a change between them moves nothing.
 */
function SameSize({ shown, room }: { shown: ComponentChildren; room: ComponentChildren[] }) {
  return (
    <span class="nn-same-size">
      <span>{shown}</span>
      {room.map((r, i) => (
        <span key={i} aria-hidden="true">
          {r}
        </span>
      ))}
    </span>
  );
}

/**
 * One line that says which results are on show: the build's, this browser's, a stopped job's (and
 * that “Run again” trains with the current settings), or why a job failed; while a job runs, with
 * its progress. It keeps the height of its longest message (but an error's), so nothing under it
 * moves as a job starts, ends or stops.
 */
export function JobStatus({ job, testId, summary, running, stopped, keepHeight = true }: {
  job: JobView;
  testId: string;
  /** What the complete result on show is (e.g. its settings): "Learning rate 0.05, seed 3, 30 epochs." */
  summary: ComponentChildren;
  /** While a job runs (e.g. "Training in a background worker… 3 of 20 runs done"). */
  running: ComponentChildren;
  /** What is on show after Stop (e.g. "The table shows the last complete run."). */
  stopped: ComponentChildren;
  /** false: as high as the message on show (for a status line shown only while a job runs or after it stopped). */
  keepHeight?: boolean;
}) {
  const messages: Record<Exclude<JobView['phase'], 'error'>, ComponentChildren> = {
    build: <>{summary} Computed when this page was built; rerunning here gives the same numbers.</>,
    running: (
      <span class="nn-status-running">
        <span>{running}</span>
        <Progress value={job.phase === 'running' ? job.progress : 0} label="Training progress" />
      </span>
    ),
    done: <>{summary} Computed in this browser.</>,
    stopped: <>Stopped. {stopped} Press “Run again” to train with the current settings.</>,
  };
  const phases = Object.keys(messages) as (keyof typeof messages)[];
  const shown = job.phase === 'error' ? <span class="nn-status-warn">The computation failed: {job.error}</span> : messages[job.phase];
  return (
    <p class="nn-status" aria-live="polite" data-testid={testId}>
      <SameSize shown={shown} room={keepHeight ? phases.filter((p) => p !== job.phase).map((p) => messages[p]) : []} />
    </p>
  );
}
