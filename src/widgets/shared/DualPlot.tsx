import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PlotOptions } from '../../plots/render';
import { PlotView, type DataRows } from './PlotView';
import { pure } from './pure';

export type Side = 'wide' | 'narrow';

/**
 * A figure drawn twice, for a wide box and for a narrow one (a phone): both drawings are in the
 * build-time HTML and a container query on the box they sit in (figures.css: `.nn-dual`) shows
 * one, so the right one shows before any script runs and nothing jumps. Below a 36rem box a
 * wide drawing (up to 640px, 12–13px text) would shrink its text under 11px, so the narrow one
 * (about 320–340px wide, hardly scaled on a phone) takes its place; `small` wide drawings (at most
 * 448px) keep theirs down to a 24rem box.
 *
 * After hydration only the drawing on screen follows changes: the hidden one keeps the options it
 * was last drawn with, so a slider step costs one drawing, not two. When the stylesheet swaps them
 * (the window or the box is resized, or the page is printed) the newly shown one is redrawn with
 * the current options before the browser paints it (a ResizeObserver callback runs before paint).
 *
 * Each drawing's options can be given as a function (memoised by the caller like options), called
 * only when that drawing is to be drawn: a slider step then builds the options of one drawing, not
 * two.
 *
 * `overlay`, if given, draws a layer for each drawing (e.g. a marker that follows the pointer),
 * placed right after it in the box with the same class, so the stylesheet shows it with its drawing.
 *
 * It renders again only when a prop changes (`pure`): a figure re-rendering for other reasons (a
 * job's streamed results, a status line) leaves its drawings alone without diffing them.
 */
export const DualPlot = pure(function DualPlot({ wide, narrow, label, data, small, overlay }: {
  wide: PlotOptions | (() => PlotOptions);
  narrow: PlotOptions | (() => PlotOptions);
  label: string;
  data?: DataRows | (() => DataRows);
  small?: boolean;
  overlay?: (side: Side, className: string) => ComponentChildren;
}) {
  const wideClass = 'nn-wide';
  const narrowClass = 'nn-narrow';
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
  // The options each drawing was last drawn with; PlotView redraws only when they change. Options
  // given as a function are built once per function.
  const built = useRef<WeakMap<() => PlotOptions, PlotOptions> | null>(null);
  const options = (given: PlotOptions | (() => PlotOptions)): PlotOptions => {
    if (typeof given !== 'function') return given;
    built.current ??= new WeakMap();
    const known = built.current.get(given);
    if (known) return known;
    const made = given();
    built.current.set(given, made);
    return made;
  };
  const drawn = useRef<Record<Side, PlotOptions> | null>(null);
  if (!drawn.current) drawn.current = { wide: options(wide), narrow: options(narrow) };
  if (hidden !== 'wide') drawn.current.wide = options(wide);
  if (hidden !== 'narrow') drawn.current.narrow = options(narrow);
  return (
    <div ref={ref} class={small ? 'nn-dual nn-dual-small' : 'nn-dual'}>
      <PlotView options={drawn.current.wide} label={label} data={data} class={wideClass} />
      {overlay?.('wide', wideClass)}
      <PlotView options={drawn.current.narrow} label={label} data={data} class={narrowClass} />
      {overlay?.('narrow', narrowClass)}
    </div>
  );
});

/**
 * Where a pointer event on an element holding a DualPlot is, in the own pixel units of the drawing
 * on screen (its main SVG, after any legend swatches), with that drawing's frame from `frames`;
 * null when no drawing is on screen or it has no size.
 */
export function pointerInDrawing<T extends Record<Side, { readonly width: number; readonly height: number }>>(
  e: PointerEvent,
  frames: T,
): { x: number; y: number; frame: T[Side] } | null {
  const root = e.currentTarget as Element;
  const plot = [...root.querySelectorAll<HTMLElement>('.nn-plot')].find((p) => p.getClientRects().length > 0);
  const svgs = plot?.querySelectorAll<SVGSVGElement>('svg');
  const svg = svgs?.[svgs.length - 1];
  if (!plot || !svg) return null;
  const frame: T[Side] = plot.classList.contains('nn-narrow') ? frames.narrow : frames.wide;
  const r = svg.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  return { x: ((e.clientX - r.left) * frame.width) / r.width, y: ((e.clientY - r.top) * frame.height) / r.height, frame };
}
