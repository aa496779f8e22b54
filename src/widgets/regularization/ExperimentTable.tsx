import { useEffect, useRef } from 'preact/hooks';
import type { ExperimentOutput } from '../../models/regularization/experiment';
import type { MethodSummary } from '../../models/regularization/summary';
import { exactError, formatError, formatNumber } from '../../lib/format';
import { whenIdle } from '../shared/idle';
import { MeanSd } from './MeanSd';
import { MethodHeading } from './MethodHeading';

/**
 * The experiment's table: the total test error of every run per penalty, and the summaries. (The
 * post's own numbers have their table below it, with where each falls among these runs.)
 *
 * While a job runs, the columns and the summary rows keep at least the widths and heights they had
 * when it started: a cell waiting for its run ("…", "—") is smaller than a number, and the table
 * would otherwise shrink as the job starts (its row names and summaries unwrapping) and grow back as
 * runs finish, moving what is below it. The sizes are read when the page is idle after the table
 * changes or the window is resized, so that a job's start does not lay the page out once more in the
 * reader's click; only a job that starts before then reads them as it starts.
 */
export function ExperimentTable({ output, summaries, running = false }: { output: ExperimentOutput; summaries: readonly MethodSummary[]; running?: boolean }) {
  const { methods, runs: perMethod } = output.settings;
  const rows = Array.from({ length: perMethod }, (_, r) => r);
  const byKey = new Map(output.runs.map((r) => [`${r.method}-${r.run}`, r]));
  const table = useRef<HTMLTableElement>(null);
  const shape = useRef<{ widths: number[]; heights: number[] } | null>(null);
  const read = () => {
    const t = table.current;
    if (!t?.tHead || !t.tFoot) return;
    const size = (rows: HTMLCollectionOf<HTMLElement>, side: 'width' | 'height') => [...rows].map((el) => el.getBoundingClientRect()[side]);
    shape.current = { widths: size(t.tHead.rows[0].cells, 'width'), heights: size(t.tFoot.rows, 'height') };
  };
  // rendering a job's first state, before the DOM changes: the table on show
  if (running && !shape.current) read();
  useEffect(() => {
    if (running) return;
    shape.current = null;
    let cancel = whenIdle(read);
    const later = () => {
      cancel();
      cancel = whenIdle(read);
    };
    window.addEventListener('resize', later);
    return () => {
      cancel();
      window.removeEventListener('resize', later);
    };
  }, [running, output]);
  const kept = running && shape.current?.widths.length === methods.length + 1 ? shape.current : null;
  const footRow = (i: number) => (kept ? { height: `${kept.heights[i]}px` } : undefined);
  return (
    <div class="nn-table-scroll reg-table-wrap" tabIndex={0} role="region" aria-label="Total test error of every run (table)">
      <table class="nn-table reg-table" data-testid="exp-table" ref={table}>
        <caption class="visually-hidden">Total test error of every run</caption>
        {kept && (
          <colgroup>
            {kept.widths.map((w, i) => (
              <col key={i} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
        )}
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
          <tr class="reg-joined" style={footRow(0)}>
            <th scope="row">mean ± sd</th>
            {summaries.map((s) => (
              <td key={s.method} data-testid={`mean-${s.method}`}>
                <MeanSd value={s} />
              </td>
            ))}
          </tr>
          {/* On a phone mean and sd take a row each (regularization.css), so the columns stay narrow. */}
          {(['mean', 'sd'] as const).map((key, i) => (
            <tr class="reg-split" key={key} style={footRow(1 + i)}>
              <th scope="row">{key}</th>
              {summaries.map((s, i) => (
                <td key={i}>{formatError(s[key])}</td>
              ))}
            </tr>
          ))}
          <tr style={footRow(3)}>
            <th scope="row">weights |w| &lt; 0.01 (of 220)</th>
            {summaries.map((s) => (
              <td key={s.method}>{s.meanNearZero === null ? '—' : formatNumber(s.meanNearZero, 3)}</td>
            ))}
          </tr>
          <tr style={footRow(4)}>
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
