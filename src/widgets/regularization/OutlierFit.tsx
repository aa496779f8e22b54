import { useId, useMemo, useRef } from 'preact/hooks';
import { Button, Controls, NumberField } from '../shared/controls';
import { listCodec, useUrlState, type Codec } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import { FIT_COLORS, OUTLIER_DOMAIN, OUTLIER_FRAMES, outlierToData, outliersPlot } from '../../plots/regularization/outliers';
import { leastAbsoluteLine, leastSquaresLine, lineLoss } from '@neural-notes/nn';
import { DualPlot, pointerInDrawing } from './DualPlot';
import { basePoints, lineEquation, MAX_OUTLIERS, nextOutlier, plotDistance, TRUE_LINE, type Line, type Point } from './outliers';
import './regularization.css';

export const PRESET_OUTLIERS: Point[] = [
  [7.5, 2],
  [9, 3],
  [2, 24],
];

const pointCodec: Codec<Point> = {
  parse(text) {
    const [a, b] = text.split(':').map(Number);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return undefined;
    if (a < OUTLIER_DOMAIN.x[0] || a > OUTLIER_DOMAIN.x[1] || b < OUTLIER_DOMAIN.y[0] || b > OUTLIER_DOMAIN.y[1]) return undefined;
    return [a, b];
  },
  format: ([a, b]) => `${a}:${b}`,
};
const codecs = { points: listCodec(pointCodec, { min: 0, max: MAX_OUTLIERS }) };

const r2 = (v: number) => Math.round(v * 100) / 100;
const fmt = (v: number) => formatNumber(v, 3);
const describe = (l: Line | null) => (l ? lineEquation(l) : 'needs two points with different x');

export default function OutlierFit({ id, outliers }: { id: string; outliers: number }) {
  const [state, update] = useUrlState<{ points: Point[] }>(id, codecs, { points: PRESET_OUTLIERS.slice(0, outliers) });
  const base = useMemo(() => basePoints(), []);
  const drag = useRef<number | null>(null);
  const pts = state.points;
  const all = useMemo(() => [...base, ...pts], [base, pts]);
  const absolute = useMemo(() => leastAbsoluteLine(all), [all]);
  const squared = useMemo(() => leastSquaresLine(all), [all]);
  const [wide, narrow] = useMemo(() => {
    const fits = { absolute, squared, truth: TRUE_LINE };
    return [outliersPlot(base, pts, fits), outliersPlot(base, pts, fits, { compact: true })];
  }, [base, pts, absolute, squared]);
  const full = pts.length >= MAX_OUTLIERS;
  const limitId = useId();

  const toPoint = (e: PointerEvent): Point | null => {
    const at = pointerInDrawing(e, OUTLIER_FRAMES);
    if (!at) return null;
    const [x, y] = outlierToData(at.x, at.y, at.frame);
    if (x < OUTLIER_DOMAIN.x[0] || x > OUTLIER_DOMAIN.x[1] || y < OUTLIER_DOMAIN.y[0] || y > OUTLIER_DOMAIN.y[1]) return null;
    return [r2(x), r2(y)];
  };
  const nearest = (p: Point): number => {
    let best = -1;
    let bestD = Infinity;
    pts.forEach((q, i) => {
      const d = plotDistance(q, p);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return bestD < 0.04 ? best : -1;
  };
  const setPoint = (i: number, p: Point) => update({ points: pts.map((q, k) => (k === i ? p : q)) });

  return (
    <div class="reg-outliers">
      <div
        class="reg-outlier-plot"
        onPointerDown={(e) => {
          const p = toPoint(e);
          if (!p) return;
          const i = nearest(p);
          if (i >= 0) {
            drag.current = i;
            (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
          } else if (!full) {
            drag.current = pts.length;
            update({ points: [...pts, p] });
            (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
          }
        }}
        onPointerMove={(e) => {
          if (drag.current === null) return;
          const p = toPoint(e);
          if (p) setPoint(drag.current, p);
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      >
        <DualPlot wide={wide} narrow={narrow} label="Points near the line y = 1 + 2x, the outliers (red circles), and the lines fitted with absolute and with squared loss" />
      </div>
      <p class="nn-status">Click or tap the figure to add an outlier; drag an outlier to move it; or edit them below.</p>
      <p class="nn-readout reg-readout" data-testid="outlier-fits">
        <span style={{ color: FIT_COLORS.absolute }}>■</span> absolute loss: {describe(absolute)}
        {absolute && `, Σ|y − ŷ| = ${fmt(lineLoss('absolute', absolute, all))}`}
        <br />
        <span style={{ color: FIT_COLORS.squared }}>■</span> squared loss: {describe(squared)}
        {squared && `, Σ(y − ŷ)² = ${fmt(lineLoss('squared', squared, all))}`}
        <br />
        true line: ŷ = 1 + 2x
      </p>
      <Controls label="Outliers">
        {/* A plain button (not the shared Button) for its aria-describedby: the limit note says why it is off. */}
        <button
          type="button"
          class="nn-button nn-button-secondary"
          onClick={() => update({ points: [...pts, nextOutlier(pts)] })}
          disabled={full}
          aria-describedby={full ? limitId : undefined}
        >
          Add an outlier
        </button>
        <Button onClick={() => update({ points: [] })} disabled={pts.length === 0}>
          Remove all
        </Button>
        {full && (
          <p class="nn-status reg-limit" id={limitId} data-testid="outlier-limit">
            At most {MAX_OUTLIERS} outliers: remove one to add another.
          </p>
        )}
      </Controls>
      {pts.map((p, i) => (
        <Controls key={i} label={`Outlier ${i + 1}`}>
          <NumberField label={`outlier ${i + 1}: x`} value={p[0]} min={0} max={10} onChange={(v) => setPoint(i, [v, p[1]])} />
          <NumberField label="y" value={p[1]} min={OUTLIER_DOMAIN.y[0]} max={OUTLIER_DOMAIN.y[1]} onChange={(v) => setPoint(i, [p[0], v])} />
          <Button onClick={() => update({ points: pts.filter((_, k) => k !== i) })} label={`Remove outlier ${i + 1}`}>
            Remove
          </Button>
        </Controls>
      ))}
    </div>
  );
}
