import { CURVE_FRAME, cursorLayout, type CurveDomains } from '../../plots/activations/curves';

/**
 * The explorer's cursor, in a layer over a curve plot (activations.css: .act-cursor): an SVG of
 * the plot's own size and viewBox, so it scales with it. Moving the cursor redraws only this.
 */
export function CurveCursor({ domains, x, points }: { domains: CurveDomains; x: number; points: readonly { y: number; color: string }[] }) {
  const c = cursorLayout(domains, { x, points });
  const { width, height } = CURVE_FRAME;
  return (
    <svg class="act-cursor" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      {c && (
        <>
          <line x1={c.x} x2={c.x} y1={c.top} y2={c.bottom} stroke="currentColor" stroke-opacity={0.6} stroke-dasharray="3,3" />
          {c.dots.map((d, i) => (
            <circle key={i} cx={d.cx} cy={d.cy} r={4.5} fill={d.color} stroke="var(--card)" />
          ))}
        </>
      )}
    </svg>
  );
}
