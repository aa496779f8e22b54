import { CURVE_FRAME, cursorLayout, type CurveDomains } from '../../plots/activations/curves';
import { PlotLayer } from '../shared/PlotLayer';

/**
 * The explorer's cursor, in a layer over a curve plot (PlotLayer). Moving the cursor redraws only this.
 */
export function CurveCursor({ domains, x, points }: { domains: CurveDomains; x: number; points: readonly { y: number; color: string }[] }) {
  const c = cursorLayout(domains, { x, points });
  return (
    <PlotLayer width={CURVE_FRAME.width} height={CURVE_FRAME.height} class="act-cursor">
      {c && (
        <>
          <line x1={c.x} x2={c.x} y1={c.top} y2={c.bottom} stroke="currentColor" stroke-opacity={0.6} stroke-dasharray="3,3" />
          {c.dots.map((d, i) => (
            <circle key={i} cx={d.cx} cy={d.cy} r={4.5} fill={d.color} stroke="var(--card)" />
          ))}
        </>
      )}
    </PlotLayer>
  );
}
