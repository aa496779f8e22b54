import figure from '../../figures/regularization/SgdStep.figure';
import { formatCode, formatLive } from '../../lib/live-formula-format';
import { WALK_METHODS, type WalkMethod } from '../../models/regularization/sgd-walk';
import { MethodHeading } from './MethodHeading';

/** A number as the live formulas write it (the same format, so the figure and the formulas read alike). */
const show = (name: string, value: number) => formatLive(value, formatCode(figure.live!.values[name]));

/** One row of the side-by-side readout: a label and each run's number (by live-value name). */
interface Row {
  label: string;
  /** The live value shown (per method: `l1.<key>`, `l2.<key>`). */
  key: string;
  /** What the row computes, per method, when the two differ. */
  how?: Partial<Record<WalkMethod, string>>;
  /** The row the comparison is about. */
  key_row?: boolean;
}

/**
 * The SGD step's numbers table: the step's numbers for the followed weight, the L1 run beside the
 * L2 run. `name`, `input` and `delta` are the followed weight, the activation into it and the error
 * backpropagated to it as the figure writes them (W⁽ˡ⁾ᵢ‚ⱼ, a⁽ˡ⁻¹⁾ᵢ or x, δ⁽ˡ⁾ⱼ); `numbers` are the
 * step's live values (`liveNumbers`).
 */
export function SgdStepTable({ step, name, input, delta, numbers }: { step: number; name: string; input: string; delta: string; numbers: Record<string, number> }) {
  const rows: Row[] = [
    { label: 'prediction ŷ', key: 'yhat' },
    { label: 'error |ŷ − y|', key: 'err' },
    { label: 'penalty', key: 'pen', how: { l1: 'λΣ|W|', l2: '½λΣW²' } },
    { label: 'cost', key: 'cost' },
    { label: `${input}, into ${name}`, key: 'a' },
    { label: `${delta}, backpropagated`, key: 'delta' },
    { label: '∂E/∂w = a·δ', key: 'grad' },
    { label: `${name} before`, key: 'w' },
    { label: 'penalty gradient', key: 'pgrad', how: { l1: 'λ·sign(w)', l2: 'λw' } },
    { label: 'data’s part, η·∂E/∂w', key: 'dmove' },
    { label: 'penalty’s part', key: 'pmove', how: { l1: 'ηλ·sign(w)', l2: 'ηλw' }, key_row: true },
    { label: `${name} after, w − both parts`, key: 'next' },
  ];
  const value = (m: WalkMethod, key: string) => show(`${m}.${key}`, numbers[`${m}.${key}`]);
  return (
    <div class="nn-table-scroll" tabIndex={0} role="region" aria-label={`Step ${step}, the L1 run beside the L2 run (table)`}>
      <table class="nn-table reg-sgd-table" data-testid="step-table">
        <caption class="visually-hidden">The numbers of step {step} for the followed weight {name}, L1 run beside L2 run</caption>
        {/* fixed columns: a new label or number never changes their widths */}
        <colgroup>
          <col class="reg-sgd-labels" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">step {step}</th>
            {WALK_METHODS.map((m) => <MethodHeading key={m} method={m} />)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} class={r.key_row ? 'reg-sgd-key' : undefined}>
              <th scope="row">{r.label}</th>
              {WALK_METHODS.map((m) => (
                <td key={m} data-testid={`step-${m}-${r.key}`}>
                  {r.how?.[m] && <span class="reg-sgd-how">{r.how[m]} = </span>}
                  <Aligned text={value(m, r.key)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A number of the table as one run of text of constant length: its whole part padded to two digits
 * and its sign's place kept with figure spaces (as wide as a digit), so that the decimal points line
 * up down a column and a new number starts where the last one started (nothing on screen moves).
 */
function Aligned({ text }: { text: string }) {
  const negative = text.startsWith('\u2212');
  const digits = negative ? text.slice(1) : text;
  const whole = digits.split('.')[0];
  const pad = /^\d+$/.test(whole) ? '\u2007'.repeat(Math.max(0, 2 - whole.length)) : '';
  return <span class="reg-aligned">{`${pad}${negative ? '\u2212' : '\u2007'}${digits}`}</span>;
}
