import { useMemo, useState } from 'preact/hooks';
import { Controls, Select, Slider } from '../shared/controls';
import { numberCodec, oneOfCodec, useUrlState } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import { geometryPlot, GEOMETRY_DOMAIN, GEOMETRY_FRAMES, toData } from '../../plots/regularization/geometry';
import { optimumPath, penalizedOptimum, quadraticLoss } from '@neural-notes/nn';
import { DEFAULT_QUADRATIC, lossLevelSet, penaltyFor, penaltyLevelSet, type GeometryMethod, type Vec2 } from './geometry';
import { DualPlot, pointerInDrawing } from './DualPlot';
import { ProbeLayer } from './ProbeLayer';
import { METHOD_COLORS, METHOD_LABELS } from './logic';
import './regularization.css';

interface Props {
  id: string;
  method: GeometryMethod;
  lambda: number;
}

interface State {
  method: GeometryMethod;
  lambda: number;
  mix: number;
  w1: number;
  w2: number;
}

const [LO, HI] = GEOMETRY_DOMAIN;
const codecs = {
  method: oneOfCodec(['l1', 'l2', 'elastic'] as const),
  lambda: numberCodec(0, 3),
  mix: numberCodec(0, 1),
  w1: numberCodec(LO, HI),
  w2: numberCodec(LO, HI),
};
const LAMBDA_MAX = 3;
const fmt = (v: number) => formatNumber(v, 3);
const clamp = (v: number) => Math.min(HI, Math.max(LO, Math.round(v * 100) / 100));

export default function PenaltyGeometry({ id, method: m0, lambda: l0 }: Props) {
  const [s, setState] = useUrlState<State>(id, codecs, { method: m0, lambda: l0, mix: 0.5, w1: 1, w2: 1 });
  // The readout is announced for changes made with the controls, not at every pointer move.
  const [announce, setAnnounce] = useState(true);
  const update = (patch: Partial<State>) => {
    setAnnounce(true);
    setState(patch);
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
  const l1 = penaltyFor('l1', s.lambda, s.mix).value(probe);
  const l2 = penaltyFor('l2', s.lambda, s.mix).value(probe);
  const el = penaltyFor('elastic', s.lambda, s.mix).value(probe);
  const loss = quadraticLoss(q, probe);
  const zero = (v: number) => (v === 0 ? ' (exactly 0)' : '');

  const onPointer = (e: PointerEvent) => {
    if (e.type === 'pointermove' && e.pointerType !== 'mouse' && e.buttons === 0) return;
    const at = pointerInDrawing(e, GEOMETRY_FRAMES);
    if (!at) return;
    const [x, y] = toData(at.x, at.y, at.frame);
    if (x < LO || x > HI || y < LO || y > HI) return;
    setAnnounce(false);
    setState({ w1: clamp(x), w2: clamp(y) });
  };

  return (
    <div class="reg-geometry">
      <Controls label="Penalty">
        <Select
          label="penalty"
          value={s.method}
          options={(['l1', 'l2', 'elastic'] as const).map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
          onChange={(v) => update({ method: v })}
        />
        <Slider label="λ" value={s.lambda} min={0} max={LAMBDA_MAX} step={0.05} format={fmt} onChange={(v) => update({ lambda: v })} />
        {s.method === 'elastic' && <Slider label="mix m (L1 share)" value={s.mix} min={0} max={1} step={0.05} format={fmt} onChange={(v) => update({ mix: v })} />}
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
        <Slider label="probe w₁" value={s.w1} min={LO} max={HI} step={0.01} format={fmt} onChange={(v) => update({ w1: v })} />
        <Slider label="probe w₂" value={s.w2} min={LO} max={HI} step={0.01} format={fmt} onChange={(v) => update({ w2: v })} />
      </Controls>
      <div class="reg-formulas nn-readout" data-testid="geo-formulas" aria-live={announce ? 'polite' : 'off'}>
        <span class={s.method === 'l1' ? 'active' : undefined}>
          L1: λ(|w₁| + |w₂|) = {fmt(s.lambda)}·({fmt(Math.abs(s.w1))} + {fmt(Math.abs(s.w2))}) = {fmt(l1)}
        </span>
        <span class={s.method === 'l2' ? 'active' : undefined}>
          L2: λ(w₁² + w₂²)/2 = {fmt(s.lambda)}·({fmt(s.w1 * s.w1)} + {fmt(s.w2 * s.w2)})/2 = {fmt(l2)}
        </span>
        <span class={s.method === 'elastic' ? 'active' : undefined}>
          elastic: λ[m(|w₁| + |w₂|) + (1 − m)(w₁² + w₂²)/2] with m = {fmt(s.mix)}: {fmt(el)}
        </span>
        <span>
          loss L(w) = {fmt(loss)}; cost L(w) + {METHOD_LABELS[s.method]} penalty = {fmt(loss + penalty.value(probe))}
        </span>
      </div>
    </div>
  );
}
