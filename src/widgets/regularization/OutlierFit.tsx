import { useMemo, useRef } from 'preact/hooks';
import { PlotView } from '../shared/PlotView';
import { Button, Controls, NumberField } from '../shared/controls';
import { listCodec, useUrlState, type Codec } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import { FIT_COLORS, OUTLIER_DOMAIN, OUTLIER_SIZE, outlierToData, outliersPlot } from '../../plots/regularization/outliers';
import { leastAbsoluteLine, leastSquaresLine, lineLoss } from '@neural-notes/nn';
import { basePoints, TRUE_LINE, type Line, type Point } from './outliers';
import './regularization.css';

export const PRESET_OUTLIERS: Point[] = [
  [7.5, 2],
  [9, 3],
  [2, 24],
];
const MAX_OUTLIERS = 12;

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
const describe = (l: Line | null) => (l ? `ŷ = ${fmt(l.intercept)} + ${fmt(l.slope)}x` : 'needs two points with different x');

export default function OutlierFit({ id, outliers }: { id: string; outliers: number }) {
  const [state, update] = useUrlState<{ points: Point[] }>(id, codecs, { points: PRESET_OUTLIERS.slice(0, outliers) });
  const base = useMemo(() => basePoints(), []);
  const drag = useRef<number | null>(null);
  const pts = state.points;
  const all = useMemo(() => [...base, ...pts], [base, pts]);
  const absolute = useMemo(() => leastAbsoluteLine(all), [all]);
  const squared = useMemo(() => leastSquaresLine(all), [all]);
  const options = useMemo(() => outliersPlot(base, pts, { absolute, squared, truth: TRUE_LINE }), [base, pts, absolute, squared]);

  const toPoint = (e: PointerEvent): Point | null => {
    const svgs = (e.currentTarget as HTMLElement).querySelectorAll('svg');
    const svg = svgs[svgs.length - 1];
    if (!svg) return null;
    const r = svg.getBoundingClientRect();
    if (r.width === 0) return null;
    const [x, y] = outlierToData(((e.clientX - r.left) * OUTLIER_SIZE.width) / r.width, ((e.clientY - r.top) * OUTLIER_SIZE.height) / r.height);
    if (x < OUTLIER_DOMAIN.x[0] || x > OUTLIER_DOMAIN.x[1] || y < OUTLIER_DOMAIN.y[0] || y > OUTLIER_DOMAIN.y[1]) return null;
    return [r2(x), r2(y)];
  };
  const nearest = (p: Point): number => {
    let best = -1;
    let bestD = Infinity;
    pts.forEach((q, i) => {
      // distance in plot units, scaled so both axes count alike (10 wide, 36 tall)
      const d = Math.hypot((q[0] - p[0]) / 10, (q[1] - p[1]) / 36);
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
          } else if (pts.length < MAX_OUTLIERS) {
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
        <PlotView options={options} label="Points near the line y = 1 + 2x, the outliers (red circles), and the lines fitted with absolute and with squared loss" />
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
        <Button onClick={() => update({ points: [...pts, [8, 0]] })} disabled={pts.length >= MAX_OUTLIERS}>
          Add an outlier
        </Button>
        <Button onClick={() => update({ points: [] })} disabled={pts.length === 0}>
          Remove all
        </Button>
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
