import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PlotOptions } from '../../plots/render';
import { PlotView, type DataRows } from './PlotView';

export type Side = 'wide' | 'narrow';

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
 *
 * `overlay`, if given, draws a layer for each drawing (e.g. a marker that follows the pointer),
 * placed right after it in the box with the same class, so the stylesheet shows it with its drawing.
 */
export function DualPlot({ wide, narrow, label, data, wideClass, narrowClass, box, overlay }: {
  wide: PlotOptions;
  narrow: PlotOptions;
  label: string;
  data?: DataRows;
  wideClass: string;
  narrowClass: string;
  box?: string;
  overlay?: (side: Side, className: string) => ComponentChildren;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<Side | null>(null);
  useLayoutEffect(() => {
    const pair = ref.current;
    if (!pair || typeof ResizeObserver === 'undefined') return;
    const [w, n] = [...pair.querySelectorAll<HTMLElement>(':scope > .nn-plot')];
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
      {overlay?.('wide', wideClass)}
      <PlotView options={drawn.current.narrow} label={label} data={data} class={narrowClass} />
      {overlay?.('narrow', narrowClass)}
    </div>
  );
}
