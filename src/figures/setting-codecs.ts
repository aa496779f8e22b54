/**
 * How each setting travels in the page URL: its key, and a codec (text in the URL ⇄ value) checked
 * by the same rule as every other way a value arrives (settings.ts, `checkValue`). A dataset travels
 * compressed (data-url.ts).
 */
import { DATA_URL_MAX, dataItems, dataText, formatData } from './data-url';
import { checkValue, readDecimal, type DataSetting, type SettingSpec, type ValueOf } from './settings';

/** How a setting is written in, and read back from, the page URL. */
export interface Codec<T> {
  parse(text: string): T | undefined;
  format(value: T): string;
  /** A value whose text is longer stays out of the URL, and a longer text in the URL is not read. */
  readonly maxLength?: number;
}

/**
 * A dataset as CSV: the header x,y, then one point per line, each number as JavaScript writes it
 * (so reading it back gives the same numbers bit for bit; a finite number's text needs no quotes).
 * Ends with a newline. The parser is data-csv.ts.
 */
export function dataCsv(points: readonly (readonly [number, number])[]): string {
  return `x,y\n${points.map(([x, y]) => `${x},${y}\n`).join('')}`;
}

/** A dataset read back from its URL text (data-url.ts), checked against its setting; undefined if it is not one. */
export function parseData(spec: DataSetting, text: string): [number, number][] | null | undefined {
  const items = dataItems(text, spec.maxItems);
  return items ? checked(spec, items.map((p) => p.split(':').map(readDecimal))) : items;
}

const checked = <T>(spec: SettingSpec, value: unknown): T | undefined => {
  const c = checkValue(spec, value);
  return c.ok ? (c.value as T) : undefined;
};

/** The URL codec of a setting: text in the URL ⇄ value, checked by the same rule as everything else. */
export function codecOf<S extends SettingSpec>(spec: S): Codec<ValueOf<S>> {
  const items = (text: string) => (text === '' ? [] : text.split(','));
  switch (spec.type) {
    case 'number':
      return { parse: (t: string) => checked(spec, readDecimal(t)), format: String } as Codec<ValueOf<S>>;
    case 'enum':
      return { parse: (t: string) => checked(spec, t), format: String } as Codec<ValueOf<S>>;
    case 'list':
      return { parse: (t: string) => checked(spec, items(t)), format: (v: string[]) => v.join(',') } as unknown as Codec<ValueOf<S>>;
    case 'boolean':
      return { parse: (t: string) => (t === '1' ? true : t === '0' ? false : undefined), format: (v: boolean) => (v ? '1' : '0') } as unknown as Codec<ValueOf<S>>;
    case 'numbers':
      return { parse: (t: string) => checked(spec, items(t).map(readDecimal)), format: (v: number[]) => v.join(',') } as unknown as Codec<ValueOf<S>>;
    case 'points':
      return {
        parse: (t: string) => checked(spec, items(t).map((p) => p.split(':').map(readDecimal))),
        format: (v: [number, number][]) => dataText(v),
      } as unknown as Codec<ValueOf<S>>;
    case 'data':
      return { parse: (t: string) => parseData(spec, t), format: formatData, maxLength: DATA_URL_MAX } as unknown as Codec<ValueOf<S>>;
  }
}

/** The key of a setting in the URL, or null if it stays out of the URL. */
export function urlKey(name: string, spec: SettingSpec): string | null {
  return spec.url === false ? null : (spec.url ?? name);
}
