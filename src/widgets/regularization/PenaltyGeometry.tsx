import { useMemo, useState } from 'preact/hooks';
import { optimumPath, penalizedOptimum, quadraticLoss } from '@neural-notes/nn';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/regularization/PenaltyGeometry.figure';
import { DEFAULT_QUADRATIC, GEOMETRY_DOMAIN, lossLevelSet, penaltyFor, penaltyLevelSet, type Vec2 } from '../../models/regularization/geometry';
import { formatNumber } from '../../lib/format';
import { geometryPlot, GEOMETRY_FRAMES, toData } from '../../plots/regularization/geometry';
import { METHOD_COLORS, METHOD_LABELS } from '../../plots/regularization/labels';
import { Controls } from '../shared/controls';
import { DualPlot, pointerInDrawing } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureState } from '../shared/figure-state';
import { useLiveValues } from '../shared/live';
import { UrlNotice } from '../shared/UrlNotice';
import { ProbeLayer } from './ProbeLayer';
import './regularization.css';

const [LO, HI] = GEOMETRY_DOMAIN;
/** The dashed path of the optimum runs over every λ the figure allows. */
const LAMBDA_MAX = figure.settings.lambda.max;
const fmt = (v: number) => formatNumber(v, 3);
const clamp = (v: number) => Math.min(HI, Math.max(LO, Math.round(v * 100) / 100));

export default function PenaltyGeometry({ id, settings }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  // the article's penalty formulas show the probe's numbers (LiveFormula)
  useLiveValues(figure, id, s);
  // The readout is announced for changes made with the controls, not at every pointer move.
  const [announce, setAnnounce] = useState(true);
  const update = (patch: Partial<typeof s>) => {
    setAnnounce(true);
    state.update(patch);
  };
  const q = DEFAULT_QUADRATIC;
  const penalty = useMemo(() => penaltyFor(s.method, s.lambda, s.mix), [s.method, s.lambda, s.mix]);
  const path = useMemo(() => optimumPath(q, s.method, s.mix, LAMBDA_MAX), [q, s.method, s.mix]);
  const optimum = useMemo(() => penalizedOptimum(q, penalty), [q, penalty]);
  const [wide, narrow] = useMemo(() => {
    const atOpt = quadraticLoss(q, optimum);
    const levels = [atOpt, 0.1, 0.5, 1.5, 3].filter((v, i) => i === 0 || Math.abs(v - atOpt) > 0.05);
    const data = {
      lossCurves: levels.map((k) => lossLevelSet(q, k)),
      penaltyCurve: penaltyLevelSet(penalty, penalty.value(optimum)),
      path: path.map((p) => p.w),
      optimum,
      center: q.center,
      color: METHOD_COLORS[s.method],
    };
    return [geometryPlot(data), geometryPlot(data, { compact: true })];
  }, [q, optimum, penalty, path, s.method]);

  const probe: Vec2 = [s.w1, s.w2];
  const loss = quadraticLoss(q, probe);
  const zero = (v: number) => (v === 0 ? ' (exactly 0)' : '');

  const onPointer = (e: PointerEvent) => {
    if (e.type === 'pointermove' && e.pointerType !== 'mouse' && e.buttons === 0) return;
    const at = pointerInDrawing(e, GEOMETRY_FRAMES);
    if (!at) return;
    const [x, y] = toData(at.x, at.y, at.frame);
    if (x < LO || x > HI || y < LO || y > HI) return;
    setAnnounce(false);
    state.update({ w1: clamp(x), w2: clamp(y) });
  };

  return (
    <div class="reg-geometry">
      <Controls label="Penalty">
        <Field state={state} name="method" onChange={(v) => update({ method: v })} />
        <Field state={state} name="lambda" onChange={(v) => update({ lambda: v })} />
        {s.method === 'elastic' && <Field state={state} name="mix" onChange={(v) => update({ mix: v })} />}
      </Controls>
      <div class="reg-geometry-plot" onPointerMove={onPointer} onPointerDown={onPointer}>
        <DualPlot
          small
          wide={wide}
          narrow={narrow}
          label={`Loss contours (ellipses) and the ${METHOD_LABELS[s.method]} penalty's level set through the penalised optimum at w = (${fmt(optimum[0])}, ${fmt(optimum[1])})`}
          overlay={(side, className) => <ProbeLayer probe={probe} frame={GEOMETRY_FRAMES[side]} class={className} />}
        />
      </div>
      <p class="nn-readout reg-readout" data-testid="geo-optimum">
        Penalised optimum at λ = {fmt(s.lambda)}: w₁ = {fmt(optimum[0])}
        {zero(optimum[0])}, w₂ = {fmt(optimum[1])}
        {zero(optimum[1])}. Without a penalty: ({fmt(q.center[0])}, {fmt(q.center[1])}). Dashed: the optimum's path as λ goes from 0 to {LAMBDA_MAX}.
      </p>
      <Controls label="Probe point (also set by pointing at the figure)">
        <Field state={state} name="w1" onChange={(v) => update({ w1: v })} />
        <Field state={state} name="w2" onChange={(v) => update({ w2: v })} />
      </Controls>
      <UrlNotice state={state} />
      <p class="nn-readout reg-readout" data-testid="geo-cost" aria-live={announce ? 'polite' : 'off'}>
        At the probe w = ({fmt(s.w1)}, {fmt(s.w2)}): loss L(w) = {fmt(loss)}; cost L(w) + {METHOD_LABELS[s.method]} penalty = {fmt(loss + penalty.value(probe))}. Its three
        penalties are worked out in the formulas under the figure.
      </p>
    </div>
  );
}
