import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Button, Controls, NumberField, Progress, Slider } from '../shared/controls';
import { JobCancelled, useJobRunner } from '../shared/jobs';
import { numberCodec, useUrlState } from '../shared/url-state';
import { formatNumber } from '../shared/validate';
import { heatmapPlot, heatRows } from '../../plots/regularization/heatmap';
import { DualPlot } from './DualPlot';
import { decodeFrames, METHOD_LABELS, switchedOff, type HeatmapRun } from './logic';
import './regularization.css';

/** A heatmap run as sent in the page: frames packed into one string (see encodeFrames). */
export type PackedHeatmap = Omit<HeatmapRun, 'frames'> & { frames: string };

interface Props {
  id: string;
  initial: PackedHeatmap[];
  settings: { seed: number; lambda: number; every: number };
}

interface UrlState {
  seed: number;
  lambda: number;
  threshold: number;
  frame: number;
}

const codecs = {
  seed: numberCodec(0, 1_000_000, { integer: true }),
  lambda: numberCodec(0, 10),
  threshold: numberCodec(0, 1),
  frame: numberCodec(0, 10_000, { integer: true }),
};

function unpack(p: PackedHeatmap): HeatmapRun {
  return { ...p, frames: decodeFrames(p.frames) };
}

export default function WeightHeatmaps({ id, initial, settings }: Props) {
  const startRuns = useMemo(() => initial.map(unpack), [initial]);
  const last = Math.max(0, startRuns[0].frames.length - 1);
  const [state, update] = useUrlState<UrlState>(id, codecs, { seed: settings.seed, lambda: settings.lambda, threshold: 0.01, frame: last });
  const [runs, setRuns] = useState<HeatmapRun[]>(startRuns);
  const [playing, setPlaying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shownSeed, setShownSeed] = useState(settings.seed);
  const [error, setError] = useState<string | null>(null);
  const runner = useJobRunner(() => new Worker(new URL('../../workers/regularization.worker.ts', import.meta.url), { type: 'module' }));
  const shownKey = useRef(`${settings.seed}|${settings.lambda}`);

  // New seed or λ: recompute both runs in the worker.
  useEffect(() => {
    const key = `${state.seed}|${state.lambda}`;
    if (key === shownKey.current) return;
    const t = setTimeout(() => {
      setBusy(true);
      setPlaying(false);
      const job = runner().run<HeatmapRun[]>('heatmaps', { seed: state.seed, lambda: state.lambda, every: settings.every, methods: runs.map((r) => r.method) });
      job.result.then(
        (out) => {
          shownKey.current = key;
          setRuns(out);
          setShownSeed(state.seed);
          setBusy(false);
          setError(null);
        },
        (e: Error) => {
          setBusy(false);
          if (!(e instanceof JobCancelled)) setError(e.message);
        },
      );
    }, 200);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.seed, state.lambda]);

  const frameCount = runs[0].frames.length;
  const frame = Math.min(state.frame, frameCount - 1);

  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => {
      const next = frame + 1;
      if (next >= frameCount) {
        setPlaying(false);
        return;
      }
      update({ frame: next });
    }, 120);
    return () => clearInterval(t);
  }, [playing, frame, frameCount, update]);

  const maxAbs = useMemo(() => {
    let m = 0;
    for (const r of runs) for (const f of r.frames) for (const w of f) for (const v of w) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
    return Math.ceil(m * 10) / 10;
  }, [runs]);

  const views = useMemo(
    () =>
      runs.map((r) => {
        const weights = r.frames[Math.min(frame, r.frames.length - 1)];
        const removed = switchedOff(r.sizes, weights, state.threshold);
        const hidden = r.sizes.slice(1, -1).reduce((a, b) => a + b, 0);
        const off = removed.reduce((a, u) => a + u.length, 0);
        const [wide, narrow] = [false, true].map((compact) => heatmapPlot(r.sizes, weights, removed, { maxAbs, compact }));
        return { run: r, removed, hidden, off, wide, narrow, rows: heatRows(r.sizes, weights) };
      }),
    [runs, frame, state.threshold, maxAbs],
  );

  const epoch = runs[0].epochs[frame] ?? 0;
  return (
    <div class="reg-heatmaps">
      <Controls label="Animation">
        <Button
          variant="primary"
          onClick={() => {
            if (!playing && frame >= frameCount - 1) update({ frame: 0 });
            setPlaying(!playing);
          }}
          disabled={busy}
        >
          {playing ? 'Pause' : 'Play'}
        </Button>
        <Slider label="epoch" value={frame} min={0} max={frameCount - 1} step={1} format={(f) => String(runs[0].epochs[f] ?? f)} onChange={(v) => { setPlaying(false); update({ frame: v }); }} />
      </Controls>
      <Controls label="Heatmap settings">
        <NumberField label="seed" value={state.seed} min={0} max={1_000_000} integer onChange={(v) => update({ seed: v })} />
        <NumberField label="λ (0–10)" value={state.lambda} min={0} max={10} onChange={(v) => update({ lambda: v })} />
        <NumberField label="“near zero” below |w| =" value={state.threshold} min={0} max={1} onChange={(v) => update({ threshold: v })} />
        {busy && <Progress value={0.5} label="Training the two runs" />}
      </Controls>
      {error && <p class="nn-status nn-status-warn">Could not train: {error}</p>}
      <p class="nn-status" data-testid="heat-epoch">
        After epoch {epoch} of 100 (run 1, seed {shownSeed}). Dashed outlines: hidden units whose incoming or outgoing
        weights are all below {formatNumber(state.threshold, 3)} in size.
      </p>
      <div class="reg-two">
        {views.map((v) => (
          <div key={v.run.method} data-testid={`heat-${v.run.method}`}>
            <p class="reg-heading">
              {METHOD_LABELS[v.run.method]}:{' '}
              <span data-testid={`heat-off-${v.run.method}`}>
                {v.off} of {v.hidden} hidden units switched off
              </span>
              {v.run.status === 'diverged' && ' (this run diverged; the last finite weights are shown)'}
            </p>
            <DualPlot wide={v.wide} narrow={v.narrow} data={v.rows} label={`Weight matrices of the ${METHOD_LABELS[v.run.method]} run after epoch ${epoch}`} />
          </div>
        ))}
      </div>
    </div>
  );
}
