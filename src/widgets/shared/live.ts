import { useEffect, useMemo } from 'preact/hooks';
import type { FigureDeclaration, FigureResult, FigureValues } from '../../figures/figure';
import { LIVE_EVENT, type LiveEventDetail } from '../../lib/live-event';

/**
 * Lends a figure's numbers to the live formulas of its page (LiveFormula.astro): computes them with
 * the declaration's `live.compute` for the figure's settings, what the reader points at and (for a
 * figure whose numbers come out of its computation) its latest finished result, and announces them
 * whenever they change (at most once a frame).
 */
export function useLiveValues<F extends FigureDeclaration<any, any, any, any>>(
  figure: F, id: string, settings: FigureValues<F>, at?: Readonly<Record<string, number>>, result?: FigureResult<F>,
): void {
  const key = JSON.stringify([settings, at]);
  const values = useMemo(() => figure.live?.compute(settings, at, result), [key, result]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!values) return;
    const frame = requestAnimationFrame(() => document.dispatchEvent(new CustomEvent<LiveEventDetail>(LIVE_EVENT, { detail: { id, values } })));
    return () => cancelAnimationFrame(frame);
  }, [values, id]);
}
