import { useMemo } from 'preact/hooks';
import { slopeTracePlot, type SlopePoint } from '../../plots/activations/training';
import { Controls, NumberField, Slider } from '../shared/controls';
import { DualPlot } from './DualPlot';
import { numberCodec, useUrlState } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import { PRELU_SIZES, type PreluInput, type PreluResult } from './training';
import { JobStatus, RunButtons } from './JobControls';
import { useTrainingJob } from './useTrainingJob';
import './activations.css';

interface Props {
  id: string;
  lr: number;
  momentum: number;
  seed: number;
  epochs: number;
  initial: PreluResult;
}

const codecs = {
  lr: numberCodec(0.0001, 0.1),
  mu: numberCodec(0, 0.99),
  seed: numberCodec(0, 1e9, { integer: true }),
  epochs: numberCodec(5, 200, { integer: true }),
};

const LAYER_COLORS = ['#c2255c', '#3b7dd8'];

/** Every PReLU unit's slope a over training, trained live in a worker with momentum SGD. */
export default function PreluSlopes(props: Props) {
  const defaults = useMemo(() => ({ lr: props.lr, mu: props.momentum, seed: props.seed, epochs: props.epochs }), []); // eslint-disable-line react-hooks/exhaustive-deps
  const [s, update] = useUrlState(props.id, codecs, defaults);
  const input: PreluInput = { lr: s.lr, momentum: s.mu, seed: s.seed, epochs: s.epochs };
  const job = useTrainingJob<PreluInput, PreluResult, PreluResult>(
    () => new Worker(new URL('../../workers/activations.worker.ts', import.meta.url), { type: 'module' }),
    'prelu',
    input,
    props.initial,
    (r) => r.input,
  );
  const shown = job.partial ?? job.result;
  const [wide, narrow] = useMemo(() => {
    const points: SlopePoint[] = shown.slopes.flatMap((row, epoch) =>
      row.map((a, u) => ({ unit: shown.units[u], layer: Number(shown.units[u].split('.')[0]), epoch, a })),
    );
    const opts = { epochs: shown.input.epochs, colors: LAYER_COLORS };
    return [slopeTracePlot(points, opts), slopeTracePlot(points, { ...opts, compact: true })];
  }, [shown]);
  const r = job.result;
  const final = r.slopes[r.slopes.length - 1] ?? [];
  const layers = Array.from(new Set(r.units.map((u) => u.split('.')[0])));
  const trained = r.slopes.length - 1;

  return (
    <div class="act-prelu" data-widget="prelu-slopes">
      <ul class="act-legend" aria-label="Legend">
        {LAYER_COLORS.map((c, i) => (
          <li key={c}>
            <span class="act-swatch" style={{ background: c }} />
            hidden layer {i + 1}
          </li>
        ))}
        <li>
          <span class="act-swatch" style={{ background: 'repeating-linear-gradient(90deg, currentColor 0 4px, transparent 4px 8px)' }} />
          start, a = 0.25
        </li>
      </ul>
      <DualPlot wide={wide} narrow={narrow} label="Slope a of every PReLU unit over the epochs of training" />
      <div class="nn-readout act-readout" data-testid="prelu-readout">
        {r.status === 'diverged' ? (
          <p class="nn-status-warn">
            Training diverged in epoch {trained + 1} (the error grew past what a 64-bit float can hold); the figure stops at the last good epoch. Try a smaller ε or μ.
          </p>
        ) : null}
        {layers.map((l) => (
          <p key={l} class="act-note">
            Layer {l} after {trained} epochs: a = {r.units.map((u, k) => (u.startsWith(`${l}.`) ? formatNumber(final[k], 2) : null)).filter((t) => t !== null).join(', ')}
          </p>
        ))}
        <p class="act-note">Error (MSE): {formatNumber(r.loss[0], 3)} at the start, {formatNumber(r.loss[r.loss.length - 1], 3)} at the end.</p>
      </div>
      <Controls label="Training">
        <NumberField label="Learning rate ε" value={s.lr} min={0.0001} max={0.1} onChange={(lr) => update({ lr })} />
        <Slider label="Momentum μ" value={s.mu} min={0} max={0.99} step={0.01} format={(v) => formatNumber(v, 2)} onChange={(mu) => update({ mu })} />
        <Slider label="Epochs" value={s.epochs} min={10} max={200} step={10} onChange={(epochs) => update({ epochs })} />
        <RunButtons job={job} onReseed={() => update({ seed: (s.seed % 1e9) + 1 })} />
      </Controls>
      <JobStatus job={job} testId="prelu-status" training="Training the PReLU network" shows="The figure shows" summary={`ε = ${r.input.lr}, μ = ${r.input.momentum}, seed ${r.input.seed}, ${r.input.epochs} epochs.`} />
      <p class="act-note">
        Network {PRELU_SIZES.join('–')} with PReLU in both hidden layers, every slope starting at 0.25, trained on the same seeded sin(3x) task with momentum SGD, one example
        at a time; the slopes are updated by the same rule as the weights and are not penalised.
      </p>
    </div>
  );
}
