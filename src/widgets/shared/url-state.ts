import { useCallback, useEffect, useState } from 'preact/hooks';
import { FLUSH_URL_EVENT } from './url-events';

/**
 * A widget's state in the page URL, so a configuration can be shared and restored:
 * `?<widget id>.<key>=<value>`. Values that do not parse (or are out of range) are ignored,
 * so a hand-edited link never breaks a widget; values equal to the default are left out.
 */
export interface Codec<T> {
  parse(text: string): T | undefined;
  format(value: T): string;
}

export type Codecs<S> = { [K in keyof S]: Codec<S[K]> };

export function numberCodec(min: number, max: number, { integer = false } = {}): Codec<number> {
  return {
    parse(text) {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) return undefined;
      if (integer && !Number.isInteger(value)) return undefined;
      return value;
    },
    format: (value) => String(value),
  };
}

export function oneOfCodec<T extends string>(values: readonly T[]): Codec<T> {
  return {
    parse: (text) => (values.includes(text as T) ? (text as T) : undefined),
    format: (value) => value,
  };
}

export const booleanCodec: Codec<boolean> = {
  parse: (text) => (text === '1' ? true : text === '0' ? false : undefined),
  format: (value) => (value ? '1' : '0'),
};

/** A comma-separated list; the whole list is rejected if any item fails or the length is off. */
export function listCodec<T>(item: Codec<T>, { min = 0, max = Infinity } = {}): Codec<T[]> {
  return {
    parse(text) {
      const parts = text === '' ? [] : text.split(',');
      if (parts.length < min || parts.length > max) return undefined;
      const values = parts.map((p) => item.parse(p));
      return values.some((v) => v === undefined) ? undefined : (values as T[]);
    },
    format: (values) => values.map((v) => item.format(v)).join(','),
  };
}

/** Reads the state for one widget from a query string; unknown or bad values fall back to defaults. */
export function readState<S extends object>(search: string, prefix: string, codecs: Codecs<S>, defaults: S): S {
  const params = new URLSearchParams(search);
  const state = { ...defaults };
  for (const key of Object.keys(codecs) as (keyof S & string)[]) {
    const text = params.get(`${prefix}.${key}`);
    if (text === null) continue;
    const value = codecs[key].parse(text);
    if (value !== undefined) state[key] = value;
  }
  return state;
}

/** Writes the state for one widget into a query string, leaving other widgets' keys alone. */
export function writeState<S extends object>(search: string, prefix: string, codecs: Codecs<S>, state: S, defaults: S): string {
  const params = new URLSearchParams(search);
  for (const key of Object.keys(codecs) as (keyof S & string)[]) {
    const codec = codecs[key];
    const text = codec.format(state[key]);
    if (text === codec.format(defaults[key])) params.delete(`${prefix}.${key}`);
    else params.set(`${prefix}.${key}`, text);
  }
  const out = params.toString();
  return out ? `?${out}` : '';
}

/**
 * How long the URL waits after a widget's last change before it is rewritten. Each
 * `history.replaceState` is a same-document navigation (Chromium even re-fetches the favicon) and
 * browsers throttle or refuse many in a row (Safari throws after 100 in 30 s, Chromium and Firefox
 * after 200 in 10 s), so a dragged slider writes once, when it comes to rest.
 */
export const URL_WRITE_DELAY_MS = 300;
/** If the browser refuses a write, it is tried again this much later (the state on screen is kept). */
export const URL_RETRY_DELAY_MS = 3000;

/** Pending rewrites of the query string, one per widget prefix (the latest wins). */
const pending = new Map<string, (search: string) => string>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(delay: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(flushUrlState, delay);
}

/** Queues one widget's rewrite of the query string; it is applied after URL_WRITE_DELAY_MS of quiet. */
export function queueUrlWrite(prefix: string, write: (search: string) => string): void {
  pending.set(prefix, write);
  schedule(URL_WRITE_DELAY_MS);
}

/**
 * Applies every pending rewrite now, in one `history.replaceState`. If the browser refuses it, the
 * rewrites stay pending and are tried again after URL_RETRY_DELAY_MS; the widgets are not affected.
 */
export function flushUrlState(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (pending.size === 0) return;
  let search = location.search;
  for (const write of pending.values()) search = write(search);
  try {
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    pending.clear();
  } catch {
    schedule(URL_RETRY_DELAY_MS);
  }
}

if (typeof document !== 'undefined') {
  document.addEventListener(FLUSH_URL_EVENT, flushUrlState);
  addEventListener('pagehide', flushUrlState);
}

/**
 * State that lives in the URL. The first render uses the defaults (matching the build-time HTML);
 * right after hydration the URL's values are applied, and every change is written back once the
 * widget has been still for URL_WRITE_DELAY_MS (see `queueUrlWrite`).
 */
export function useUrlState<S extends object>(prefix: string, codecs: Codecs<S>, defaults: S): [S, (patch: Partial<S>) => void] {
  const [state, setState] = useState<S>(defaults);
  useEffect(() => {
    // A change made before this effect ran (a value typed before hydration, replayed) may still be
    // waiting to reach the URL: write it first, so that reading the URL does not undo it.
    flushUrlState();
    const fromUrl = readState(location.search, prefix, codecs, defaults);
    setState(fromUrl);
    // Read once, on hydration: codecs and defaults are constants of the widget.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefix]);
  const update = useCallback(
    (patch: Partial<S>) => {
      setState((old) => {
        const next = { ...old, ...patch };
        queueUrlWrite(prefix, (search) => writeState(search, prefix, codecs, next, defaults));
        return next;
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [prefix],
  );
  return [state, update];
}
