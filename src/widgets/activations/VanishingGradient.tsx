import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/activations/VanishingGradient.figure';
import { DEEP_WIDTH, layerErrors, quarterPowerLine, shrinkage } from '../../models/activations/deep';
import { formatMagnitude } from '../../lib/format';
import { gradientPlot, type GradientPoint } from '../../plots/activations/gradients';
import { FUNCTION_COLORS, FUNCTION_LABELS } from '../../plots/activations/labels';
import { Button, Controls } from '../shared/controls';
import { DualPlot } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureState } from '../shared/figure-state';
import { UrlNotice } from '../shared/UrlNotice';
import './activations.css';

/** Size of the backpropagated error per layer of a deep stack, on a log scale. */
export default function VanishingGradient({ id, settings }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  const runs = useMemo(
    () => s.activations.map((a) => ({ activation: a, errors: layerErrors({ activation: a, depth: s.depth, seed: s.seed, init: s.init }) })),
    [s.activations.join(','), s.depth, s.seed, s.init], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const sigmoid = runs.find((r) => r.activation === 'sigmoid');
  const [wide, narrow] = useMemo(() => {
    const points: GradientPoint[] = runs.flatMap((r) => r.errors.map((e) => ({ series: r.activation, layer: e.layer, value: e.value })));
    const opts = { depth: s.depth, colors: FUNCTION_COLORS, bound: sigmoid ? quarterPowerLine(sigmoid.errors) : [] };
    return [gradientPlot(points, opts), gradientPlot(points, { ...opts, compact: true })];
  }, [runs, sigmoid, s.depth]);

  return (
    <div class="act-vanishing" data-widget="vanishing-gradient">
      <ul class="act-legend" aria-label="Legend">
        {runs.map((r) => (
          <li key={r.activation}>
            <span class="act-swatch" style={{ background: FUNCTION_COLORS[r.activation] }} />
            {FUNCTION_LABELS[r.activation]}
          </li>
        ))}
        {sigmoid && (
          <li>
            <span class="act-swatch" style={{ background: 'repeating-linear-gradient(90deg, currentColor 0 5px, transparent 5px 9px)' }} />
            0.25ⁿ from the top layer (sigmoid)
          </li>
        )}
      </ul>
      <DualPlot wide={wide} narrow={narrow} label={`Size of the backpropagated error at each of ${s.depth} layers, log scale`} />
      <div class="nn-table-scroll" tabIndex={0} role="region" aria-label="Gradient size per layer (table)">
        <table class="nn-table" data-testid="vanishing-table">
          <thead>
            <tr>
              <th scope="col">activation</th>
              <th scope="col">‖δ‖, top</th>
              <th scope="col">‖δ‖, layer 1</th>
              <th scope="col">per layer</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const { perLayer } = shrinkage(r.errors);
              const zeros = r.errors.filter((e) => !(e.value > 0)).length;
              return (
                <tr key={r.activation}>
                  <td>{FUNCTION_LABELS[r.activation]}</td>
                  <td>{formatMagnitude(r.errors[r.errors.length - 1]?.value ?? NaN, 3)}</td>
                  <td>{formatMagnitude(r.errors[0]?.value ?? NaN, 3)}</td>
                  <td>{perLayer === null ? (zeros ? `${zeros} layer(s) at exactly 0` : '—') : `× ${formatMagnitude(perLayer, 3)}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Controls label="Network">
        <Field state={state} name="activations" />
      </Controls>
      <Controls label="Depth and weights">
        <Field state={state} name="depth" />
        <Field state={state} name="init" />
        <Button onClick={() => state.update({ seed: (s.seed % 1e9) + 1 })}>Reseed</Button>
        <span class="nn-status">seed {s.seed}</span>
      </Controls>
      <UrlNotice state={state} />
      <p class="act-note">
        {DEEP_WIDTH} units per layer, {s.depth} hidden layers and a linear output; one backward pass of the squared error over 32 seeded random inputs.
      </p>
    </div>
  );
}
