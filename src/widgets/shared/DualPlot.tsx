import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PlotOptions } from '../../plots/render';
import { PlotView, type DataRows } from './PlotView';

type Side = 'wide' | 'narrow';

/**
 * A figure drawn twice, for a wide box and for a narrow one (a phone): both drawings are in the
 * build-time HTML and the article's stylesheet shows one of them through `wideClass` and
 * `narrowClass`, so the right one shows before any script runs and nothing jumps. `box` is the
 * class of the div around the pair (e.g. a CSS container to query).
 *
 * After hydration only the drawing on screen follows changes: the hidden one keeps the options it
 * was last drawn with, so a slider step costs one drawing, not two. When the stylesheet swaps them
 * (the window or the box is resized, or the page is printed) the newly shown one is redrawn with
 * the current options before the browser paints it (a ResizeObserver callback runs before paint).
 */
export function DualPlot({ wide, narrow, label, data, wideClass, narrowClass, box }: {
  wide: PlotOptions;
  narrow: PlotOptions;
  label: string;
  data?: DataRows;
  wideClass: string;
  narrowClass: string;
  box?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<Side | null>(null);
  useLayoutEffect(() => {
    const pair = ref.current;
    if (!pair || typeof ResizeObserver === 'undefined') return;
    const [w, n] = [...pair.children] as HTMLElement[];
    const check = () => {
      const wideShown = w.getClientRects().length > 0;
      const narrowShown = n.getClientRects().length > 0;
      setHidden(wideShown === narrowShown ? null : wideShown ? 'narrow' : 'wide');
    };
    const both = () => setHidden(null);
    const observer = new ResizeObserver(check);
    observer.observe(w);
    observer.observe(n);
    addEventListener('beforeprint', both);
    addEventListener('afterprint', check);
    return () => {
      observer.disconnect();
      removeEventListener('beforeprint', both);
      removeEventListener('afterprint', check);
    };
  }, []);
  // The options each drawing was last drawn with; PlotView redraws only when they change.
  const drawn = useRef({ wide, narrow });
  if (hidden !== 'wide') drawn.current.wide = wide;
  if (hidden !== 'narrow') drawn.current.narrow = narrow;
  return (
    <div ref={ref} class={box ?? 'nn-dual'}>
      <PlotView options={drawn.current.wide} label={label} data={data} class={wideClass} />
      <PlotView options={drawn.current.narrow} label={label} data={data} class={narrowClass} />
    </div>
  );
}
