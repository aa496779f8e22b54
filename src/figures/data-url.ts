/**
 * A reader's own dataset (settings.ts, type 'data') in the page URL: the points as text
 * ("x:y,x:y,…", each number as JavaScript writes it, so reading it back gives the same numbers bit
 * for bit), compressed with lz-string into URL-safe characters. A dataset whose compressed text is
 * longer than DATA_URL_MAX stays out of the URL (a longer text in the URL is not read). Checking
 * the points read back against the setting is settings.ts's (`parseData`), as for every setting.
 */
import * as lzModule from 'lz-string';

// lz-string is CommonJS: Node's ESM loader hands its functions over as the default export, a bundler as named ones.
const lz = ((lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule) as typeof lzModule;

/** The longest compressed dataset a link carries (characters); a larger one is shared as a CSV file. */
export const DATA_URL_MAX = 2000;

/** A dataset as text before compression: "x:y,x:y,…", each number as JavaScript writes it (exact). */
export const dataText = (v: readonly (readonly [number, number])[]) => v.map(([a, b]) => `${a}:${b}`).join(',');

/** The URL text of a dataset (lz-string, URL-safe): '' for the figure's own data. */
export function formatData(v: readonly (readonly [number, number])[] | null): string {
  return v === null ? '' : lz.compressToEncodedURIComponent(dataText(v));
}

/**
 * A dataset's points as the texts "x:y" read back from its URL text, at most `maxItems` of them:
 * null for '' (the figure's own data), undefined if the text is not a dataset's.
 */
export function dataItems(text: string, maxItems: number): string[] | null | undefined {
  if (text === '') return null;
  if (text.length > DATA_URL_MAX) return undefined;
  let raw: string | null;
  try {
    raw = lz.decompressFromEncodedURIComponent(text);
  } catch {
    return undefined;
  }
  // Each point is at most two numbers of ~25 characters: anything much longer is not a dataset.
  if (!raw || raw.length > maxItems * 64) return undefined;
  const items = raw.split(',');
  if (items.length > maxItems) return undefined;
  return items;
}
