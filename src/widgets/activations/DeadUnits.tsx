import { useMemo } from 'preact/hooks';
import { deadUnitsPlot, type DeadPoint } from '../../plots/activations/training';
import { Controls, Select, Slider } from '../shared/controls';
import { DualPlot } from './DualPlot';
import { numberCodec, oneOfCodec, useUrlState } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import { DEAD_LRS } from './DeadUnits.props';
import { FUNCTION_COLORS, FUNCTION_LABELS } from './logic';
import { DEAD_SIZES, type DeadUnitsInput, type DeadUnitsResult, type DeadUnitsSeries } from './training';
import { JobStatus, RunButtons } from './JobControls';
import { useTrainingJob } from './useTrainingJob';
import './activations.css';

interface Props {
  id: string;
  lr: string;
  seed: number;
  epochs: number;
  initial: DeadUnitsResult;
}

type Lr = (typeof DEAD_LRS)[number];

const codecs = {
  lr: oneOfCodec(DEAD_LRS),
  seed: numberCodec(0, 1e9, { integer: true }),
  epochs: numberCodec(5, 100, { integer: true }),
};

/** How many hidden units die with ReLU, Leaky ReLU, PReLU and ELU, trained live in a worker. */
export default function DeadUnits(props: Props) {
  const defaults = useMemo(() => ({ lr: props.lr as Lr, seed: props.seed, epochs: props.epochs }), []); // eslint-disable-line react-hooks/exhaustive-deps
  const [s, update] = useUrlState(props.id, codecs, defaults);
  const input: DeadUnitsInput = { lr: Number(s.lr), seed: s.seed, epochs: s.epochs };
  const job = useTrainingJob<DeadUnitsInput, DeadUnitsResult, DeadUnitsSeries[]>(
    () => new Worker(new URL('../../workers/activations.worker.ts', import.meta.url), { type: 'module' }),
    'deadUnits',
    input,
    props.initial,
    (r) => r.input,
  );
  const shown: DeadUnitsSeries[] = job.partial ?? job.result.series;
  const shownEpochs = job.partial ? s.epochs : job.result.input.epochs;
  const units = job.result.units;
  const [wide, narrow] = useMemo(() => {
    const points: DeadPoint[] = shown.flatMap((ser) => ser.dead.map((dead, epoch) => ({ series: ser.activation, epoch, dead })));
    const opts = { units, epochs: shownEpochs, colors: FUNCTION_COLORS };
    return [deadUnitsPlot(points, opts), deadUnitsPlot(points, { ...opts, compact: true })];
  }, [shown, units, shownEpochs]);

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
      <Controls label="Training">
        <Select label="Learning rate" value={s.lr} options={DEAD_LRS.map((v) => ({ value: v, label: v }))} onChange={(lr) => update({ lr })} />
        <Slider label="Epochs" value={s.epochs} min={5} max={100} step={5} onChange={(epochs) => update({ epochs })} />
        <RunButtons job={job} onReseed={() => update({ seed: (s.seed % 1e9) + 1 })} />
      </Controls>
      <JobStatus job={job} testId="dead-status" training="Training the four networks" shows="The table shows" summary={`Learning rate ${job.result.input.lr}, seed ${job.result.input.seed}, ${job.result.input.epochs} epochs.`} />
      <p class="act-note">
        Task: fit sin(3x) on 64 seeded points x in [−1, 1]; network {DEAD_SIZES.join('–')}, He-uniform weights (the same for all four), plain SGD one example at a time on the squared error.
        A hidden unit counts as dead when f′(z) &lt; 0.001 for every training input, so almost no gradient reaches its weights.
      </p>
    </div>
  );
}
