import type { NetworkDrawing, NetworkFrame } from '../../plots/regularization/network';
import { PlotLayer } from '../shared/PlotLayer';

/**
 * The network's lines and units in a layer over its plot (network.ts `networkDrawing`): a step
 * changes a few paths' `d` (one path per role, sign and level, keyed by it) and redraws no Plot.
 */
export function NetworkLayer({ frame, drawing }: { frame: NetworkFrame; drawing: NetworkDrawing }) {
  const f = drawing.followed;
  return (
    <PlotLayer width={frame.width} height={frame.height} class="reg-sgd-layer">
      <g fill="none" stroke-linecap="round">
        {drawing.lines.map((l) => (
          <path key={l.group} d={l.d} stroke={l.color} stroke-opacity={l.opacity} stroke-width={l.width} />
        ))}
      </g>
      {f && (
        <g stroke-linecap="round" data-testid="step-followed">
          {/* the followed weight: a halo in the card's colour, then a line in the text's colour (visible even at w = 0) */}
          <line x1={f.x1} y1={f.y1} x2={f.x2} y2={f.y2} stroke="var(--card)" stroke-width={7} />
          <line x1={f.x1} y1={f.y1} x2={f.x2} y2={f.y2} stroke="currentColor" stroke-width={2.5} />
        </g>
      )}
      {drawing.units.map((u, k) =>
        u.endpoint ? (
          <circle key={k} cx={u.cx} cy={u.cy} r={5} fill="currentColor" stroke="var(--card)" stroke-width={1.5} />
        ) : (
          <circle key={k} cx={u.cx} cy={u.cy} r={3} fill="var(--card)" stroke="currentColor" stroke-width={1} />
        ),
      )}
    </PlotLayer>
  );
}
