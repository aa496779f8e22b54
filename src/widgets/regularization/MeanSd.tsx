import { formatMeanSd } from '../../lib/format';

/**
 * "mean ± sd" in a table cell (formatMeanSd) with an ordinary space before "±", so that where the
 * cell may wrap (a phone, see regularization.css) the pair breaks there and nowhere else: never
 * inside a number or after "±".
 */
export function MeanSd({ value }: { value: { readonly mean: number | null; readonly sd: number | null } }) {
  return <>{formatMeanSd(value).replace('\u00a0±', ' ±')}</>;
}
