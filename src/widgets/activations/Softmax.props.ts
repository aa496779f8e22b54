import type { PropSpecs } from '../shared/props';
import { SOFTMAX_PRESETS } from './logic';

export const softmaxProps = {
  preset: { type: 'enum', values: SOFTMAX_PRESETS.map((p) => p.key), default: 'clear', description: 'Logits shown at first.' },
  temperature: { type: 'number', default: 1, min: 0.1, max: 5, description: 'Temperature T at first.' },
} satisfies PropSpecs;
