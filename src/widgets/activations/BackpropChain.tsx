import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../../figures/figure';
import figure from '../../figures/activations/BackpropChain.figure';
import { reachedLayer, traceChain, unrolled } from '../../models/activations/chain';
import { formatMagnitude, formatNumber } from '../../lib/format';
import { CHAIN_FRAMES, chainDomains, chainPlot } from '../../plots/activations/chain';
import { FUNCTION_COLORS, FUNCTION_LABELS } from '../../plots/activations/labels';
import { Button, Controls } from '../shared/controls';
import { DualPlot } from '../shared/DualPlot';
import { Field } from '../shared/Field';
import { useFigureState } from '../shared/figure-state';
import { useLiveValues } from '../shared/live';
import { UrlNotice } from '../shared/UrlNotice';
import { ChainLayer } from './ChainLayer';
import './activations.css';

const n = (v: number) => formatMagnitude(v, 4);
/** Table cells: 3 digits, so that the table fits a phone. */
const cell = (v: number) => formatMagnitude(v, 3);

/** Backpropagation through a chain of single units, followed one layer at a time from the output back. */
export default function BackpropChain({ id, settings }: IslandProps<typeof figure>) {
  const state = useFigureState(figure, id, settings);
  const s = state.values;
  const trace = useMemo(() => traceChain(s), [s.activation, s.depth, s.init, s.seed, s.x, s.y]); // eslint-disable-line react-hooks/exhaustive-deps
  const L = s.depth;
  const l = reachedLayer(L, s.step);
  useLiveValues(figure, id, s);
  const goTo = (layer: number) => state.update({ step: Math.min(L - 1, Math.max(1, L - layer)) });
  const at = (k: number) => trace.layers[k - 1];
  const u = unrolled(trace, l);
  const color = FUNCTION_COLORS[s.activation];
  // The axes and every layer's faint dot are drawn once per chain; the layers reached, in a layer over them (ChainLayer).
  const { all, domains, wide, narrow } = useMemo(() => {
    const points = trace.layers.map((layer) => ({ layer: layer.k, value: Math.abs(layer.delta) }));
    return { all: points, domains: chainDomains(L, points), wide: chainPlot(L, points), narrow: chainPlot(L, points, true) };
  }, [trace, L]);
  const zeroFrom = trace.layers.filter((layer) => layer.k >= l && layer.delta === 0).pop()?.k;

  return (
    <div class="act-chain" data-widget="backprop-chain">
      <Controls label="Follow the error back">
        <Button onClick={() => goTo(L - 1)} disabled={l === L - 1} label="Back to the layer under the output">
          ⇥ Output
        </Button>
        <Button onClick={() => goTo(l + 1)} disabled={l === L - 1} label="One layer forward, towards the output">
          ▶ Forward
        </Button>
        <Button variant="primary" onClick={() => goTo(l - 1)} disabled={l === 1} label="One layer back, towards the input">
          ◀ One layer back
        </Button>
        <Button onClick={() => goTo(1)} disabled={l === 1} label="All the way back to layer 1">
          ⇤ Layer 1
        </Button>
        <span class="nn-status" aria-live="polite" data-testid="chain-status">
          Layer {l} of {L}
        </span>
      </Controls>
      <p class="nn-readout act-chain-step" data-testid="chain-step">
        <span>
          δ<sup>({l})</sup> = w<sup>({l + 1})</sup> · δ<sup>({l + 1})</sup> · f′(z<sup>({l})</sup>) = {n(at(l + 1).w)} × {n(at(l + 1).delta)} × {n(at(l).slope)} ={' '}
          <strong>{n(at(l).delta)}</strong>
        </span>
        <span>
          = (ŷ − y) · ∏w · ∏f′ = {n(trace.error)} × {n(u.weights)} × {n(u.slopes)} = {n(u.delta)}
        </span>
      </p>
      <DualPlot
        wide={wide}
        narrow={narrow}
        label={`Size of the error δ at each of the ${L} layers of a chain of ${FUNCTION_LABELS[s.activation]} units, log scale; layers ${l} to ${L} reached`}
        overlay={(side, className) => <ChainLayer frame={CHAIN_FRAMES[side]} domains={domains} all={all} reached={l} color={color} class={className} />}
      />
      {zeroFrom !== undefined && (
        <p class="act-note" data-testid="chain-zero">
          δ is exactly 0 from layer {zeroFrom} down: a unit there has f′(z) = 0, so nothing passes back through it (not drawn on the log scale).
        </p>
      )}
      <div class="nn-table-scroll" tabIndex={0} role="region" aria-label="Each layer's numbers (table)">
        <table class="nn-table act-chain-table" data-testid="chain-table">
          <thead>
            <tr>
              <th scope="col">layer k</th>
              <th scope="col">δ⁽ᵏ⁾</th>
              <th scope="col">f′(z⁽ᵏ⁾)</th>
              <th scope="col">w⁽ᵏ⁾</th>
              <th scope="col">z⁽ᵏ⁾</th>
            </tr>
          </thead>
          <tbody>
            {[...trace.layers].reverse().map((layer) => (
              <tr key={layer.k} aria-current={layer.k === l ? 'step' : undefined} class={layer.k === l ? 'act-chain-current' : undefined}>
                <th scope="row">
                  {layer.k < L ? (
                    <button type="button" class="act-cell" aria-pressed={layer.k === l ? 'true' : 'false'} aria-label={`Go to layer ${layer.k}`} onClick={() => goTo(layer.k)}>
                      {layer.k}
                    </button>
                  ) : (
                    <abbr title="the output layer">{layer.k} (ŷ)</abbr>
                  )}
                </th>
                <td>{layer.k >= l ? cell(layer.delta) : '·'}</td>
                <td>{cell(layer.slope)}</td>
                <td>{cell(layer.w)}</td>
                <td>{cell(layer.z)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Controls label="The chain">
        <Field state={state} name="activation" />
        <Field state={state} name="depth" />
        <Field state={state} name="init" />
        <Button onClick={() => state.update({ seed: (s.seed % 1e9) + 1 })}>Reseed</Button>
        <span class="nn-status">seed {s.seed}</span>
      </Controls>
      <Controls label="The example">
        <Field state={state} name="x" format={(v) => formatNumber(v, 2)} />
        <Field state={state} name="y" format={(v) => formatNumber(v, 2)} />
      </Controls>
      <UrlNotice state={state} />
      <p class="act-note">
        {L} layers of one {FUNCTION_LABELS[s.activation]} unit each, the output too; weights drawn from the seed, biases 0; E = ½(ŷ − y)² for ŷ = {n(trace.prediction)}, y = {formatNumber(s.y, 3)}. The δ column is the core’s
        backward pass; the product above multiplies the same factors out by hand.
      </p>
    </div>
  );
}
