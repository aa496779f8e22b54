import { chainLayout, type ChainDomains, type ChainFrame, type ChainPoint } from '../../plots/activations/chain';
import { PlotLayer } from '../shared/PlotLayer';

/** The layers of the chain the reader has reached, in a layer over its plot: a step redraws only this. */
export function ChainLayer({ frame, domains, all, reached, color, class: className }: { frame: ChainFrame; domains: ChainDomains; all: readonly ChainPoint[]; reached: number; color: string; class: string }) {
  const { points, ring } = chainLayout(frame, domains, all, reached);
  return (
    <PlotLayer width={frame.width} height={frame.height} class={className}>
      {points.length > 1 && <polyline points={points.map((p) => `${p.cx},${p.cy}`).join(' ')} fill="none" stroke={color} stroke-width={2} />}
      {points.map((p, i) => (
        <circle key={i} cx={p.cx} cy={p.cy} r={3.5} fill={color} />
      ))}
      {ring && <circle cx={ring.cx} cy={ring.cy} r={8} fill="none" stroke="currentColor" stroke-width={2} data-testid="chain-ring" />}
    </PlotLayer>
  );
}
