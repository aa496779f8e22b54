import { softmax } from '@neural-notes/nn';
import { LOGIT_LIMIT, MAX_CLASSES, MIN_CLASSES, SOFTMAX_PRESETS, selectedClass } from '../../models/activations/softmax';
import { defineFigure } from '../figure';

export default defineFigure({
  name: 'Softmax',
  description:
    'Softmax of editable logits as a bar chart, with a temperature control, the source’s worked cases as one-click presets, a huge-logit case that stays exact, and the Jacobian; a selected class j (and k) lends its numbers to the formulas.',
  defaultId: 'softmax',
  frame: { minHeight: 600 },
  settings: {
    logits: {
      type: 'numbers', default: [...SOFTMAX_PRESETS[0].logits], min: -LOGIT_LIMIT, max: LOGIT_LIMIT, minItems: MIN_CLASSES, maxItems: MAX_CLASSES,
      label: 'z', url: 'z', description: 'Logits shown at first (the default is the source’s first worked case).',
    },
    temperature: { type: 'number', default: 1, min: 0.1, max: 5, step: 0.1, label: 'Temperature T', url: 't', description: 'Temperature T at first.' },
    j: { type: 'number', default: 1, min: 1, max: MAX_CLASSES, integer: true, label: 'Class j', description: 'The class whose probability the formulas work out (and the Jacobian’s row); beyond the last class, the last.' },
    k: { type: 'number', default: 2, min: 1, max: MAX_CLASSES, integer: true, label: 'Class k', description: 'The Jacobian’s column ∂σⱼ/∂zₖ the formulas work out; beyond the last class, the last.' },
  },
  live: {
    example: String.raw`\sigma(z)_{\live{j}} = \frac{e^{\live{zj} / \live{T}}}{\sum_{k} e^{z_k / \live{T}}} = \frac{\live{expj}}{\live{sum}} = \live{pj}`,
    values: {
      j: { label: 'j', description: 'The selected class j.', digits: 2, chars: 2 },
      k: { label: 'k', description: 'The selected class k.', digits: 2, chars: 2 },
      zj: { label: 'zⱼ', description: 'The logit of class j.', digits: 4 },
      zk: { label: 'zₖ', description: 'The logit of class k.', digits: 4 },
      T: { label: 'T', description: 'The temperature.', digits: 2, chars: 3 },
      m: { label: 'm', description: 'The largest logit, m = maxₖ zₖ.', digits: 4 },
      expj: { label: 'e^(zⱼ/T)', description: 'e^(zⱼ/T) as written (∞ when it overflows a 64-bit float).', digits: 4 },
      sum: { label: 'Σₖ e^(zₖ/T)', description: 'The denominator as written, Σₖ e^(zₖ/T) (∞ when it overflows).', digits: 4 },
      shiftj: { label: 'e^((zⱼ−m)/T)', description: 'Class j’s shifted exponential, at most 1.', digits: 4 },
      shiftsum: { label: 'Σₖ e^((zₖ−m)/T)', description: 'The sum of the shifted exponentials, between 1 and K.', digits: 4 },
      pj: { label: 'σⱼ', description: 'The probability of class j.', decimals: 3 },
      pk: { label: 'σₖ', description: 'The probability of class k.', decimals: 3 },
      kron: { label: 'δⱼₖ', description: '1 if j = k, else 0.', digits: 1, chars: 1 },
      jac: { label: '∂σⱼ/∂zₖ', description: 'The Jacobian entry σⱼ(δⱼₖ − σₖ)/T.', digits: 3 },
    },
    compute({ logits, temperature: T, j: jSetting, k: kSetting }) {
      const j = selectedClass(jSetting, logits.length);
      const k = selectedClass(kSetting, logits.length);
      const p = softmax(logits, T);
      const m = Math.max(...logits);
      let sum = 0;
      let shiftsum = 0;
      for (const z of logits) {
        sum += Math.exp(z / T);
        shiftsum += Math.exp((z - m) / T);
      }
      const kron = j === k ? 1 : 0;
      return {
        j, k, zj: logits[j - 1], zk: logits[k - 1], T, m,
        expj: Math.exp(logits[j - 1] / T), sum,
        shiftj: Math.exp((logits[j - 1] - m) / T), shiftsum,
        pj: p[j - 1], pk: p[k - 1], kron,
        jac: (p[j - 1] * (kron - p[k - 1])) / T,
      };
    },
  },
});
