import { useMemo } from 'preact/hooks';
import type { FigureDeclaration, FigureValues } from '../../figures/figure';
import { codecOf, urlKey } from '../../figures/setting-codecs';
import { DATA_URL_MAX, expected, type SettingSpec } from '../../figures/settings';
import { useUrlState, type IgnoredParam, type UrlFields } from './url-state';

/** The URL fields of a figure: every setting with a URL key, under that key, with its derived codec. */
export function urlFields<F extends FigureDeclaration<any, any, any, any>>(figure: F): UrlFields<FigureValues<F>> {
  const out: Record<string, { key: string; codec: unknown }> = {};
  for (const [name, spec] of Object.entries(figure.settings as Record<string, SettingSpec>)) {
    const key = urlKey(name, spec);
    if (key !== null) out[name] = { key, codec: codecOf(spec) };
  }
  return out as UrlFields<FigureValues<F>>;
}

/** One sentence on the URL parameters that were not applied: "Ignored exp.lambda=NaN: λ must be a number from 0 to 10." */
export function ignoredMessage(figure: FigureDeclaration<any, any, any, any>, prefix: string, ignored: readonly IgnoredParam[]): string | null {
  if (ignored.length === 0) return null;
  const byKey = new Map<string, SettingSpec>();
  for (const [name, spec] of Object.entries(figure.settings as Record<string, SettingSpec>)) {
    const key = urlKey(name, spec);
    if (key !== null) byKey.set(`${prefix}.${key}`, spec);
  }
  const shown = (v: string) => (v.length > 24 ? `${v.slice(0, 23)}…` : v);
  const parts = ignored.map(({ param, value, why }) => {
    const spec = byKey.get(param);
    const reason =
      why === 'repeated'
        ? 'given twice, the first one is used'
        : !spec
          ? 'this figure has no such setting'
          : spec.type === 'data' && value.length > DATA_URL_MAX
            ? `a dataset in a link is at most ${DATA_URL_MAX} characters (this one has ${value.length.toLocaleString('en-US')})`
            : spec.type === 'data'
              ? `${spec.label} must be ${expected(spec)}, compressed as this figure writes it`
              : `${spec.label} must be ${expected(spec)}`;
    return `${param}=${shown(value)}: ${reason}`;
  });
  return `Ignored ${parts.join('; ')}.`;
}

export interface FigureState<F extends FigureDeclaration<any, any, any, any>> {
  readonly figure: F;
  /** The figure's id (its URL prefix). */
  readonly id: string;
  /** The settings now. */
  readonly values: FigureValues<F>;
  /** The settings the article gave (what the page was built with). */
  readonly initial: FigureValues<F>;
  update(patch: Partial<FigureValues<F>>): void;
  /** Why some of the URL's parameters for this figure were not applied, or null. */
  readonly notice: string | null;
}

/**
 * A figure's settings, kept in the page URL with the codecs derived from its declaration. The first
 * render uses the article's settings (the HTML built at build time); the URL's are applied right
 * after hydration.
 */
export function useFigureState<F extends FigureDeclaration<any, any, any, any>>(figure: F, id: string, initial: FigureValues<F>): FigureState<F> {
  const fields = useMemo(() => urlFields(figure), [figure]);
  const [values, update, ignored] = useUrlState<FigureValues<F>>(id, fields, initial);
  const notice = useMemo(() => ignoredMessage(figure, id, ignored), [figure, id, ignored]);
  // the same object while nothing in it changes, so that parts given the state can skip a render (pure)
  return useMemo(() => ({ figure, id, values, initial, update, notice }), [figure, id, values, initial, update, notice]);
}
