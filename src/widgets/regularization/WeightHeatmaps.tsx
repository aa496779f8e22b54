import { useEffect, useMemo } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/regularization/WeightHeatmaps.figure';
import { switchedOff, unpackHeatmap } from '../../models/regularization/heatmap-frames';
import { formatNumber } from '../../lib/format';
import { heatmapPlot, heatRows } from '../../plots/regularization/heatmap';
import { METHOD_LABELS } from '../../plots/regularization/labels';
import { Button, Controls } from '../shared/controls';
import { DualPlot } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureJob } from '../shared/figure-job';
import { useFigureState } from '../shared/figure-state';
import { JobStatus } from '../shared/JobControls';
import { OwnData } from '../shared/OwnData';
import { usePlaying } from '../shared/playing';
import { UrlNotice } from '../shared/UrlNotice';
import './regularization.css';

export default function WeightHeatmaps({ id, settings, initial }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  const generated = () => import('../../models/regularization/experiment').then((m) => m.generatedPoints(s.seed));
  const job = useFigureJob(figure, s, initial, settings, { delay: 200 });
  const runs = useMemo(() => job.result.map(unpackHeatmap), [job.result]);
  // Training for new settings (not just fetching the frames the page did not carry).
  const busy = job.phase === 'running' && !job.current;
  const epochs = runs[0].epochs;
  const frameCount = epochs.length;
  // The frame shown: the last one at or before the chosen epoch.
  const frame = Math.max(0, epochs.findLastIndex((e) => e <= s.epoch));
  const every = job.resultInput.every;

  // Play: the next frame every 120 ms; past the last one, Play turns off.
  const [playing, setPlaying] = usePlaying({
    delayMs: 120,
    at: frame,
    atEnd: false,
    advance: () => (frame + 1 >= frameCount ? setPlaying(false) : state.update({ epoch: epochs[frame + 1] })),
  });

  // A new job stops the animation.
  useEffect(() => {
    if (busy) setPlaying(false);
  }, [busy]);

  // The colour scale's end, the same for every frame of both runs (the runs carry it: the page may carry only one frame).
  const maxAbs = useMemo(() => Math.ceil(Math.max(...runs.map((r) => r.maxAbs)) * 10) / 10, [runs]);
  // A frame the page did not carry: the worker computes the runs again, with every frame.
  const missing = runs.some((r) => (r.frames[frame] ?? []).every((w) => w.length === 0));
  useEffect(() => {
    if (missing && job.phase !== 'running' && job.current) job.run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missing]);
  const nearest = (r: (typeof runs)[number]) => {
    // while the other frames are computed, the closest frame there is
    let best = -1;
    r.frames.forEach((f, i) => {
      if (f.some((w) => w.length > 0) && (best < 0 || Math.abs(i - frame) < Math.abs(best - frame))) best = i;
    });
    return r.frames[Math.max(0, best)];
  };

  const views = useMemo(
    () =>
      runs.map((r) => {
        const weights = missing ? nearest(r) : r.frames[Math.min(frame, r.frames.length - 1)];
        const removed = switchedOff(r.sizes, weights, s.threshold);
        const hidden = r.sizes.slice(1, -1).reduce((a, b) => a + b, 0);
        const off = removed.reduce((a, u) => a + u.length, 0);
        // built only for the drawing on screen (DualPlot)
        const [wide, narrow] = [false, true].map((compact) => () => heatmapPlot(r.sizes, weights, removed, { maxAbs, compact }));
        // the CSV's rows, made when the reader downloads them
        return { run: r, removed, hidden, off, wide, narrow, rows: () => heatRows(r.sizes, weights) };
      }),
    [runs, frame, s.threshold, maxAbs],
  );

  const epoch = epochs[frame] ?? 0;
  return (
    <div class="reg-heatmaps">
      <Controls label="Animation">
        <Button
          variant="primary"
          onClick={() => {
            if (!playing && frame >= frameCount - 1) state.update({ epoch: epochs[0] });
            setPlaying(!playing);
          }}
          disabled={busy}
        >
          {playing ? 'Pause' : 'Play'}
        </Button>
        <Field
          state={state}
          name="epoch"
          step={every}
          max={epochs[frameCount - 1]}
          onChange={(v) => {
            setPlaying(false);
            state.update({ epoch: v });
          }}
        />
      </Controls>
      <Controls label="Heatmap settings">
        <Field state={state} name="seed" />
        <Field state={state} name="lambda" />
        <Field state={state} name="threshold" />
        {job.phase === 'running' && <Button onClick={job.stop}>Stop</Button>}
      </Controls>
      {job.phase !== 'build' && job.phase !== 'done' && (
        <JobStatus
          job={job}
          testId="heat-status"
          summary=""
          running={job.current ? 'Computing the other frames in a background worker…' : 'Training the two runs in a background worker…'}
          stopped="The heatmaps show the last complete runs."
          keepHeight={false}
        />
      )}
      <OwnData state={state} name="ownData" defaults={generated} />
      <UrlNotice state={state} />
      <p class="nn-status" data-testid="heat-epoch">
        {missing ? `Epoch ${epoch}: computing its weights… ` : `After epoch ${epoch} of 100 (run 1, seed ${job.resultInput.seed}${job.resultInput.ownData ? `, your ${job.resultInput.ownData.length} points` : ''}). `}Dashed outlines: hidden units whose incoming or
        outgoing weights are all below {formatNumber(s.threshold, 3)} in size.
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
