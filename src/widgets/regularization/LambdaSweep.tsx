import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/regularization/LambdaSweep.figure';
import type { SweepOutput } from '../../models/regularization/sweep';
import { formatNumber } from '../../lib/format';
import { sweepPlot } from '../../plots/regularization/sweep';
import { Controls } from '../shared/controls';
import { DualPlot } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureJob } from '../shared/figure-job';
import { useFigureState } from '../shared/figure-state';
import { JobButtons, JobStatus } from '../shared/JobControls';
import { UrlNotice } from '../shared/UrlNotice';
import { MeanSd } from './MeanSd';
import { MethodHeading } from './MethodHeading';
import './regularization.css';

/** The experiment at every λ of the sweep, trained in a worker; a summary per penalty and λ. */
export default function LambdaSweep({ id, settings, initial }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const job = useFigureJob(figure, state.values, initial, settings);
  const shown: SweepOutput = job.result;
  const plots = useMemo(
    () => (['error', 'unitsOff'] as const).map((measure) => [false, true].map((compact) => sweepPlot(shown, measure, { compact }))),
    [shown],
  );
  const methods = shown.settings.methods;
  const at = (lambda: number, m: string) => shown.points.find((p) => p.lambda === lambda && p.method === m);
  const diverged = shown.points.reduce((n, p) => n + p.diverged, 0) + shown.baseline.diverged;
  const r = shown.settings;

  return (
    <div class="reg-sweep">
      <Controls label="Sweep settings">
        <Field state={state} name="methods" />
      </Controls>
      <JobButtons job={job} label="Training">
        <Field state={state} name="runs" />
        <Field state={state} name="lr" />
        <Field state={state} name="seed" />
      </JobButtons>
      <JobStatus
        job={job}
        testId="sweep-status"
        summary={`${r.runs} run${r.runs === 1 ? '' : 's'} per penalty and λ, learning rate ${r.lr}, seed ${r.seed}; ${diverged} run${diverged === 1 ? '' : 's'} diverged.`}
        running={`Training ${shown.lambdas.length} strengths in a background worker…`}
        stopped="The figure shows the last complete sweep."
      />
      <UrlNotice state={state} />
      <div class="reg-plots">
        <div>
          <p class="reg-heading">Total test error against λ (dashed: no penalty)</p>
          <DualPlot wide={plots[0][0]} narrow={plots[0][1]} label="Mean total test error of each penalty at each λ, with one standard deviation, and the unpenalised mean as a dashed line" />
        </div>
        <div>
          <p class="reg-heading">Hidden units switched off against λ</p>
          <DualPlot wide={plots[1][0]} narrow={plots[1][1]} label="Mean number of hidden units switched off by each penalty at each λ" />
        </div>
      </div>
      <div class="nn-table-scroll reg-table-wrap" tabIndex={0} role="region" aria-label="Test error and units switched off per λ (table)">
        <table class="nn-table reg-table" data-testid="sweep-table">
          <caption class="visually-hidden">Mean total test error ± sd and hidden units switched off, per penalty and λ</caption>
          <thead>
            <tr>
              <th scope="col">λ</th>
              {methods.map((m) => <MethodHeading key={m} method={m} />)}
            </tr>
          </thead>
          <tbody>
            {shown.lambdas.map((lambda) => (
              <tr key={lambda}>
                <th scope="row">{lambda}</th>
                {methods.map((m) => {
                  const p = at(lambda, m);
                  return (
                    <td key={m} data-testid={`sweep-${m}-${lambda}`}>
                      {!p ? '…' : p.finished === 0 ? 'diverged' : <MeanSd value={p} />}
                      {p && p.finished > 0 && (
                        <>
                          <br />
                          {formatNumber(p.meanUnitsOff ?? NaN, 3)} units off{p.diverged > 0 ? `, ${p.diverged} diverged` : ''}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">no penalty</th>
              <td colSpan={methods.length} data-testid="sweep-baseline">
                <MeanSd value={shown.baseline} />, {formatNumber(shown.baseline.meanUnitsOff ?? NaN, 3)} units off
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
