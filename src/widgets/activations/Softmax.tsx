import { softmax, softmaxJacobian } from '@neural-notes/nn';
import { useMemo, useState } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/activations/Softmax.figure';
import { SOFTMAX_PRESETS, classLabels, naiveSoftmaxFails, selectedClass } from '../../models/activations/softmax';
import { formatNumber, formatProbability } from '../../lib/format';
import { softmaxBars, softmaxPlot } from '../../plots/activations/softmax';
import { Button, Controls, NumberField, Select } from '../shared/controls';
import { DualPlot } from '../shared/DualPlot';
import { Field, numberRule } from '../shared/Field';
import { useFigureState } from '../shared/figure-state';
import { useLiveValues } from '../shared/live';
import { UrlNotice } from '../shared/UrlNotice';
import './activations.css';

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const LOGITS = figure.settings.logits;
const { j: J, k: K } = figure.settings;

/** Softmax of editable logits: presets, a temperature, the stable computation and the Jacobian. */
export default function Softmax({ id, settings }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const update = state.update;
  const [message, setMessage] = useState<string | null>(null);
  const { logits: z, temperature: t } = state.values;
  const j = selectedClass(state.values.j, z.length);
  const k = selectedClass(state.values.k, z.length);
  useLiveValues(figure, id, state.values);
  const probs = useMemo(() => softmax(z, t), [z, t]);
  const labels = classLabels(z.length);
  const [wide, narrow] = useMemo(
    () => {
      const bars = softmaxBars(probs, labels);
      // built only for the drawing on screen (DualPlot)
      return [() => softmaxPlot(bars), () => softmaxPlot(bars, { compact: true })];
    },
    // labels follow z.length
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [probs],
  );
  const pMax = Math.max(...probs);
  const zMax = Math.max(...z);
  const naiveFails = naiveSoftmaxFails(z, t);
  const jacobian = useMemo(() => (z.length <= 5 ? softmaxJacobian(z, t) : null), [z, t]);

  // The parts that do not follow the temperature are kept as they were rendered (the same elements
  // for Preact to skip), so a temperature step renders only what it changes.
  const atOne = t === 1;
  const presets = useMemo(
    () => (
      <div class="act-presets" role="group" aria-label="Worked cases">
        {SOFTMAX_PRESETS.map((p) => (
          <button
            type="button"
            key={p.key}
            class="nn-button nn-button-secondary"
            aria-pressed={sameList(z, p.logits) && atOne ? 'true' : 'false'}
            data-preset={p.key}
            title={`${p.label}: [${p.logits.join(', ')}]`}
            onClick={() => {
              setMessage(null);
              update({ logits: [...p.logits], temperature: 1 });
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
    ),
    [z, atOne, update],
  );
  const logitControls = useMemo(() => {
    const setLogit = (i: number, v: number) => update({ logits: z.map((old, k) => (k === i ? v : old)) });
    const add = () => {
      if (z.length >= LOGITS.maxItems) return setMessage(`${LOGITS.maxItems} classes is the most this figure takes; remove one first.`);
      setMessage(null);
      update({ logits: [...z, 0] });
    };
    const remove = (i: number) => {
      if (z.length <= LOGITS.minItems) return setMessage(`Softmax needs at least ${LOGITS.minItems} classes to compare.`);
      setMessage(null);
      update({ logits: z.filter((_, k) => k !== i) });
    };
    return (
      <Controls label="Logits">
        <div class="act-logits">
          {z.map((v, i) => (
            <div class="act-logit" key={`${i}-${z.length}`}>
              <NumberField setting="logits" label={`${LOGITS.label}${i + 1}`} value={v} size={4} {...numberRule(LOGITS)} onChange={(nv) => setLogit(i, nv)} />
              <Button onClick={() => remove(i)} label={`Remove class ${i + 1}`}>
                ×
              </Button>
            </div>
          ))}
          <Button onClick={add}>Add class</Button>
        </div>
      </Controls>
    );
  }, [z, update]);
  const classSelects = useMemo(
    () => (
      <>
        <Select setting="j" label={J.label} value={String(j)} options={labels.map((l) => ({ value: l, label: l }))} onChange={(v) => update({ j: Number(v) })} />
        <Select setting="k" label={K.label} value={String(k)} options={labels.map((l) => ({ value: l, label: l }))} onChange={(v) => update({ k: Number(v) })} />
      </>
    ),
    // labels follow z.length
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [z.length, j, k, update],
  );

  return (
    <div class="act-softmax" data-widget="softmax">
      {presets}
      <DualPlot wide={wide} narrow={narrow} label={`Softmax probabilities of ${z.length} classes`} />
      <p class="nn-readout act-readout">
        σ(z) = [<output data-testid="softmax-probs">{probs.map(formatProbability).join(', ')}</output>]
      </p>
      {logitControls}
      {message && (
        <p class="nn-error" role="alert">
          {message}
        </p>
      )}
      <Controls label="Temperature and the classes the formulas follow">
        <Field state={state} name="temperature" format={(v) => formatNumber(v, 2)} />
        {classSelects}
      </Controls>
      <UrlNotice state={state} />
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
          <summary>Jacobian ∂σ<sub>j</sub>/∂z<sub>k</sub> for these logits (pick an entry to follow it in the formulas)</summary>
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
                {jacobian.map((row, r) => (
                  <tr key={r}>
                    <th scope="row">{labels[r]}</th>
                    {row.map((v, c) => (
                      <td key={c} class={r + 1 === j && c + 1 === k ? 'act-cell-selected' : undefined}>
                        <button
                          type="button"
                          class="act-cell"
                          aria-pressed={r + 1 === j && c + 1 === k ? 'true' : 'false'}
                          aria-label={`∂σ${r + 1}/∂z${c + 1} = ${formatNumber(v, 3)}: show j = ${r + 1}, k = ${c + 1} in the formulas`}
                          onClick={() => update({ j: r + 1, k: c + 1 })}
                        >
                          {formatNumber(v, 3)}
                        </button>
                      </td>
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
