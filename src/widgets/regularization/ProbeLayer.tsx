import type { Vec2 } from '@neural-notes/nn';
import { plusPath, PROBE_RADIUS, toPixels, type GeometryFrame } from '../../plots/regularization/geometry';

/**
 * The geometry figure's probe point, in a layer over one of its drawings (regularization.css:
 * .reg-overlay): an SVG of the drawing's size and viewBox, so it scales with it. Moving the probe
 * redraws only this, not the contours and the penalty.
 */
export function ProbeLayer({ probe, frame, class: className }: { probe: Vec2; frame: GeometryFrame; class: string }) {
  const [px, py] = toPixels(probe, frame);
  const { width, height } = frame;
  return (
    <svg class={`reg-overlay ${className}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      {Number.isFinite(px) && Number.isFinite(py) && (
        <path transform={`translate(${px},${py})`} d={plusPath(PROBE_RADIUS)} fill="none" stroke="var(--accent)" stroke-width={2} data-testid="geo-probe" />
      )}
    </svg>
  );
}
