import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/regularization/PruneRetrain.figure';
import { SOURCE_L1_ERRORS, SOURCE_PRUNED_ERRORS } from '../../models/regularization/source';
import { meanSd } from '../../models/regularization/summary';
import { exactError, formatError } from '../../lib/format';
import { PROTOCOL_LABELS } from '../../plots/regularization/labels';
import { groupsStripPlot } from '../../plots/regularization/prune';
import { Controls } from '../shared/controls';
import { DualPlot } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureJob } from '../shared/figure-job';
import { useFigureState } from '../shared/figure-state';
import { JobButtons, JobStatus } from '../shared/JobControls';
import { OwnData } from '../shared/OwnData';
import { UrlNotice } from '../shared/UrlNotice';
import { MeanSd } from './MeanSd';
import './regularization.css';

const GROUPS = {
  full: { label: 'full 1-10-10-10-1, L1 (ours)', color: '#d9480f' },
  pruned: { label: 'pruned as derived here, L1 (ours)', color: '#e8590c' },
  sourceArch: { label: 'source’s pruned shape, L1 (ours)', color: '#f08c00' },
  sourceArchL2: { label: 'source’s pruned shape, L2 (ours)', color: '#1c7ed6' },
  sourcePruned: { label: 'source’s pruned shape (its runs)', color: '#9c6ade' },
  sourceFull: { label: 'full network, L1 (source’s runs)', color: '#b197fc' },
};

function describeRemoved(removed: number[][]): string {
  return removed.map((units, h) => `hidden layer ${h + 1}: ${units.length ? `units ${units.map((u) => u + 1).join(', ')}` : 'none'}`).join('; ');
}

export default function PruneRetrain({ id, settings, initial }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  const generated = () => import('../../models/regularization/experiment').then((m) => m.generatedPoints(s.seed));
  // The run pruned is one of the runs trained: a URL with run > runs prunes the last one.
  const values = { ...s, run: Math.min(s.run, s.runs) };
  const job = useFigureJob(figure, values, initial, settings);
  const result = job.result;
  // The post's own numbers come from its data: beside runs on a reader's own data they are left out.
  const own = !!result.settings.ownData;
  const [wide, narrow] = useMemo(() => {
    const groups = [
      { ...GROUPS.full, values: result.full },
      { ...GROUPS.pruned, values: result.pruned },
      { ...GROUPS.sourceArch, values: result.sourceArch },
      { ...GROUPS.sourceArchL2, values: result.sourceArchL2 },
      ...(own ? [] : [{ ...GROUPS.sourcePruned, values: SOURCE_PRUNED_ERRORS }, { ...GROUPS.sourceFull, values: SOURCE_L1_ERRORS }]),
    ];
    return [groupsStripPlot(groups), groupsStripPlot(groups, { compact: true })];
  }, [result, own]);
  // Short headers, so that six columns fit a phone; the derived shape is written out above the table.
  const cols: { key: string; label: string; values: readonly (number | null)[]; source?: boolean }[] = [
    { key: 'full', label: 'full net', values: result.full },
    { key: 'pruned', label: 'pruned', values: result.pruned },
    { key: 'source-arch', label: 'post’s shape, L1', values: result.sourceArch },
    { key: 'source-arch-l2', label: 'post’s shape, L2', values: result.sourceArchL2 },
    ...(own ? [] : [{ key: 'source-pruned', label: 'post’s own runs', values: SOURCE_PRUNED_ERRORS, source: true }]),
  ];
  const rows = own ? result.settings.runs : Math.max(result.settings.runs, SOURCE_PRUNED_ERRORS.length);
  const failed = [...result.full, ...result.pruned, ...result.sourceArch, ...result.sourceArchL2].filter((v) => v === null).length;

  return (
    <div class="reg-prune">
      <Controls label="Pruning">
        <Field state={state} name="threshold" />
        <Field state={state} name="run" max={s.runs} />
        <Field state={state} name="seed" />
        <Field state={state} name="runs" onChange={(runs) => state.update({ runs, run: Math.min(s.run, runs) })} />
        <Field state={state} name="protocol" />
      </Controls>
      <JobButtons job={job} />
      <JobStatus
        job={job}
        testId="prune-status"
        summary={`Pruned at |w| < ${result.settings.threshold} from L1 run ${result.settings.fromRun + 1}; ${result.settings.runs} runs of each architecture, seed ${result.settings.seed}, protocol: ${PROTOCOL_LABELS[result.settings.protocol]}.`}
        running="Pruning and retraining in a background worker…"
        stopped="The figure and the table show the last complete result."
      />
      <OwnData state={state} name="ownData" defaults={generated} />
      <UrlNotice state={state} />
      <p class="nn-readout reg-readout">
        Derived architecture: <strong data-testid="prune-notation">{result.notation}</strong> (was (1,10),(10,10),(10,10),(10,1); the source’s: (1,10),(10,10),(10,1),(1,1))
      </p>
      <p class="nn-status" data-testid="prune-removed">
        Removed from L1 run {result.settings.fromRun + 1}: {describeRemoved(result.removed)}.
      </p>
      {failed > 0 && <p class="nn-status nn-status-warn">{failed} run(s) diverged and are left out.</p>}
      <DualPlot wide={wide} narrow={narrow} label="Total test error of the full and the pruned networks, ours and the source's" />
      <div class="nn-table-scroll reg-table-wrap" tabIndex={0} role="region" aria-label="Pruned and full network errors (table)">
        <table class="nn-table reg-table" data-testid="prune-table">
          <caption class="visually-hidden">Total test error per run for each architecture</caption>
          <thead>
            <tr>
              <th scope="col">run</th>
              {cols.map((c) => (
                <th scope="col" key={c.key} class={c.source ? 'reg-source' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {cols.map((c) => (
                  <td key={c.key} class={c.source ? 'reg-source' : undefined} data-testid={`prune-${c.key}-${r}`} title={exactError(c.values[r])}>
                    {r < c.values.length ? (c.values[r] === null ? 'diverged' : formatError(c.values[r])) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="reg-joined">
              <th scope="row">mean ± sd</th>
              {cols.map((c) => (
                <td key={c.key} class={c.source ? 'reg-source' : undefined}>
                  <MeanSd value={meanSd(c.values)} />
                </td>
              ))}
            </tr>
            {/* On a phone mean and sd take a row each (regularization.css), so the six columns fit. */}
            {(['mean', 'sd'] as const).map((key) => (
              <tr class="reg-split" key={key}>
                <th scope="row">{key}</th>
                {cols.map((c) => (
                  <td key={c.key} class={c.source ? 'reg-source' : undefined}>
                    {formatError(meanSd(c.values)[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
    </div>
  );
}
