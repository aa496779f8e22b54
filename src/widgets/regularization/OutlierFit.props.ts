import type { PropSpecs } from '../shared/props';

/** Props of <OutlierFit>. */
export const outlierFitProps = {
  outliers: { type: 'number', default: 2, min: 0, max: 3, integer: true, description: 'How many of the preset outliers to start with.' },
} satisfies PropSpecs;
