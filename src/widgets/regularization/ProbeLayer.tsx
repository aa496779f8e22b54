import type { Vec2 } from '@neural-notes/nn';
import { plusPath, PROBE_RADIUS, toPixels, type GeometryFrame } from '../../plots/regularization/geometry';
import { PlotLayer } from '../shared/PlotLayer';

/**
 * The geometry figure's probe point, in a layer over one of its drawings (PlotLayer). Moving the
 * probe redraws only this, not the contours and the penalty.
 */
export function ProbeLayer({ probe, frame, class: className }: { probe: Vec2; frame: GeometryFrame; class: string }) {
  const [px, py] = toPixels(probe, frame);
  return (
    <PlotLayer width={frame.width} height={frame.height} class={className}>
      {Number.isFinite(px) && Number.isFinite(py) && (
        <path transform={`translate(${px},${py})`} d={plusPath(PROBE_RADIUS)} fill="none" stroke="var(--accent)" stroke-width={2} data-testid="geo-probe" />
      )}
    </PlotLayer>
  );
}
