import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/regularization/Experiment.figure';
import { EPOCHS, totalRuns } from '../../models/regularization/experiment';
import { placeSource } from '../../models/regularization/placement';
import { SOURCE_L1_ERRORS, SOURCE_PRUNED_ERRORS } from '../../models/regularization/source';
import { summarize } from '../../models/regularization/summary';
import { curvesPlot, errorsPlot, fitPlot } from '../../plots/regularization/experiment';
import { DualPlot } from '../shared/DualPlot';
import { useFigureState } from '../shared/figure-state';
import { OwnData } from '../shared/OwnData';
import { JobButtons, JobStatus } from '../shared/JobControls';
import { UrlNotice } from '../shared/UrlNotice';
import { ExperimentControls } from './ExperimentControls';
import { ExperimentReadout } from './ExperimentReadout';
import { ExperimentTable } from './ExperimentTable';
import { SourcePlacement } from './SourcePlacement';
import { useExperimentRun } from './useExperimentRun';
import './regularization.css';

/** No numbers of the post's to mark (the runs are on a reader's own data). */
const NO_SOURCE = { l1: [], pruned: [] } as const;

/** The source's experiment: every penalty trained from the same data and seeds, in a worker, with its plots and table. */
export default function Experiment({ id, settings, initial }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const { job, shown, plotted, live, staging } = useExperimentRun(state.values, initial, settings);
  const summaries = useMemo(() => summarize(shown.runs, shown.settings.methods), [shown]);
  const placement = useMemo(() => placeSource(shown), [shown]);
  const [pFit, pCurves, pPenalty, pErrors] = plotted;
  // Each plot in its wide and its narrow drawing (DualPlot): [wide, narrow].
  const fitOptions = useMemo(() => [false, true].map((compact) => fitPlot(pFit.data, pFit.runs, pFit.settings.methods, { compact })), [pFit]);
  const curveOptions = useMemo(() => [false, true].map((compact) => curvesPlot(pCurves.runs, pCurves.settings.methods, EPOCHS, 'data loss', { compact })), [pCurves]);
  const penaltyOptions = useMemo(() => [false, true].map((compact) => curvesPlot(pPenalty.runs, pPenalty.settings.methods, EPOCHS, 'penalty', { compact })), [pPenalty]);
  const errorOptions = useMemo(
    () => [false, true].map((compact) => errorsPlot(pErrors.runs, pErrors.settings.methods, pErrors.settings.points ? NO_SOURCE : { l1: SOURCE_L1_ERRORS, pruned: SOURCE_PRUNED_ERRORS }, { compact, prunedRuns: pErrors.prunedRuns, testPoints: pErrors.data.test.length })),
    [pErrors],
  );
  // The generated data for the current seed and outliers: where a reader's own data starts from.
  const v = state.values;
  const generated = () => import('../../models/regularization/experiment').then((m) => m.generatedPoints(v.seed, v.outliers, v.offsetMode === 'fixed' ? v.offset : null));
  const total = totalRuns(shown.settings);
  const done = shown.runs.length + shown.prunedRuns.length;
  const prunedText = shown.settings.pruned ? ` and ${shown.settings.runs} of the post’s pruned shape with L1 and with L2` : '';
  // The figure counts as done once its plots show the final output too.
  const phase = staging && job.phase !== 'running' ? 'running' : job.phase;

  return (
    <div class="reg-experiment" data-phase={phase}>
      <ExperimentControls state={state} />
      <OwnData state={state} name="ownData" defaults={generated} />
      <JobButtons job={job} />
      <JobStatus
        job={{ ...job, phase }}
        testId="exp-status"
        summary={`${done} runs trained: ${shown.settings.runs} per penalty${prunedText}.`}
        running={`Training in a background worker… ${done} of ${total} runs done (the table fills in as runs finish; the figures redraw at the end).`}
        stopped={`${done} of ${total} runs had finished; the table and the figures show those.`}
      />
      <UrlNotice state={state} />
      <ExperimentReadout output={shown} live={live} before={job.phase === 'running' ? job.result : undefined} />
      <div class="reg-plots">
        <div>
          <p class="reg-heading">The data and every run's fitted line</p>
          <DualPlot wide={fitOptions[0]} narrow={fitOptions[1]} label="Training points (filled), test points (hollow), outliers (circled) and the fitted line of every run, coloured by penalty" />
        </div>
        <div>
          <p class="reg-heading">Training curves: the two terms of the cost, mean per step in each epoch</p>
          <DualPlot wide={curveOptions[0]} narrow={curveOptions[1]} label="Data loss per epoch for every run" />
          <DualPlot wide={penaltyOptions[0]} narrow={penaltyOptions[1]} label="Penalty per epoch for every run" />
        </div>
        <div>
          <p class="reg-heading">
            Total test error per run (dots) and its spread (box: quartiles, median, range)
            {!pErrors.settings.points && (
              <>
                ; <span class="reg-source-key">◇</span> the post’s own runs
              </>
            )}
          </p>
          <DualPlot
            wide={errorOptions[0]}
            narrow={errorOptions[1]}
            label="Total test error of every run, per penalty, each row with its box; hollow diamonds mark the post's own numbers on the rows they belong to"
          />
        </div>
      </div>
      <ExperimentTable output={shown} summaries={summaries} running={job.phase === 'running'} />
      {/* The post's numbers come from its own data: beside runs on a reader's data they would mean nothing. */}
      {!shown.settings.points && <SourcePlacement placement={placement} settings={shown.settings} />}
    </div>
  );
}
