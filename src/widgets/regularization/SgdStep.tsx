import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { SOURCE_SIZES } from '@neural-notes/nn';
import type { IslandProps } from '../../figures/figure';
import figure, { liveNumbers } from '../../figures/regularization/SgdStep.figure';
import { formatNumber } from '../../lib/format';
import { clampWeight, epochEndedBy, STEPS_PER_EPOCH, WALK_METHODS, walkFor, type MethodStep, type WalkMethod } from '../../models/regularization/sgd-walk';
import { METHOD_COLORS, METHOD_LABELS } from '../../plots/regularization/labels';
import { NETWORK_FRAME, nearestWeight, networkDrawing, networkPlot } from '../../plots/regularization/network';
import { Button, Controls, Select } from '../shared/controls';
import { pointerInDrawing } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureState } from '../shared/figure-state';
import { useLiveValues } from '../shared/live';
import { PlotView } from '../shared/PlotView';
import { usePlaying } from '../shared/playing';
import { NetworkLayer } from './NetworkLayer';
import { SgdStepTable } from './SgdStepTable';
import { UrlNotice } from '../shared/UrlNotice';
import './regularization.css';

/** |w| at which a line of the drawing is fully opaque (Glorot's initial weights reach about 0.74). */
const MAX_ABS = 1;

const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', ',': '‚' };
const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '(': '⁽', ')': '⁾' };
const sub = (s: string) => [...s].map((c) => SUB[c] ?? c).join('');
const sup = (s: string) => [...s].map((c) => SUP[c] ?? c).join('');

export default function SgdStep({ id, settings }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  const walk = walkFor(s);
  const last = walk.lastStep();
  const step = Math.min(s.step, last);
  const weight = clampWeight({ layer: s.layer, row: s.row, col: s.col });
  const d = useMemo(() => walk.detail(step, weight), [walk, step, weight.layer, weight.row, weight.col]);
  useLiveValues(figure, id, s);
  // Play: one step every 1/speed seconds, until the last step or Pause.
  const [playing, setPlaying] = usePlaying({ delayMs: 1000 / s.speed, at: step, atEnd: step >= last, advance: () => state.update({ step: step + 1 }) });

  const go = (n: number) => {
    setPlaying(false);
    state.update({ step: Math.min(last, Math.max(1, n)) });
  };
  const follow = (ref: { layer: number; row: number; col: number }) => {
    const w = clampWeight(ref);
    state.update({ layer: w.layer, row: w.row, col: w.col });
  };

  const { layer, row, col } = d.weight;
  const name = `W${sup(`(${layer})`)}${sub(`${row},${col}`)}`;
  const sizes = SOURCE_SIZES;
  // The drawings: their frame drawn once by Plot, the lines and units a layer over it that a step
  // changes in a few paths (network.ts), so each step draws at once.
  const frame = useMemo(() => networkPlot(sizes), [sizes]);
  const drawings = useMemo(
    () => WALK_METHODS.map((m) => networkDrawing({ sizes, weights: d[m].before, followed: d.weight, maxAbs: MAX_ABS })),
    [d, sizes],
  );
  // the figure's CSV: every weight of each run before and after the step
  const csv = useMemo(
    () =>
      WALK_METHODS.map((m) =>
        d[m].before.flatMap((W, l) => W.map((w, k) => ({ step, matrix: `W${l + 1}`, row: Math.floor(k / sizes[l + 1]) + 1, column: (k % sizes[l + 1]) + 1, before: w, after: d[m].after[l][k] }))),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [d],
  );
  const epochStart = (d.epoch - 1) * STEPS_PER_EPOCH;
  const examples = useMemo(
    () => walk.epochExamples(d.epoch).map((e, k) => ({ value: String(epochStart + k + 1), label: `${k + 1}: x = ${formatNumber(walk.data.x[walk.data.train[e]], 3)}` })),
    [walk, d.epoch, epochStart],
  );
  const [unitsOpen, setUnitsOpen] = useState(false);
  const ended = epochEndedBy(step);

  const onPointer = (e: PointerEvent) => {
    const at = pointerInDrawing(e, { wide: NETWORK_FRAME, narrow: NETWORK_FRAME });
    if (!at) return;
    const hit = nearestWeight(sizes, at.x, at.y);
    if (hit) follow(hit);
  };

  const prev = layer - 1;
  const a = prev === 0 ? 'x' : `a${sup(`(${prev})`)}${sub(String(row))}`;
  const delta = `δ${sup(`(${layer})`)}${sub(String(col))}`;
  const numbers = useMemo(() => liveNumbers(d), [d]);

  return (
    <div class="reg-sgd">
      <Controls label="Step">
        <Button onClick={() => go(step - 1)} disabled={step <= 1} label="Previous step">
          ◀ Back
        </Button>
        <Button variant="primary" onClick={() => go(step + 1)} disabled={step >= last} label="Next step">
          Step ▶
        </Button>
        <Button onClick={() => (playing ? setPlaying(false) : step < last && setPlaying(true))} disabled={!playing && step >= last}>
          {/* both words in one place, one of them hidden: the button keeps its size and its word its place */}
          <span class="reg-sgd-play">
            <span aria-hidden={playing ? 'true' : undefined} class={playing ? 'reg-hidden' : undefined}>
              Play
            </span>
            <span aria-hidden={playing ? undefined : 'true'} class={playing ? undefined : 'reg-hidden'}>
              Pause
            </span>
          </span>
        </Button>
        <Field state={state} name="speed" />
        <Field state={state} name="step" max={last} onChange={(v) => go(v)} />
      </Controls>
      <p class="nn-status reg-sgd-status" data-testid="step-status">
        {/* every number in a box of its own width, so a new step never moves the words around it (the
            boxes end at a separator, not inside a phrase); the step is announced (not while playing), the note is not */}
        <span data-testid="step-say" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
          <span class="reg-sgd-item">
            Step <Num w={4} testId="step-n">{step}</Num>
          </span>
          <Sep />
          <span class="reg-sgd-item">
            epoch <Num w={3}>{d.epoch}</Num>
          </span>
          <Sep />
          <span class="reg-sgd-item">
            example <Num w={2}>{d.position}</Num>
          </span>
          <Sep />
          <span class="reg-sgd-item">
            x = <Num w={6}>{formatNumber(d.x, 4)}</Num>
          </span>
          <Sep />
          <span class="reg-sgd-item">
            y = <Num w={6}>{formatNumber(d.y, 4)}</Num>
          </span>
        </span>
        <span class="reg-sgd-note">
          An epoch is {STEPS_PER_EPOCH} steps; the weights after its last step are the weight heatmaps’ frame after that epoch.
          {/* always there, shown at the end of an epoch: the lines never break differently */}
          <span class={ended !== null ? undefined : 'reg-invisible'} aria-hidden={ended !== null ? undefined : 'true'} data-testid="step-ends">
            {' '}This step ends the epoch.
          </span>
        </span>
      </p>
      <Controls label="Followed weight">
        <Field state={state} name="layer" onChange={(l) => follow({ layer: l, row, col })} />
        <Field state={state} name="row" max={sizes[layer - 1]} format={twoDigits} onChange={(r) => follow({ layer, row: r, col })} disabled={sizes[layer - 1] === 1} />
        <Field state={state} name="col" max={sizes[layer]} format={twoDigits} onChange={(c) => follow({ layer, row, col: c })} disabled={sizes[layer] === 1} />
        <div class="reg-sgd-example">
          <Select label="example (this epoch’s order)" value={String(step)} options={examples} onChange={(v) => go(Number(v))} />
        </div>
      </Controls>
      <div class="reg-sgd-nets">
        {WALK_METHODS.map((m, k) => (
          // each drawing finds the line under the pointer in its own pixels
          <div key={m} data-testid={`step-net-${m}`} onPointerDown={onPointer}>
            <p class="reg-heading">
              <span class="reg-swatch" style={{ background: METHOD_COLORS[m] }} />
              {METHOD_LABELS[m]} run, before step {step}
            </p>
            <div class="reg-sgd-drawing">
              <PlotView
                options={frame}
                data={csv[k]}
                label={`The ${METHOD_LABELS[m]} run’s network before step ${step}: every weight a line, red negative, blue positive, stronger when larger; the followed weight ${name} drawn thick, with the weights into the unit it comes from and out of the unit it feeds`}
              />
              <NetworkLayer frame={NETWORK_FRAME} drawing={drawings[k]} />
            </div>
          </div>
        ))}
      </div>
      <p class="reg-sgd-hint">Tap or click a line to follow that weight.</p>
      <SgdStepTable step={step} name={name} input={a} delta={delta} numbers={numbers} />
      <details class="reg-sgd-all" onToggle={(e) => setUnitsOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>Every unit’s a and δ in this step</summary>
        {unitsOpen && WALK_METHODS.map((m) => <UnitTable key={m} method={m} s={d[m]} />)}
      </details>
      <Controls label="Runs">
        <Field state={state} name="seed" />
        <Field state={state} name="lambda" />
      </Controls>
      <UrlNotice state={state} />
    </div>
  );
}

/** A slider's value in two digits' room (a figure space before one digit), so the controls after it stay put. */
const twoDigits = (v: number) => String(v).padStart(2, '\u2007');

/** The separator between the status's items (a screen reader pauses at each number's box anyway). */
function Sep() {
  return <span aria-hidden="true"> · </span>;
}

/** A number in a box `w` digits wide (tabular figures), so that the words after it stay put. */
function Num({ w, testId, children }: { w: number; testId?: string; children: ComponentChildren }) {
  return (
    <span class="reg-num" style={{ minWidth: `${w}ch` }} data-testid={testId}>
      {children}
    </span>
  );
}

/** Every hidden unit's output a and backpropagated error δ in one run's step; x, ŷ and δ at the output under it. */
function UnitTable({ method, s }: { method: WalkMethod; s: MethodStep }) {
  const hidden = s.acts.slice(1, -1);
  const units = Math.max(...hidden.map((h) => h.length));
  const n = (v: number | undefined) => (v === undefined ? '' : formatNumber(v, 3));
  return (
    <div class="nn-table-scroll" tabIndex={0} role="region" aria-label={`${METHOD_LABELS[method]} run: every unit (table)`}>
      <table class="nn-table reg-sgd-units" data-testid={`step-units-${method}`}>
        <caption>
          {METHOD_LABELS[method]} run: x = {n(s.acts[0][0])}, ŷ = {n(s.yhat)}, δ at the output = sign(ŷ − y) = {n(s.outGrad)}
        </caption>
        <thead>
          <tr>
            <th scope="col">unit</th>
            {hidden.map((_, l) => (
              <th scope="col" key={`a${l}`}>
                a{sup(`(${l + 1})`)}
              </th>
            ))}
            {hidden.map((_, l) => (
              <th scope="col" key={`d${l}`}>
                δ{sup(`(${l + 1})`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: units }, (_, k) => (
            <tr key={k}>
              <th scope="row">{k + 1}</th>
              {hidden.map((h, l) => (
                <td key={`a${l}`}>{n(h[k])}</td>
              ))}
              {hidden.map((_, l) => (
                <td key={`d${l}`}>{n(s.deltas[l][k])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
