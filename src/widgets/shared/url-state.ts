import { useCallback, useEffect, useState } from 'preact/hooks';
import { FLUSH_URL_EVENT } from './url-events';

import type { Codec } from '../../figures/setting-codecs';

/**
 * A widget's state in the page URL, so a configuration can be shared and restored:
 * `?<widget id>.<key>=<value>`. Values that do not parse (or are out of range) are ignored,
 * so a hand-edited link never breaks a widget; values equal to the default are left out.
 * Which fields travel, under which key and how they are written: `UrlFields`, derived from the
 * figure's declaration (figure-state.ts).
 */
export type UrlFields<S> = { [K in keyof S]?: { readonly key: string; readonly codec: Codec<S[K]> } };

function fields<S extends object>(spec: UrlFields<S>): [keyof S & string, { key: string; codec: Codec<unknown> }][] {
  return Object.entries(spec).filter(([, f]) => f) as [keyof S & string, { key: string; codec: Codec<unknown> }][];
}

/** A parameter of the URL that was not applied, and why. */
export interface IgnoredParam {
  param: string;
  value: string;
  /** invalid: the value is not allowed; repeated: the key came again; unknown: the figure has no such key. */
  why: 'invalid' | 'repeated' | 'unknown';
}

/**
 * Reads the state for one widget from a query string; unknown or bad values fall back to defaults
 * and are listed in `ignored` (a key given twice: the first is used, the others are ignored).
 */
export function readState<S extends object>(search: string, prefix: string, spec: UrlFields<S>, defaults: S): { state: S; ignored: IgnoredParam[] } {
  const params = new URLSearchParams(search);
  const state = { ...defaults };
  const ignored: IgnoredParam[] = [];
  const known = new Set<string>();
  for (const [name, { key, codec }] of fields(spec)) {
    const param = `${prefix}.${key}`;
    known.add(param);
    const all = params.getAll(param);
    if (all.length === 0) continue;
    // A value longer than the codec takes is not even read (a hostile link cannot make it work hard).
    const value = codec.maxLength !== undefined && all[0].length > codec.maxLength ? undefined : codec.parse(all[0]);
    if (value !== undefined) state[name] = value as S[typeof name];
    else ignored.push({ param, value: all[0], why: 'invalid' });
    for (const extra of all.slice(1)) ignored.push({ param, value: extra, why: 'repeated' });
  }
  for (const [param, value] of params) {
    if (param.startsWith(`${prefix}.`) && !known.has(param)) ignored.push({ param, value, why: 'unknown' });
  }
  return { state, ignored };
}

/**
 * Writes the state for one widget into a query string, leaving other widgets' keys alone and
 * dropping this widget's parameters that were ignored (so a shared link carries no junk). A value
 * whose text is longer than its codec's `maxLength` stays out (see `unwritten`).
 */
export function writeState<S extends object>(search: string, prefix: string, spec: UrlFields<S>, state: S, defaults: S): string {
  const params = new URLSearchParams(search);
  for (const param of [...params.keys()]) if (param.startsWith(`${prefix}.`)) params.delete(param);
  for (const [name, { key, codec }] of fields(spec)) {
    const text = codec.format(state[name]);
    if (codec.maxLength !== undefined && text.length > codec.maxLength) continue;
    if (text !== codec.format(defaults[name])) params.set(`${prefix}.${key}`, text);
  }
  const out = params.toString();
  return out ? `?${out}` : '';
}

/** The fields whose value is too long for the URL (`maxLength`), with the length of their text. */
export function unwritten<S extends object>(spec: UrlFields<S>, state: S): { name: keyof S & string; length: number; max: number }[] {
  const out: { name: keyof S & string; length: number; max: number }[] = [];
  for (const [name, { codec }] of fields(spec)) {
    if (codec.maxLength === undefined) continue;
    const length = codec.format(state[name]).length;
    if (length > codec.maxLength) out.push({ name, length, max: codec.maxLength });
  }
  return out;
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
 * right after hydration the URL's values are applied (and its ignored parameters of this widget
 * dropped from it, reported in `ignored`), and every change is written back once the widget has
 * been still for URL_WRITE_DELAY_MS (see `queueUrlWrite`).
 */
export function useUrlState<S extends object>(prefix: string, spec: UrlFields<S>, defaults: S): [S, (patch: Partial<S>) => void, IgnoredParam[]] {
  const [state, setState] = useState<S>(defaults);
  const [ignored, setIgnored] = useState<IgnoredParam[]>([]);
  useEffect(() => {
    // A change made before this effect ran (a value typed before hydration, replayed) may still be
    // waiting to reach the URL: write it first, so that reading the URL does not undo it.
    flushUrlState();
    const read = readState(location.search, prefix, spec, defaults);
    setState(read.state);
    setIgnored(read.ignored);
    // Ignored parameters leave the URL, and the rest is written the way this figure writes it
    // (`fns=relu,relu` becomes `fns=relu`), so a shared link says what the figure shows.
    const mine = (search: string) => [...new URLSearchParams(search)].filter(([k]) => k.startsWith(`${prefix}.`)).map(([k, v]) => `${k}=${v}`).sort().join('&');
    if (mine(location.search) !== mine(writeState(location.search, prefix, spec, read.state, defaults))) {
      queueUrlWrite(prefix, (search) => writeState(search, prefix, spec, read.state, defaults));
    }
    // Read once, on hydration: the fields and defaults are constants of the widget.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefix]);
  const update = useCallback(
    (patch: Partial<S>) => {
      setState((old) => {
        const next = { ...old, ...patch };
        queueUrlWrite(prefix, (search) => writeState(search, prefix, spec, next, defaults));
        return next;
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [prefix],
  );
  return [state, update, ignored];
}
