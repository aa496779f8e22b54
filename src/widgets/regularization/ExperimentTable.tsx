import type { ExperimentOutput } from '../../models/regularization/experiment';
import type { MethodSummary } from '../../models/regularization/summary';
import { exactError, formatError, formatNumber } from '../../lib/format';
import { MeanSd } from './MeanSd';
import { MethodHeading } from './MethodHeading';

/**
 * The experiment's table: the total test error of every run per penalty, and the summaries. (The
 * post's own numbers have their table below it, with where each falls among these runs.)
 */
export function ExperimentTable({ output, summaries }: { output: ExperimentOutput; summaries: readonly MethodSummary[] }) {
  const { methods, runs: perMethod } = output.settings;
  const rows = Array.from({ length: perMethod }, (_, r) => r);
  const byKey = new Map(output.runs.map((r) => [`${r.method}-${r.run}`, r]));
  return (
    <div class="nn-table-scroll reg-table-wrap" tabIndex={0} role="region" aria-label="Total test error of every run (table)">
      <table class="nn-table reg-table" data-testid="exp-table">
        <caption class="visually-hidden">Total test error of every run</caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            {methods.map((m) => <MethodHeading key={m} method={m} />)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {methods.map((m) => {
                const run = byKey.get(`${m}-${r}`);
                return (
                  <td key={m} data-testid={`err-${m}-${r}`} title={exactError(run?.testError)}>
                    {!run ? '…' : run.status === 'diverged' ? 'diverged' : formatError(run.testError)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="reg-joined">
            <th scope="row">mean ± sd</th>
            {summaries.map((s) => (
              <td key={s.method} data-testid={`mean-${s.method}`}>
                <MeanSd value={s} />
              </td>
            ))}
          </tr>
          {/* On a phone mean and sd take a row each (regularization.css), so the columns stay narrow. */}
          {(['mean', 'sd'] as const).map((key) => (
            <tr class="reg-split" key={key}>
              <th scope="row">{key}</th>
              {summaries.map((s, i) => (
                <td key={i}>{formatError(s[key])}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">weights |w| &lt; 0.01 (of 220)</th>
            {summaries.map((s) => (
              <td key={s.method}>{s.meanNearZero === null ? '—' : formatNumber(s.meanNearZero, 3)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">hidden units off (of 30)</th>
            {summaries.map((s) => (
              <td key={s.method} data-testid={`off-${s.method}`}>
                {s.meanUnitsOff === null ? '—' : formatNumber(s.meanUnitsOff, 3)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
