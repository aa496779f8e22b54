import { rrelu } from '@neural-notes/nn';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/activations/ActivationExplorer.figure';
import { isPiecewise, makeActivation, rreluTrainingSlopes, sampleCurves, stepCursor, valuesAt, type FunctionParams } from '../../models/activations/functions';
import { formatNumber } from '../../lib/format';
import { CURVE_FRAME, curveDomains, curvePlot, type CurveSeries } from '../../plots/activations/curves';
import { FUNCTION_COLORS, FUNCTION_LABELS } from '../../plots/activations/labels';
import { Button, Controls } from '../shared/controls';
import { Field } from '../shared/Field';
import { useFigureState } from '../shared/figure-state';
import { PlotView } from '../shared/PlotView';
import { UrlNotice } from '../shared/UrlNotice';
import { useLiveValues } from '../shared/live';
import { CurveCursor } from './CurveCursor';
import './activations.css';

const RRELU_UNITS = 8;
/** The smallest x-range the "x from" and "x to" fields leave. */
const MIN_SPAN = 0.5;

/** f and f' of one or several activation functions, with parameter controls and a readout cursor. */
export default function ActivationExplorer({ id, settings }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  const update = state.update;
  // A URL could still carry l > u or an empty range: fall back to the article's values for the pair.
  const params: FunctionParams = s.lower <= s.upper ? s : { ...s, lower: settings.lower, upper: settings.upper };
  const [x0, x1] = s.xMin < s.xMax ? [s.xMin, s.xMax] : [settings.xMin, settings.xMax];
  const [cursor, setCursor] = useState(Math.min(x1, Math.max(x0, settings.cursor)));
  // The readout is announced when the arrow keys move the cursor, not at every pointer move.
  const [announce, setAnnounce] = useState(true);
  const x = Math.min(x1, Math.max(x0, cursor));
  useLiveValues(figure, id, s, { x });

  const acts = useMemo(
    () => s.functions.map((name) => ({ name, act: makeActivation(name, params) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s.functions.join(','), params.slope, params.a, params.alpha, params.lower, params.upper],
  );
  const curves = useMemo(
    () => acts.map(({ name, act }) => ({ name, ...sampleCurves(act, x0, x1, 161, isPiecewise(name)) })),
    [acts, x0, x1],
  );
  const showRrelu = s.functions.includes('rrelu');
  const trainSlopes = useMemo(
    () => (showRrelu && s.training ? rreluTrainingSlopes(params.lower, params.upper, s.seed, RRELU_UNITS) : []),
    [showRrelu, s.training, params.lower, params.upper, s.seed],
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
          // ("slope": at 11–12 px the prime of f′ is hard to see on its own)
          yLabel: part === 'f' ? 'f(x)' : 'slope f′(x)',
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
  const names = s.functions.map((f) => FUNCTION_LABELS[f]).join(', ');
  const panel = ({ options, domains, part }: typeof fPanel, label: string) => (
    <div
      class="act-panel"
      tabIndex={0}
      role="slider"
      aria-label={`${label}. Use the left and right arrow keys to move the readout cursor.`}
      aria-valuemin={x0}
      aria-valuemax={x1}
      aria-valuenow={x}
      aria-valuetext={`x = ${formatNumber(x, 3)}: ${readings.map((r) => `${FUNCTION_LABELS[r.name]} f(x) = ${formatNumber(r.f, 4)}, f′(x) = ${formatNumber(r.d, 4)}`).join('; ')}`}
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
      {s.functions.length > 1 && (
        <ul class="act-legend" aria-label="Legend">
          {s.functions.map((f) => (
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
      {s.compare && (
        <Controls label="Functions">
          <Field state={state} name="functions" />
        </Controls>
      )}
      <Controls label="Range and parameters">
        <Field state={state} name="xMin" max={x1 - MIN_SPAN} />
        <Field state={state} name="xMax" min={x0 + MIN_SPAN} />
        {s.functions.includes('leakyRelu') && <Field state={state} name="slope" format={(v) => formatNumber(v, 2)} />}
        {s.functions.includes('prelu') && <Field state={state} name="a" format={(v) => formatNumber(v, 2)} />}
        {s.functions.includes('elu') && <Field state={state} name="alpha" />}
        {showRrelu && (
          <>
            <Field state={state} name="lower" max={params.upper} />
            <Field state={state} name="upper" min={params.lower} />
          </>
        )}
      </Controls>
      <UrlNotice state={state} />
      {showRrelu && (
        <>
          <Controls label="RReLU training mode">
            <Field state={state} name="training" />
            <Button onClick={() => update({ training: true, seed: (s.seed % 1e9) + 1 })}>Resample</Button>
          </Controls>
          {/* Says only what is drawn: the thin lines and the thick line exist together, in training mode. */}
          <p class="act-note" data-testid="rrelu-slopes">
            {s.training ? (
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
