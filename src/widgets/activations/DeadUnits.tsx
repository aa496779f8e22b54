import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/activations/DeadUnits.figure';
import type { DeadUnitsSeries } from '../../models/activations/dead-units';
import { formatNumber } from '../../lib/format';
import { deadUnitsPlot, type DeadPoint } from '../../plots/activations/training';
import { FUNCTION_COLORS, FUNCTION_LABELS } from '../../plots/activations/labels';
import { DualPlot } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureJob } from '../shared/figure-job';
import { useFigureState } from '../shared/figure-state';
import { JobButtons, JobStatus } from '../shared/JobControls';
import { OwnData } from '../shared/OwnData';
import { UrlNotice } from '../shared/UrlNotice';
import './activations.css';

/** How many hidden units die with ReLU, Leaky ReLU, PReLU and ELU, trained live in a worker. */
export default function DeadUnits({ id, settings, initial }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  const generated = () => import('../../models/activations/task').then((m) => m.taskPoints(m.toyTask(s.seed)));
  const job = useFigureJob(figure, s, initial, settings);
  const shown: DeadUnitsSeries[] = job.partial ?? job.result.series;
  const shownEpochs = job.partial && job.jobInput ? job.jobInput.epochs : job.result.input.epochs;
  const units = job.result.units;
  const [wide, narrow] = useMemo(() => {
    const points: DeadPoint[] = shown.flatMap((ser) => ser.dead.map((dead, epoch) => ({ series: ser.activation, epoch, dead })));
    const opts = { units, epochs: shownEpochs, colors: FUNCTION_COLORS };
    return [deadUnitsPlot(points, opts), deadUnitsPlot(points, { ...opts, compact: true })];
  }, [shown, units, shownEpochs]);
  const r = job.result.input;

  return (
    <div class="act-dead" data-widget="dead-units">
      <ul class="act-legend" aria-label="Legend">
        {shown.map((ser) => (
          <li key={ser.activation}>
            <span class="act-swatch" style={{ background: FUNCTION_COLORS[ser.activation] }} />
            {FUNCTION_LABELS[ser.activation]}
          </li>
        ))}
      </ul>
      <DualPlot wide={wide} narrow={narrow} label="Dead hidden units after each epoch of training, per activation" />
      <div class="nn-table-scroll" tabIndex={0} role="region" aria-label="Dead units per activation (table)">
        <table class="nn-table" data-testid="dead-table">
          <thead>
            <tr>
              <th scope="col">activation</th>
              <th scope="col">dead, start</th>
              <th scope="col">dead, end</th>
              <th scope="col">final MSE</th>
            </tr>
          </thead>
          <tbody>
            {job.result.series.map((ser) => (
              <tr key={ser.activation}>
                <td>{FUNCTION_LABELS[ser.activation]}</td>
                <td>{ser.dead[0]} of {units}</td>
                <td>
                  {ser.dead[ser.dead.length - 1]} of {units}
                </td>
                <td>{ser.status === 'diverged' || ser.finalLoss === null ? 'diverged' : formatNumber(ser.finalLoss, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <JobButtons job={job} label="Training" onReseed={() => state.update({ seed: (s.seed % 1e9) + 1 })}>
        <Field state={state} name="lr" />
        <Field state={state} name="epochs" />
      </JobButtons>
      <JobStatus
        job={job}
        testId="dead-status"
        summary={`Learning rate ${r.lr}, seed ${r.seed}, ${r.epochs} epochs.`}
        running="Training the four networks in a background worker…"
        stopped="The table shows the last complete run."
      />
      <OwnData state={state} name="ownData" defaults={generated} />
      <UrlNotice state={state} />
      <p class="act-note">
        Task: {r.ownData ? `fit your ${r.ownData.length} points` : 'fit sin(3x) on 64 seeded points x in [−1, 1]'}; network {job.result.sizes.join('–')}, He-uniform weights (the same for all four), plain SGD one example at a time on the squared error.
        A hidden unit counts as dead when f′(z) &lt; 0.001 for every training input, so almost no gradient reaches its weights.
      </p>
    </div>
  );
}
