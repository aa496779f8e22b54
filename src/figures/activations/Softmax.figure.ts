import { LOGIT_LIMIT, MAX_CLASSES, MIN_CLASSES, SOFTMAX_PRESETS } from '../../models/activations/softmax';
import { defineFigure } from '../figure';

export default defineFigure({
  name: 'Softmax',
  description:
    'Softmax of editable logits as a bar chart, with a temperature control, the source’s worked cases as one-click presets, a huge-logit case that stays exact, and the Jacobian.',
  defaultId: 'softmax',
  frame: { minHeight: 600 },
  settings: {
    logits: {
      type: 'numbers', default: [...SOFTMAX_PRESETS[0].logits], min: -LOGIT_LIMIT, max: LOGIT_LIMIT, minItems: MIN_CLASSES, maxItems: MAX_CLASSES,
      label: 'z', url: 'z', description: 'Logits shown at first (the default is the source’s first worked case).',
    },
    temperature: { type: 'number', default: 1, min: 0.1, max: 5, step: 0.1, label: 'Temperature T', url: 't', description: 'Temperature T at first.' },
  },
});
