import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import figure, { experimentSettings } from '../../figures/regularization/Experiment.figure';
import type { FigureValues, Packed } from '../../figures/figure';
import { sameData, settingsData, type CompactRun, type ExperimentOutput, type LiveCost } from '../../models/regularization/experiment';
import { useFigureJob, type FigureJob } from '../shared/figure-job';

/** What a running experiment has streamed: its finished runs (of the full network and of the pruned shape), and the cost of its latest epoch. */
export interface Streamed {
  readonly runs: CompactRun[];
  readonly prunedRuns: CompactRun[];
  readonly live: LiveCost | null;
}

const accumulate = (sum: Streamed | null, p: CompactRun | LiveCost): Streamed => {
  const s = sum ?? { runs: [], prunedRuns: [], live: null };
  if ('kind' in p) return { ...s, live: p };
  return p.pruned ? { ...s, prunedRuns: [...s.prunedRuns, p] } : { ...s, runs: [...s.runs, p] };
};

/** How many plots the figure draws from one output; they are redrawn one per task after a run ends. */
export const PLOTS = 4;

export interface ExperimentRun {
  readonly job: FigureJob<typeof figure, Streamed>;
  /** The output on show in the table and readouts: the running or stopped job's runs so far, else the last complete result. */
  readonly shown: ExperimentOutput;
  /** The output each plot shows: the last complete (or stopped) output, handed to the plots one at a time. */
  readonly plotted: readonly ExperimentOutput[];
  /** The latest epoch's cost while training, else null. */
  readonly live: LiveCost | null;
  /** True while the finished output is still being handed to the plots. */
  readonly staging: boolean;
}

/**
 * The experiment figure's run: the shared figure job (useFigureJob) with the runs it streams added
 * up, and the final output handed to the plots one per task (a timer, not an animation frame: the
 * Preact update runs in its own task and the browser's style, layout and paint in the next, so
 * neither grows into a long task).
 */
export function useExperimentRun(values: FigureValues<typeof figure>, initial: Packed<ExperimentOutput>, initialValues: FigureValues<typeof figure>): ExperimentRun {
  const job = useFigureJob(figure, values, initial, initialValues, { accumulate });
  const running = job.phase === 'running' || job.phase === 'stopped';
  const jobSettings = useMemo(() => (job.jobInput ? experimentSettings(job.jobInput) : null), [job.jobInput]);
  // The running job's dataset: the one on show when the job's settings give the same (a rerun need not
  // generate it again on the main thread). Computed when a job starts, against the result shown then.
  const partialData = useMemo(
    () => (jobSettings ? (sameData(jobSettings, job.result.settings) ? job.result.data : settingsData(jobSettings)) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [jobSettings],
  );
  const shown: ExperimentOutput = useMemo(
    () =>
      running && jobSettings && partialData
        ? { settings: jobSettings, data: partialData, runs: job.partial?.runs ?? [], prunedRuns: job.partial?.prunedRuns ?? [], stopped: job.phase === 'stopped' }
        : job.result,
    [running, jobSettings, partialData, job.partial, job.phase, job.result],
  );
  const final = job.phase === 'stopped' ? shown : job.result;
  const [plotted, setPlotted] = useState<ExperimentOutput[]>(() => Array.from({ length: PLOTS }, () => job.result));
  const ticket = useRef(0);
  useEffect(() => {
    if (plotted.every((p) => p === final)) return;
    const mine = ++ticket.current;
    let k = 0;
    const step = () => {
      if (mine !== ticket.current) return;
      const index = k++;
      setPlotted((old) => old.map((o, i) => (i === index ? final : o)));
      if (k < PLOTS) setTimeout(step, 30);
    };
    const t = setTimeout(step, 30);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [final]);
  // Staging from the first render in which the final output differs from what the plots show (a flag set
  // in the effect would leave one render in which the job is done and the plots are not).
  const staging = plotted.some((p) => p !== final);
  return { job, shown, plotted, live: job.phase === 'running' ? (job.partial?.live ?? null) : null, staging };
}
