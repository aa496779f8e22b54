import { MAX_OUTLIERS, OUTLIER_DOMAIN, PRESET_OUTLIERS } from '../../models/regularization/outliers';
import { defineFigure } from '../figure';
import { LINE_DATA } from '../own-data';

export default defineFigure({
  name: 'OutlierFit',
  description: 'Absolute versus squared loss on points with outliers the reader adds, drags and types; both lines refitted exactly at every move.',
  defaultId: 'outliers',
  frame: { minHeight: 760 },
  settings: {
    points: {
      type: 'points', default: PRESET_OUTLIERS.slice(0, 2), x: OUTLIER_DOMAIN.x, y: OUTLIER_DOMAIN.y, maxItems: MAX_OUTLIERS,
      label: 'outlier', description: 'The outliers shown at first, as [x, y] pairs.',
    },
    ownData: LINE_DATA,
  },
});
