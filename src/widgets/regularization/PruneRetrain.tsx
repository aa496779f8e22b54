import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Button, Controls, NumberField, Progress } from '../shared/controls';
import { JobCancelled, useJobRunner } from '../shared/jobs';
import { numberCodec, useUrlState } from '../shared/url-state';
import { groupsStripPlot } from '../../plots/regularization/prune';
import { DualPlot } from './DualPlot';
import { MeanSd } from './MeanSd';
import { exactError, formatError, meanSd, SOURCE_L1_ERRORS, SOURCE_PRUNED_ERRORS, type PruneOutput, type PruneSettings } from './logic';
import './regularization.css';

interface Props {
  id: string;
  initial: PruneOutput;
}

const codecs = {
  threshold: numberCodec(0, 1),
  seed: numberCodec(0, 1_000_000, { integer: true }),
  runs: numberCodec(1, 50, { integer: true }),
  fromRun: numberCodec(0, 49, { integer: true }),
};

const GROUPS = {
  full: { label: 'full 1-10-10-10-1, L1 (ours)', color: '#d9480f' },
  pruned: { label: 'pruned as derived here, L1 (ours)', color: '#e8590c' },
  sourceArch: { label: 'source’s pruned shape, L1 (ours)', color: '#1c7ed6' },
  sourcePruned: { label: 'source’s pruned shape (its runs)', color: '#9c6ade' },
  sourceFull: { label: 'full network, L1 (source’s runs)', color: '#b197fc' },
};

function describeRemoved(removed: number[][]): string {
  return removed.map((units, h) => `hidden layer ${h + 1}: ${units.length ? `units ${units.map((u) => u + 1).join(', ')}` : 'none'}`).join('; ');
}

export default function PruneRetrain({ id, initial }: Props) {
  const [state, update] = useUrlState<PruneSettings>(id, codecs, initial.settings);
  const [result, setResult] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const runner = useJobRunner(() => new Worker(new URL('../../workers/regularization.worker.ts', import.meta.url), { type: 'module' }));
  const lastKey = useRef(JSON.stringify(initial.settings));

  const start = (s: PruneSettings) => {
    lastKey.current = JSON.stringify(s);
    setBusy(true);
    setProgress(0);
    setError(null);
    const job = runner().run<PruneOutput>('prune', s, (d, t) => setProgress(d / t));
    job.result.then(
      (out) => {
        setResult(out);
        setBusy(false);
      },
      (e: Error) => {
        setBusy(false);
        if (!(e instanceof JobCancelled)) setError(e.message);
      },
    );
  };

  useEffect(() => {
    const s = { ...state, fromRun: Math.min(state.fromRun, state.runs - 1) };
    if (JSON.stringify(s) === lastKey.current) return;
    const t = setTimeout(() => start(s), 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const [wide, narrow] = useMemo(() => {
    const groups = [
      { ...GROUPS.full, values: result.full },
      { ...GROUPS.pruned, values: result.pruned },
      { ...GROUPS.sourceArch, values: result.sourceArch },
      { ...GROUPS.sourcePruned, values: SOURCE_PRUNED_ERRORS },
      { ...GROUPS.sourceFull, values: SOURCE_L1_ERRORS },
    ];
    return [groupsStripPlot(groups), groupsStripPlot(groups, { compact: true })];
  }, [result]);
  const cols: { key: string; label: string; values: readonly (number | null)[]; source?: boolean }[] = [
    { key: 'full', label: 'full network', values: result.full },
    { key: 'pruned', label: `pruned ${result.notation}`, values: result.pruned },
    { key: 'source-arch', label: 'source’s shape, here', values: result.sourceArch },
    { key: 'source-pruned', label: 'source’s shape, its runs', values: SOURCE_PRUNED_ERRORS, source: true },
  ];
  const rows = Math.max(result.settings.runs, SOURCE_PRUNED_ERRORS.length);
  const failed = [...result.full, ...result.pruned, ...result.sourceArch].filter((v) => v === null).length;

  return (
    <div class="reg-prune">
      <Controls label="Pruning">
        <NumberField label="switched off below |w| =" value={state.threshold} min={0} max={1} onChange={(v) => update({ threshold: v })} />
        <NumberField label={`prune the network of L1 run (1–${state.runs})`} value={state.fromRun + 1} min={1} max={state.runs} integer onChange={(v) => update({ fromRun: v - 1 })} />
        <NumberField label="seed" value={state.seed} min={0} max={1_000_000} integer onChange={(v) => update({ seed: v })} />
        <NumberField label="runs (1–50)" value={state.runs} min={1} max={50} integer onChange={(v) => update({ runs: v, fromRun: Math.min(state.fromRun, v - 1) })} />
      </Controls>
      <Controls label="Run">
        <Button onClick={() => runner().cancel()} disabled={!busy}>
          Stop
        </Button>
        {busy && <Progress value={progress} label="Pruning and retraining" />}
      </Controls>
      {error && <p class="nn-status nn-status-warn">Could not run: {error}</p>}
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
            <tr>
              <th scope="row">mean ± sd</th>
              {cols.map((c) => {
                const s = meanSd(c.values);
                return (
                  <td key={c.key} class={c.source ? 'reg-source' : undefined}>
                    <MeanSd value={s} />
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
