import type { Method } from '@neural-notes/nn';
import { EPOCHS, type ExperimentOutput, type ExperimentSettings, type LiveCost } from '../../models/regularization/experiment';
import { formatNumber } from '../../lib/format';
import { METHOD_LABELS } from '../../plots/regularization/labels';

/** Penalty term as written in the cost, for the readout. */
function penaltyText(m: Method, s: ExperimentSettings): string {
  if (m === 'none') return 'no penalty';
  if (m === 'l1') return `${s.lambda}·Σ|w|`;
  if (m === 'l2') return `${s.lambda}·Σw²/2`;
  return `${s.lambda}·(${s.mix}·Σ|w| + ${formatNumber(1 - s.mix, 3)}·Σw²/2)`;
}

const cost = (data: number, penalty: number, m: Method, s: ExperimentSettings) =>
  `${formatNumber(data, 4)} (Σ|ŷ − y|) + ${formatNumber(penalty, 4)} (${penaltyText(m, s)}) = ${formatNumber(data + penalty, 4)}`;

/**
 * The two terms of the cost: of the epoch that just finished while the experiment trains, else of
 * the last epoch of the most recent run; and a warning for runs that diverged. `before` is the
 * output on show before a job started: its line stays until the job's first epoch arrives, so that
 * the figure does not shrink and grow again as a rerun starts.
 */
export function ExperimentReadout({ output, live, before }: { output: ExperimentOutput; live: LiveCost | null; before?: ExperimentOutput }) {
  const diverged = output.runs.filter((r) => r.status === 'diverged');
  const from = !output.runs.length && before?.runs.length ? before : output;
  const s = from.settings;
  const latest = from.runs[from.runs.length - 1];
  return (
    <>
      {diverged.length > 0 && (
        <p class="nn-status nn-status-warn" role="status">
          {diverged.length} run{diverged.length > 1 ? 's' : ''} diverged (the numbers overflowed, so training stopped); they are left out of the plots and the
          statistics. A smaller learning rate or λ keeps training stable.
        </p>
      )}
      {live && (
        <p class="nn-readout reg-readout" data-testid="exp-cost-live" aria-live="off">
          Training {METHOD_LABELS[live.method]}, run {live.run + 1}, epoch {live.epoch} of {EPOCHS}: mean cost per step = {cost(live.dataLoss, live.penalty, live.method, s)}
        </p>
      )}
      {latest && !live && (
        <p class="nn-readout reg-readout" data-testid="exp-cost">
          {METHOD_LABELS[latest.method]}, run {latest.run + 1}
          {latest.status === 'diverged'
            ? ': diverged'
            : `, epoch ${latest.dataLoss.length}: cost per step = ${cost(latest.dataLoss[latest.dataLoss.length - 1], latest.penalty[latest.penalty.length - 1], latest.method, s)}`}
        </p>
      )}
    </>
  );
}
