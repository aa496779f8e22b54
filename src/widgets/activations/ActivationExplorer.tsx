import { rrelu } from '@neural-notes/nn';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CURVE_FRAME, curveDomains, curvePlot, type CurveSeries } from '../../plots/activations/curves';
import { CurveCursor } from './CurveCursor';
import { Button, CheckboxGroup, Controls, NumberField, Slider } from '../shared/controls';
import { PlotView } from '../shared/PlotView';
import { booleanCodec, listCodec, numberCodec, oneOfCodec, useUrlState } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import {
  FUNCTIONS, FUNCTION_COLORS, FUNCTION_LABELS, isPiecewise, makeActivation, rreluTrainingSlopes, sampleCurves, stepCursor, valuesAt,
  type FunctionName, type FunctionParams,
} from './logic';
import { LEAKY_SLOPE } from './ActivationExplorer.props';
import './activations.css';

interface Props extends FunctionParams {
  id: string;
  functions: string[];
  compare: boolean;
  xMin: number;
  xMax: number;
  cursor: number;
  training: boolean;
}

interface State extends FunctionParams {
  fns: FunctionName[];
  x0: number;
  x1: number;
  /** RReLU: show the training-mode slopes. */
  train: boolean;
  /** Seed of the RReLU training-mode draw. */
  seed: number;
}

const codecs = {
  fns: listCodec(oneOfCodec(FUNCTIONS), { min: 1, max: FUNCTIONS.length }),
  x0: numberCodec(-50, 49.5),
  x1: numberCodec(-49.5, 50),
  slope: numberCodec(LEAKY_SLOPE.min, LEAKY_SLOPE.max),
  a: numberCodec(-0.5, 1),
  alpha: numberCodec(0, 3),
  lower: numberCodec(0.5, 50),
  upper: numberCodec(0.5, 50),
  train: booleanCodec,
  seed: numberCodec(0, 1e9, { integer: true }),
};

const OPTIONS = FUNCTIONS.map((f) => ({ value: f, label: FUNCTION_LABELS[f] }));
const RRELU_UNITS = 8;

/** f and f' of one or several activation functions, with parameter controls and a readout cursor. */
export default function ActivationExplorer(props: Props) {
  const defaults = useMemo<State>(
    () => ({
      fns: props.functions.filter((f): f is FunctionName => (FUNCTIONS as readonly string[]).includes(f)),
      x0: props.xMin,
      x1: props.xMax,
      slope: props.slope,
      a: props.a,
      alpha: props.alpha,
      lower: props.lower,
      upper: props.upper,
      train: props.training,
      seed: 1,
    }),
    // Props are constants of the instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [s, update] = useUrlState(props.id, codecs, defaults);
  // A URL could still carry l > u: fall back to the defaults for the pair.
  const params: FunctionParams = s.lower <= s.upper ? s : { ...s, lower: defaults.lower, upper: defaults.upper };
  const [x0, x1] = s.x0 < s.x1 ? [s.x0, s.x1] : [defaults.x0, defaults.x1];
  const [cursor, setCursor] = useState(Math.min(x1, Math.max(x0, props.cursor)));
  // The readout is announced when the arrow keys move the cursor, not at every pointer move.
  const [announce, setAnnounce] = useState(true);
  const x = Math.min(x1, Math.max(x0, cursor));

  const acts = useMemo(
    () => s.fns.map((name) => ({ name, act: makeActivation(name, params) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s.fns.join(','), params.slope, params.a, params.alpha, params.lower, params.upper],
  );
  const curves = useMemo(
    () => acts.map(({ name, act }) => ({ name, ...sampleCurves(act, x0, x1, 161, isPiecewise(name)) })),
    [acts, x0, x1],
  );
  const showRrelu = s.fns.includes('rrelu');
  const trainSlopes = useMemo(
    () => (showRrelu && s.train ? rreluTrainingSlopes(params.lower, params.upper, s.seed, RRELU_UNITS) : []),
    [showRrelu, s.train, params.lower, params.upper, s.seed],
  );
  const evalSlope = showRrelu ? rrelu({ lower: params.lower, upper: params.upper }).evalSlope : NaN;
  const readings = acts.map(({ name, act }) => ({ name, ...valuesAt(act, x) }));

  // f and f′, each drawn once per setting; the cursor moves in a layer of its own (CurveCursor).
  const [fPanel, dPanel] = useMemo(
    () =>
      (['f', 'd'] as const).map((part) => {
        const series: CurveSeries[] = curves.map((c) => ({ key: c.name, color: FUNCTION_COLORS[c.name], points: c[part] }));
        const settings = {
          xDomain: [x0, x1] as const,
          yLabel: part === 'f' ? 'f(x)' : 'f′(x)',
          rays: trainSlopes.map((k) => ({ slope: k, color: FUNCTION_COLORS.rrelu, flat: part === 'd' })),
        };
        const domains = curveDomains(series, settings);
        return { part, options: curvePlot(series, settings, domains), domains };
      }),
    [curves, x0, x1, trainSlopes],
  );

  // Pointer → x, coalesced to one update per frame.
  const pending = useRef<number | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const onPointer = (e: PointerEvent) => {
    const svg = (e.currentTarget as HTMLElement).querySelector('svg');
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    if (rect.width === 0) return;
    const px = ((e.clientX - rect.left) * CURVE_FRAME.width) / rect.width;
    const inner = CURVE_FRAME.width - CURVE_FRAME.marginLeft - CURVE_FRAME.marginRight;
    const t = Math.min(1, Math.max(0, (px - CURVE_FRAME.marginLeft) / inner));
    pending.current = Number((x0 + t * (x1 - x0)).toPrecision(4));
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      if (pending.current !== null) {
        setAnnounce(false);
        setCursor(pending.current);
      }
    });
  };
  const onKey = (e: KeyboardEvent) => {
    const next = stepCursor(x, e.key, x0, x1);
    if (next === null) return;
    e.preventDefault();
    setAnnounce(true);
    setCursor(next);
  };
  const names = s.fns.map((f) => FUNCTION_LABELS[f]).join(', ');
  const panel = ({ options, domains, part }: typeof fPanel, label: string) => (
    <div
      class="act-panel"
      tabIndex={0}
      aria-label={`${label}. Use the left and right arrow keys to move the readout cursor.`}
      onPointerMove={onPointer}
      onPointerDown={onPointer}
      onKeyDown={onKey}
    >
      <PlotView options={options} label={label} />
      <CurveCursor domains={domains} x={x} points={readings.map((r) => ({ y: r[part], color: FUNCTION_COLORS[r.name] }))} />
    </div>
  );

  return (
    <div class="act-explorer" data-widget="activation-explorer">
      {s.fns.length > 1 && (
        <ul class="act-legend" aria-label="Legend">
          {s.fns.map((f) => (
            <li key={f}>
              <span class="act-swatch" style={{ background: FUNCTION_COLORS[f] }} />
              {FUNCTION_LABELS[f]}
            </li>
          ))}
        </ul>
      )}
      <div class="act-panels">
        {panel(fPanel, `${names}: f(x) for x from ${formatNumber(x0)} to ${formatNumber(x1)}`)}
        {panel(dPanel, `${names}: derivative f′(x) for x from ${formatNumber(x0)} to ${formatNumber(x1)}`)}
      </div>
      {/* One row per function in three aligned columns (name, f, f′) under one header that gives x: the same layout on a phone and a desktop. */}
      <div class="nn-readout act-readout" aria-live={announce ? 'polite' : 'off'} data-testid="readout">
        <div class="act-readout-row act-readout-head">
          <span class="act-readout-name">x = {formatNumber(x, 3)}</span>
          <span class="act-readout-value" aria-hidden="true">f(x)</span>
          <span class="act-readout-value" aria-hidden="true">f′(x)</span>
        </div>
        {readings.map((r) => (
          <div class="act-readout-row" key={r.name} data-testid="readout-entry">
            <span class="act-readout-name">
              <span class="act-swatch" style={{ background: FUNCTION_COLORS[r.name] }} />
              {FUNCTION_LABELS[r.name]}
            </span>
            <span class="act-readout-value" data-part="f">
              <span class="visually-hidden">f(x) = </span>
              {formatNumber(r.f, 4)}
            </span>
            <span class="act-readout-value" data-part="d">
              <span class="visually-hidden">f′(x) = </span>
              {formatNumber(r.d, 4)}
            </span>
          </div>
        ))}
      </div>
      {props.compare && (
        <Controls label="Functions">
          <CheckboxGroup legend="Show" values={s.fns} options={OPTIONS} minChecked={1} onChange={(fns) => update({ fns })} />
        </Controls>
      )}
      <Controls label="Range and parameters">
        <NumberField label="x from" value={x0} min={-50} max={x1 - 0.5} onChange={(v) => update({ x0: v })} />
        <NumberField label="x to" value={x1} min={x0 + 0.5} max={50} onChange={(v) => update({ x1: v })} />
        {s.fns.includes('leakyRelu') && (
          <Slider label="Leaky slope" value={params.slope} min={LEAKY_SLOPE.min} max={LEAKY_SLOPE.max} step={0.01} format={(v) => formatNumber(v, 2)} onChange={(v) => update({ slope: v })} />
        )}
        {s.fns.includes('prelu') && (
          <Slider label="PReLU a" value={params.a} min={-0.5} max={1} step={0.01} format={(v) => formatNumber(v, 2)} onChange={(v) => update({ a: v })} />
        )}
        {s.fns.includes('elu') && (
          <Slider label="ELU α" value={params.alpha} min={0} max={3} step={0.05} format={(v) => formatNumber(v, 3)} onChange={(v) => update({ alpha: v })} />
        )}
        {showRrelu && (
          <>
            <NumberField label="RReLU l" value={params.lower} min={0.5} max={params.upper} onChange={(v) => update({ lower: v })} />
            <NumberField label="RReLU u" value={params.upper} min={params.lower} max={50} onChange={(v) => update({ upper: v })} />
          </>
        )}
      </Controls>
      {showRrelu && (
        <>
          <Controls label="RReLU training mode">
            <div class="nn-field">
              <label>
                <input type="checkbox" checked={s.train} onChange={(e) => update({ train: e.currentTarget.checked })} /> Show slopes drawn in training
              </label>
            </div>
            <Button onClick={() => update({ train: true, seed: (s.seed % 1e9) + 1 })}>Resample</Button>
          </Controls>
          {/* Says only what is drawn: the thin lines and the thick line exist together, in training mode. */}
          <p class="act-note" data-testid="rrelu-slopes">
            {s.train ? (
              <>
                Training mode, {RRELU_UNITS} units, slopes 1/a with a ~ U({formatNumber(params.lower)}, {formatNumber(params.upper)}) (the thin lines):{' '}
                {trainSlopes.map((k) => formatNumber(k, 3)).join(', ')}. Evaluation slope 2/(l + u) = {formatNumber(evalSlope, 4)} (the thick RReLU line).
              </>
            ) : (
              <>
                Evaluation slope 2/(l + u) = {formatNumber(evalSlope, 4)}: the slope of the RReLU line for x &lt; 0. Tick “Show slopes drawn in training” to add
                the slopes drawn in training mode.
              </>
            )}
          </p>
        </>
      )}
    </div>
  );
}
