import { useId, useMemo, useRef } from 'preact/hooks';
import { leastAbsoluteLine, leastSquaresLine, lineLoss } from '@neural-notes/nn';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/regularization/OutlierFit.figure';
import { basePoints, nextOutlier, plotDistance, TRUE_LINE, type Line, type Point } from '../../models/regularization/outliers';
import { formatLine, formatNumber } from '../../lib/format';
import { padBox } from '../../plots/data-pad';
import { FIT_COLORS, OUTLIER_DOMAIN, OUTLIER_FRAMES, outlierToData, outliersPlot } from '../../plots/regularization/outliers';
import { Button, Controls, NumberField } from '../shared/controls';
import { DualPlot, pointerInDrawing } from '../shared/DualPlot';
import { useFigureState } from '../shared/figure-state';
import { OwnData } from '../shared/OwnData';
import { UrlNotice } from '../shared/UrlNotice';
import './regularization.css';

const POINTS = figure.settings.points;
const r2 = (v: number) => Math.round(v * 100) / 100;
const fmt = (v: number) => formatNumber(v, 3);
const describe = (l: Line | null) => (l ? formatLine(l) : 'needs two points with different x');

export default function OutlierFit({ id, settings }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const update = state.update;
  const builtIn = useMemo(() => basePoints(), []);
  const own = state.values.ownData as Point[] | null;
  const base = own ?? builtIn;
  const drag = useRef<number | null>(null);
  const pts = state.values.points as Point[];
  const all = useMemo(() => [...base, ...pts], [base, pts]);
  const absolute = useMemo(() => leastAbsoluteLine(all), [all]);
  const squared = useMemo(() => leastSquaresLine(all), [all]);
  // The usual box, grown to take in a reader's points outside it.
  const domain = useMemo(() => (own ? padBox(all, OUTLIER_DOMAIN) : OUTLIER_DOMAIN), [own, all]);
  const [wide, narrow] = useMemo(() => {
    const fits = { absolute, squared, truth: own ? null : TRUE_LINE };
    return [outliersPlot(base, pts, fits, { domain }), outliersPlot(base, pts, fits, { compact: true, domain })];
  }, [base, pts, absolute, squared, own, domain]);
  const full = pts.length >= POINTS.maxItems;
  const limitId = useId();

  const toPoint = (e: PointerEvent): Point | null => {
    const at = pointerInDrawing(e, OUTLIER_FRAMES);
    if (!at) return null;
    const [x, y] = outlierToData(at.x, at.y, at.frame, domain);
    if (x < POINTS.x[0] || x > POINTS.x[1] || y < POINTS.y[0] || y > POINTS.y[1]) return null;
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
        <DualPlot
          wide={wide}
          narrow={narrow}
          label={own ? 'Your points, the outliers (red circles), and the lines fitted with absolute and with squared loss' : 'Points near the line y = 1 + 2x, the outliers (red circles), and the lines fitted with absolute and with squared loss'}
        />
      </div>
      <p class="nn-status">Click or tap the figure to add an outlier; drag an outlier to move it; or edit them below.</p>
      <p class="nn-readout reg-readout" data-testid="outlier-fits">
        <span style={{ color: FIT_COLORS.absolute }}>■</span> absolute loss: {describe(absolute)}
        {absolute && `, Σ|y − ŷ| = ${fmt(lineLoss('absolute', absolute, all))}`}
        <br />
        <span style={{ color: FIT_COLORS.squared }}>■</span> squared loss: {describe(squared)}
        {squared && `, Σ(y − ŷ)² = ${fmt(lineLoss('squared', squared, all))}`}
        <br />
        {own ? `your data: ${own.length} points, and ${pts.length} outlier${pts.length === 1 ? '' : 's'}` : 'true line: ŷ = 1 + 2x'}
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
            At most {POINTS.maxItems} outliers: remove one to add another.
          </p>
        )}
      </Controls>
      {pts.map((p, i) => (
        <Controls key={i} label={`Outlier ${i + 1}`}>
          <NumberField setting="points" label={`${POINTS.label} ${i + 1}: x`} value={p[0]} min={POINTS.x[0]} max={POINTS.x[1]} onChange={(v) => setPoint(i, [v, p[1]])} />
          <NumberField setting="points" label="y" value={p[1]} min={POINTS.y[0]} max={POINTS.y[1]} onChange={(v) => setPoint(i, [p[0], v])} />
          <Button onClick={() => update({ points: pts.filter((_, k) => k !== i) })} label={`Remove outlier ${i + 1}`}>
            Remove
          </Button>
        </Controls>
      ))}
      <OwnData state={state} name="ownData" defaults={() => Promise.resolve(builtIn)} />
      <UrlNotice state={state} />
    </div>
  );
}
