import { softmax, softmaxJacobian } from '@neural-notes/nn';
import { useMemo, useState } from 'preact/hooks';
import { softmaxPlot } from '../../plots/activations/softmax';
import { Button, Controls, NumberField, Slider } from '../shared/controls';
import { DualPlot } from './DualPlot';
import { listCodec, numberCodec, useUrlState } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import {
  LOGIT_LIMIT, MAX_CLASSES, MIN_CLASSES, SOFTMAX_PRESETS, classLabels, formatProbability, naiveSoftmaxFails,
} from './logic';
import './activations.css';

interface Props {
  id: string;
  preset: string;
  temperature: number;
}

interface State {
  z: number[];
  t: number;
}

const codecs = {
  z: listCodec(numberCodec(-LOGIT_LIMIT, LOGIT_LIMIT), { min: MIN_CLASSES, max: MAX_CLASSES }),
  t: numberCodec(0.1, 5),
};

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Softmax of editable logits: presets, a temperature, the stable computation and the Jacobian. */
export default function Softmax({ id, preset, temperature }: Props) {
  const defaults = useMemo<State>(
    () => ({ z: [...(SOFTMAX_PRESETS.find((p) => p.key === preset) ?? SOFTMAX_PRESETS[0]).logits], t: temperature }),
    [preset, temperature],
  );
  const [state, update] = useUrlState(id, codecs, defaults);
  const [message, setMessage] = useState<string | null>(null);
  const { z, t } = state;
  const probs = useMemo(() => softmax(z, t), [z, t]);
  const labels = classLabels(z.length);
  const [wide, narrow] = useMemo(
    () => {
      const bars = probs.map((p, i) => ({ label: labels[i], p, text: formatProbability(p) }));
      return [softmaxPlot(bars), softmaxPlot(bars, { compact: true })];
    },
    // labels follow z.length
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [probs],
  );
  const pMax = Math.max(...probs);
  const zMax = Math.max(...z);
  const naiveFails = naiveSoftmaxFails(z, t);
  const jacobian = useMemo(() => (z.length <= 5 ? softmaxJacobian(z, t) : null), [z, t]);

  const setLogit = (i: number, v: number) => update({ z: z.map((old, k) => (k === i ? v : old)) });
  const add = () => {
    if (z.length >= MAX_CLASSES) return setMessage(`${MAX_CLASSES} classes is the most this figure takes; remove one first.`);
    setMessage(null);
    update({ z: [...z, 0] });
  };
  const remove = (i: number) => {
    if (z.length <= MIN_CLASSES) return setMessage(`Softmax needs at least ${MIN_CLASSES} classes to compare.`);
    setMessage(null);
    update({ z: z.filter((_, k) => k !== i) });
  };

  return (
    <div class="act-softmax" data-widget="softmax">
      <div class="act-presets" role="group" aria-label="Worked cases">
        {SOFTMAX_PRESETS.map((p) => (
          <button
            type="button"
            key={p.key}
            class="nn-button nn-button-secondary"
            aria-pressed={sameList(z, p.logits) && t === 1 ? 'true' : 'false'}
            data-preset={p.key}
            title={`${p.label}: [${p.logits.join(', ')}]`}
            onClick={() => {
              setMessage(null);
              update({ z: [...p.logits], t: 1 });
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
      <DualPlot wide={wide} narrow={narrow} label={`Softmax probabilities of ${z.length} classes`} />
      <p class="nn-readout act-readout">
        σ(z) = [<output data-testid="softmax-probs">{probs.map(formatProbability).join(', ')}</output>]
      </p>
      <Controls label="Logits">
        <div class="act-logits">
          {z.map((v, i) => (
            <div class="act-logit" key={`${i}-${z.length}`}>
              <NumberField label={`z${i + 1}`} value={v} size={4} min={-LOGIT_LIMIT} max={LOGIT_LIMIT} onChange={(nv) => setLogit(i, nv)} />
              <Button onClick={() => remove(i)} label={`Remove class ${i + 1}`}>
                ×
              </Button>
            </div>
          ))}
          <Button onClick={add}>Add class</Button>
        </div>
      </Controls>
      {message && (
        <p class="nn-error" role="alert">
          {message}
        </p>
      )}
      <Controls label="Temperature">
        <Slider label="Temperature T" value={t} min={0.1} max={5} step={0.1} format={(v) => formatNumber(v, 2)} onChange={(v) => update({ t: Math.round(v * 10) / 10 })} />
      </Controls>
      <p class="act-note">
        Largest logit m = {formatNumber(zMax, 6)}. Subtracting it first, the exponentials are e<sup>(z−m)/T</sup> = [
        {probs.map((p) => formatNumber(p / pMax, 3)).join(', ')}], all at most 1, summing to {formatNumber(1 / pMax, 4)}.{' '}
        {naiveFails ? (
          <strong data-testid="naive-status">
            Evaluated as written, the exponentials e<sup>z/T</sup> leave the range of a 64-bit float here (they overflow, or all round to 0), so the division has no meaningful answer; the shifted version gives the right one, because the common factor e<sup>−m/T</sup> cancels.
          </strong>
        ) : (
          <span data-testid="naive-status">Here the formula as written would also work; try “Huge logits” to see where it stops.</span>
        )}
      </p>
      {jacobian ? (
        <details class="act-details">
          <summary>Jacobian ∂σ<sub>j</sub>/∂z<sub>k</sub> for these logits</summary>
          <div class="nn-table-scroll" tabIndex={0} role="region" aria-label="Softmax Jacobian (table)">
            <table class="nn-table">
              <thead>
                <tr>
                  <th scope="col">j \ k</th>
                  {labels.map((l) => (
                    <th scope="col" key={l}>
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {jacobian.map((row, j) => (
                  <tr key={j}>
                    <th scope="row">{labels[j]}</th>
                    {row.map((v, k) => (
                      <td key={k}>{formatNumber(v, 3)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : (
        <p class="act-note">(The Jacobian table is shown for up to 5 classes.)</p>
      )}
    </div>
  );
}
