import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/activations/PreluSlopes.figure';
import { formatNumber } from '../../lib/format';
import { slopeTracePlot, type SlopePoint } from '../../plots/activations/training';
import { DualPlot } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureJob } from '../shared/figure-job';
import { useFigureState } from '../shared/figure-state';
import { JobButtons, JobStatus } from '../shared/JobControls';
import { useLiveValues } from '../shared/live';
import { OwnData } from '../shared/OwnData';
import { UrlNotice } from '../shared/UrlNotice';
import './activations.css';

const LAYER_COLORS = ['#c2255c', '#3b7dd8'];

/** Every PReLU unit's slope a over training, trained live in a worker with momentum SGD. */
export default function PreluSlopes({ id, settings, initial }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  const generated = () => import('../../models/activations/task').then((m) => m.taskPoints(m.toyTask(s.seed)));
  const job = useFigureJob(figure, s, initial, settings);
  useLiveValues(figure, id, s, undefined, job.result);
  const shown = job.partial ?? job.result;
  const [wide, narrow] = useMemo(() => {
    const points: SlopePoint[] = shown.slopes.flatMap((row, epoch) =>
      row.map((a, u) => ({ unit: shown.units[u], layer: Number(shown.units[u].split('.')[0]), epoch, a })),
    );
    const opts = { epochs: shown.input.epochs, colors: LAYER_COLORS, followed: s.unit };
    return [slopeTracePlot(points, opts), slopeTracePlot(points, { ...opts, compact: true })];
  }, [shown, s.unit]);
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
        <li>
          <span class="act-swatch act-swatch-thick" />
          unit {s.unit}, in the formulas
        </li>
      </ul>
      <DualPlot wide={wide} narrow={narrow} label="Slope a of every PReLU unit over the epochs of training" />
      <div class="nn-readout act-slopes" data-testid="prelu-readout">
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
      <div class="act-followed">
        <Field state={state} name="unit" />
        <p class="act-note" data-testid="prelu-last-step">
          {r.last
            ? `The article’s formulas for ∂E/∂a and Δa write out the last step of training (step ${r.last.step}, x = ${formatNumber(r.last.x, 3)}) for this unit, drawn thick.`
            : 'The article’s formulas for ∂E/∂a and Δa show no numbers: this run did not finish.'}
        </p>
      </div>
      <JobButtons job={job} label="Training" onReseed={() => state.update({ seed: (s.seed % 1e9) + 1 })}>
        <Field state={state} name="lr" />
        <Field state={state} name="momentum" format={(v) => formatNumber(v, 2)} />
        <Field state={state} name="epochs" />
      </JobButtons>
      <JobStatus
        job={job}
        testId="prelu-status"
        summary={`ε = ${r.input.lr}, μ = ${r.input.momentum}, seed ${r.input.seed}, ${r.input.epochs} epochs.`}
        running="Training the PReLU network in a background worker…"
        stopped="The figure shows the last complete run."
      />
      <OwnData state={state} name="ownData" defaults={generated} />
      <UrlNotice state={state} />
      <p class="act-note">
        Network {r.sizes.join('–')} with PReLU in both hidden layers, every slope starting at 0.25, trained on {r.input.ownData ? `your ${r.input.ownData.length} points` : 'the same seeded sin(3x) task'} with momentum SGD, one example
        at a time; the slopes are updated by the same rule as the weights and are not penalised.
      </p>
    </div>
  );
}
