import type { PropSpecs } from '../shared/props';

/** Props of <PenaltyGeometry>. */
export const penaltyGeometryProps = {
  method: { type: 'enum', values: ['l1', 'l2', 'elastic'], default: 'l1', description: 'Penalty drawn first.' },
  lambda: { type: 'number', default: 1, min: 0, max: 3, description: 'Starting λ.' },
} satisfies PropSpecs;
