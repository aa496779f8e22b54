import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Method } from '@neural-notes/nn';
import { Button, CheckboxGroup, Controls, NumberField, Progress, Select } from '../shared/controls';
import { JobCancelled, useJobRunner } from '../shared/jobs';
import { listCodec, numberCodec, oneOfCodec, useUrlState } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import { curvesPlot, errorsPlot, fitPlot } from '../../plots/regularization/experiment';
import { DualPlot } from './DualPlot';
import { MeanSd } from './MeanSd';
import {
  EPOCHS,
  exactError,
  formatError,
  meanSd,
  METHOD_COLORS,
  METHOD_LABELS,
  SOURCE_L1_ERRORS,
  settingsData,
  summarize,
  type CompactRun,
  type ExperimentOutput,
  type ExperimentSettings,
  type LiveCost,
} from './logic';
import './regularization.css';

const ALL: Method[] = ['none', 'l1', 'l2', 'elastic'];

interface UrlState {
  methods: Method[];
  lambda: number;
  mix: number;
  seed: number;
  runs: number;
  lr: number;
  outliers: number;
  offsetMode: 'drawn' | 'fixed';
  offset: number;
}

const codecs = {
  methods: listCodec(oneOfCodec(ALL), { min: 1, max: 4 }),
  lambda: numberCodec(0, 10),
  mix: numberCodec(0, 1),
  seed: numberCodec(0, 1_000_000, { integer: true }),
  runs: numberCodec(1, 100, { integer: true }),
  lr: numberCodec(0.0001, 1),
  outliers: numberCodec(0, 50, { integer: true }),
  offsetMode: oneOfCodec(['drawn', 'fixed'] as const),
  offset: numberCodec(-50, 50),
};

function toSettings(s: UrlState): ExperimentSettings {
  return {
    methods: ALL.filter((m) => s.methods.includes(m)),
    lambda: s.lambda,
    mix: s.mix,
    seed: s.seed,
    runs: s.runs,
    lr: s.lr,
    outliers: s.outliers,
    offset: s.offsetMode === 'fixed' ? s.offset : null,
  };
}


/** Penalty term as written in the cost, for the live readout. */
function penaltyText(m: Method, s: ExperimentSettings): string {
  if (m === 'none') return 'no penalty';
  if (m === 'l1') return `${s.lambda}·Σ|w|`;
  if (m === 'l2') return `${s.lambda}·Σw²/2`;
  return `${s.lambda}·(${s.mix}·Σ|w| + ${formatNumber(1 - s.mix, 3)}·Σw²/2)`;
}

type Phase = 'build' | 'running' | 'done' | 'stopped' | 'error';

interface Props {
  id: string;
  initial: ExperimentOutput;
}

export default function Experiment({ id, initial }: Props) {
  const d = initial.settings;
  const defaults: UrlState = {
    methods: [...d.methods],
    lambda: d.lambda,
    mix: d.mix,
    seed: d.seed,
    runs: d.runs,
    lr: d.lr,
    outliers: d.outliers,
    offsetMode: d.offset === null ? 'drawn' : 'fixed',
    offset: d.offset ?? 5,
  };
  const [state, update] = useUrlState<UrlState>(id, codecs, defaults);
  const settings = useMemo(() => toSettings(state), [state]);
  const [result, setResult] = useState<ExperimentOutput>(initial);
  const [phase, setPhase] = useState<Phase>('build');
  /** What each of the three plots shows; redrawn one plot per frame after a run ends, so no task is long. */
  const [plotted, setPlotted] = useState<ExperimentOutput[]>([initial, initial, initial, initial]);
  const staging = useRef(0);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** The cost of the latest epoch while training runs (null when idle). */
  const [live, setLive] = useState<LiveCost | null>(null);
  const runner = useJobRunner(() => new Worker(new URL('../../workers/regularization.worker.ts', import.meta.url), { type: 'module' }));
  const cancel = useRef<(() => void) | null>(null);
  const lastRunKey = useRef<string>(JSON.stringify(initial.settings));

  /** Hands the finished output to the plots one per frame, then sets the final phase. */
  const stagePlots = (out: ExperimentOutput, final: Phase) => {
    const ticket = ++staging.current;
    let k = 0;
    const step = () => {
      if (ticket !== staging.current) return;
      const index = k++;
      setPlotted((old) => old.map((o, i) => (i === index ? out : o)));
      // A timer, not an animation frame: the Preact update runs in its own task and the browser's
      // style/layout/paint in the next one, so neither grows into a long task.
      if (k < 4) setTimeout(step, 30);
      else setTimeout(() => ticket === staging.current && setPhase(final), 0);
    };
    setTimeout(step, 30);
  };

  const start = (s: ExperimentSettings) => {
    const job = runner();
    staging.current++;
    lastRunKey.current = JSON.stringify(s);
    const partial: CompactRun[] = [];
    const data = settingsData(s);
    let frame = 0;
    let lastDraw = 0;
    let pendingProgress = 0;
    let pendingLive: LiveCost | null = null;
    const draw = () => {
      frame = 0;
      lastDraw = performance.now();
      setProgress(pendingProgress);
      setLive(pendingLive);
      setResult({ settings: s, data, runs: [...partial], stopped: false });
    };
    const schedule = () => {
      if (frame) return;
      const wait = Math.max(0, 250 - (performance.now() - lastDraw));
      frame = window.setTimeout(draw, wait);
    };
    setPhase('running');
    setError(null);
    setProgress(0);
    setLive(null);
    const running = job.run<ExperimentOutput, CompactRun | LiveCost>('experiment', s, (done, total, update) => {
      if (update && 'kind' in update) pendingLive = update;
      else {
        pendingProgress = total > 0 ? done / total : 0;
        if (update) partial.push(update);
      }
      schedule();
    });
    cancel.current = running.cancel;
    running.result.then(
      (out) => {
        if (frame) clearTimeout(frame);
        setLive(null);
        setResult(out);
        setProgress(1);
        stagePlots(out, 'done');
      },
      (e: Error) => {
        if (frame) clearTimeout(frame);
        setLive(null);
        if (e instanceof JobCancelled) {
          const out = { settings: s, data, runs: [...partial], stopped: true };
          setResult(out);
          stagePlots(out, 'stopped');
        } else {
          setError(e.message);
          setPhase('error');
        }
      },
    );
  };

  // Settings changed (by a control or by the URL after hydration): rerun, after a short pause.
  useEffect(() => {
    if (JSON.stringify(settings) === lastRunKey.current) return;
    const t = setTimeout(() => start(settings), 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings]);

  const shown = result.settings;
  const methods = shown.methods;
  const runs = result.runs;
  const summaries = useMemo(() => summarize(runs, methods), [runs, methods]);
  const [pFit, pCurves, pPenalty, pErrors] = plotted;
  // Each plot in its wide and its narrow drawing (DualPlot): [wide, narrow].
  const fitOptions = useMemo(() => [false, true].map((compact) => fitPlot(pFit.data, pFit.runs, pFit.settings.methods, { compact })), [pFit]);
  const curveOptions = useMemo(() => [false, true].map((compact) => curvesPlot(pCurves.runs, pCurves.settings.methods, EPOCHS, 'data loss', { compact })), [pCurves]);
  const penaltyOptions = useMemo(() => [false, true].map((compact) => curvesPlot(pPenalty.runs, pPenalty.settings.methods, EPOCHS, 'penalty', { compact })), [pPenalty]);
  const errorOptions = useMemo(() => [false, true].map((compact) => errorsPlot(pErrors.runs, pErrors.settings.methods, SOURCE_L1_ERRORS, { compact })), [pErrors]);
  const diverged = runs.filter((r) => r.status === 'diverged');
  const latest = runs[runs.length - 1];
  const rows = Array.from({ length: Math.max(shown.runs, SOURCE_L1_ERRORS.length) }, (_, r) => r);
  const byKey = new Map(runs.map((r) => [`${r.method}-${r.run}`, r]));
  const busy = phase === 'running';

  return (
    <div class="reg-experiment" data-phase={phase}>
      <Controls label="Experiment settings">
        <CheckboxGroup
          legend="Penalties"
          values={state.methods}
          options={ALL.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
          minChecked={1}
          onChange={(v) => update({ methods: v })}
        />
      </Controls>
      <Controls label="Penalty and training">
        <NumberField label="λ (0–10)" value={state.lambda} min={0} max={10} onChange={(v) => update({ lambda: v })} />
        {state.methods.includes('elastic') && (
          <NumberField label="elastic mix m (L1 share)" value={state.mix} min={0} max={1} onChange={(v) => update({ mix: v })} />
        )}
        <NumberField label="learning rate" value={state.lr} min={0.0001} max={1} onChange={(v) => update({ lr: v })} />
        <NumberField label="seed" value={state.seed} min={0} max={1_000_000} integer onChange={(v) => update({ seed: v })} />
        <NumberField label="runs per method (1–100)" value={state.runs} min={1} max={100} integer onChange={(v) => update({ runs: v })} />
      </Controls>
      <Controls label="Outliers">
        <NumberField label="outliers (0–50)" value={state.outliers} min={0} max={50} integer onChange={(v) => update({ outliers: v })} />
        <Select
          label="outlier offset"
          value={state.offsetMode}
          options={[
            { value: 'drawn', label: 'drawn from U[0, 10) (source)' },
            { value: 'fixed', label: 'fixed' },
          ]}
          onChange={(v) => update({ offsetMode: v })}
        />
        {state.offsetMode === 'fixed' && (
          <NumberField label="offset (−50–50)" value={state.offset} min={-50} max={50} onChange={(v) => update({ offset: v })} />
        )}
      </Controls>
      <Controls label="Run">
        <Button variant="primary" onClick={() => start(settings)} disabled={busy}>
          {phase === 'build' ? 'Rerun in this browser' : 'Run again'}
        </Button>
        <Button onClick={() => cancel.current?.()} disabled={!busy}>
          Stop
        </Button>
        {busy && <Progress value={progress} label="Training progress" />}
      </Controls>
      <p class="nn-status reg-status" data-testid="exp-status" aria-live="polite">
        {phase === 'build' && 'Results computed when this page was built; rerunning here gives the same numbers.'}
        {phase === 'running' &&
          `Training in a background worker… ${runs.length} of ${shown.methods.length * shown.runs} runs done (the table fills in as runs finish; the figures redraw at the end).`}
        {phase === 'done' && `Done: ${runs.length} runs trained in this browser.`}
        {phase === 'stopped' && `Stopped after ${runs.length} runs; the figures show those.`}
        {phase === 'error' && <span class="nn-status-warn">The experiment could not run: {error}</span>}
      </p>
      {diverged.length > 0 && (
        <p class="nn-status nn-status-warn" role="status">
          {diverged.length} run{diverged.length > 1 ? 's' : ''} diverged (the numbers overflowed, so training stopped); they are left out of the plots and the
          statistics. A smaller learning rate or λ keeps training stable.
        </p>
      )}
      {live && busy && (
        <p class="nn-readout reg-readout" data-testid="exp-cost-live" aria-live="off">
          Training {METHOD_LABELS[live.method]}, run {live.run + 1}, epoch {live.epoch} of {EPOCHS}: mean cost per step ={' '}
          {formatNumber(live.dataLoss, 4)} (Σ|ŷ − y|) + {formatNumber(live.penalty, 4)} ({penaltyText(live.method, shown)}) ={' '}
          {formatNumber(live.dataLoss + live.penalty, 4)}
        </p>
      )}
      {latest && !(live && busy) && (
        <p class="nn-readout reg-readout" data-testid="exp-cost">
          {METHOD_LABELS[latest.method]}, run {latest.run + 1}
          {latest.status === 'diverged'
            ? ': diverged'
            : `, epoch ${latest.dataLoss.length}: cost per step = ${formatNumber(latest.dataLoss[latest.dataLoss.length - 1], 4)} (Σ|ŷ − y|) + ${formatNumber(latest.penalty[latest.penalty.length - 1], 4)} (${penaltyText(latest.method, shown)}) = ${formatNumber(latest.dataLoss[latest.dataLoss.length - 1] + latest.penalty[latest.penalty.length - 1], 4)}`}
        </p>
      )}
      <div class="reg-plots">
        <div>
          <p class="reg-heading">The data and every run's fitted line</p>
          <DualPlot wide={fitOptions[0]} narrow={fitOptions[1]} label="Training points (filled), test points (hollow), outliers (circled) and the fitted line of every run, coloured by penalty" />
        </div>
        <div>
          <p class="reg-heading">Training curves: the two terms of the cost, mean per step in each epoch</p>
          <DualPlot wide={curveOptions[0]} narrow={curveOptions[1]} label="Data loss per epoch for every run" />
          <DualPlot wide={penaltyOptions[0]} narrow={penaltyOptions[1]} label="Penalty per epoch for every run" />
        </div>
        <div>
          <p class="reg-heading">Total test error per run, with the source's five L1 numbers</p>
          <DualPlot wide={errorOptions[0]} narrow={errorOptions[1]} label="Strip and box plot of the total test error of every run, per penalty" />
        </div>
      </div>
      <div class="nn-table-scroll reg-table-wrap" tabIndex={0} role="region" aria-label="Total test error of every run (table)">
        <table class="nn-table reg-table" data-testid="exp-table">
          <caption class="visually-hidden">Total test error of every run</caption>
          <thead>
            <tr>
              <th scope="col">run</th>
              {methods.map((m) => (
                <th scope="col" key={m}>
                  <span class="reg-swatch" style={{ background: METHOD_COLORS[m] }} />
                  {METHOD_LABELS[m]}
                </th>
              ))}
              <th scope="col" class="reg-source">
                L1, source
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {methods.map((m) => {
                  const run = byKey.get(`${m}-${r}`);
                  return (
                    <td key={m} data-testid={`err-${m}-${r}`} title={exactError(r < shown.runs ? run?.testError : null)}>
                      {r >= shown.runs ? '' : !run ? '…' : run.status === 'diverged' ? 'diverged' : formatError(run.testError)}
                    </td>
                  );
                })}
                <td class="reg-source" title={exactError(SOURCE_L1_ERRORS[r])}>
                  {r < SOURCE_L1_ERRORS.length ? formatError(SOURCE_L1_ERRORS[r]) : ''}
                </td>
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
              <td class="reg-source"><MeanSd value={meanSd(SOURCE_L1_ERRORS)} /></td>
            </tr>
            {/* On a phone mean and sd take a row each (regularization.css), so the columns stay narrow. */}
            {(['mean', 'sd'] as const).map((key) => (
              <tr class="reg-split" key={key}>
                <th scope="row">{key}</th>
                {[...summaries, meanSd(SOURCE_L1_ERRORS)].map((s, i) => (
                  <td key={i} class={i === summaries.length ? 'reg-source' : undefined}>
                    {formatError(s[key])}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">weights |w| &lt; 0.01 (of 220)</th>
              {summaries.map((s) => (
                <td key={s.method}>{s.meanNearZero === null ? '—' : formatNumber(s.meanNearZero, 3)}</td>
              ))}
              <td class="reg-source" />
            </tr>
            <tr>
              <th scope="row">hidden units off (of 30)</th>
              {summaries.map((s) => (
                <td key={s.method} data-testid={`off-${s.method}`}>{s.meanUnitsOff === null ? '—' : formatNumber(s.meanUnitsOff, 3)}</td>
              ))}
              <td class="reg-source" />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
