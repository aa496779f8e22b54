import { useMemo } from 'preact/hooks';
import { gradientPlot, type GradientPoint } from '../../plots/activations/gradients';
import { Button, CheckboxGroup, Controls, Select, Slider } from '../shared/controls';
import { DualPlot } from './DualPlot';
import { listCodec, numberCodec, oneOfCodec, useUrlState } from '../shared/url-state';
import { formatMagnitude } from '../../plots/activations/log-axis';
import { DEEP_ACTIVATIONS, DEEP_INITS, DEEP_WIDTH, MAX_DEPTH, layerErrors, quarterPowerLine, shrinkage, type DeepActivation, type DeepInit } from './deep';
import { FUNCTION_COLORS, FUNCTION_LABELS } from './logic';
import './activations.css';

interface Props {
  id: string;
  activations: string[];
  depth: number;
  init: string;
  seed: number;
}

interface State {
  acts: DeepActivation[];
  depth: number;
  init: DeepInit;
  seed: number;
}

const codecs = {
  acts: listCodec(oneOfCodec(DEEP_ACTIVATIONS), { min: 1, max: DEEP_ACTIVATIONS.length }),
  depth: numberCodec(2, MAX_DEPTH, { integer: true }),
  init: oneOfCodec(DEEP_INITS),
  seed: numberCodec(0, 1e9, { integer: true }),
};

const INIT_LABELS: Record<DeepInit, string> = { glorotUniform: 'Glorot uniform', heUniform: 'He uniform' };

/** Size of the backpropagated error per layer of a deep stack, on a log scale. */
export default function VanishingGradient(props: Props) {
  const defaults = useMemo<State>(
    () => ({ acts: props.activations as DeepActivation[], depth: props.depth, init: props.init as DeepInit, seed: props.seed }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [s, update] = useUrlState(props.id, codecs, defaults);
  const runs = useMemo(
    () => s.acts.map((a) => ({ activation: a, errors: layerErrors({ activation: a, depth: s.depth, seed: s.seed, init: s.init }) })),
    [s.acts.join(','), s.depth, s.seed, s.init], // eslint-disable-line react-hooks/exhaustive-deps
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
        <CheckboxGroup
          legend="Activations"
          values={s.acts}
          options={DEEP_ACTIVATIONS.map((a) => ({ value: a, label: FUNCTION_LABELS[a] }))}
          minChecked={1}
          onChange={(acts) => update({ acts })}
        />
      </Controls>
      <Controls label="Depth and weights">
        <Slider label="Hidden layers" value={s.depth} min={2} max={MAX_DEPTH} step={1} onChange={(depth) => update({ depth })} />
        <Select label="Initial weights" value={s.init} options={DEEP_INITS.map((v) => ({ value: v, label: INIT_LABELS[v] }))} onChange={(init) => update({ init })} />
        <Button onClick={() => update({ seed: (s.seed % 1e9) + 1 })}>Reseed</Button>
        <span class="nn-status">seed {s.seed}</span>
      </Controls>
      <p class="act-note">
        {DEEP_WIDTH} units per layer, {s.depth} hidden layers and a linear output; one backward pass of the squared error over 32 seeded random inputs.
      </p>
    </div>
  );
}
