import * as Plot from '@observablehq/plot';
import { hoistPlotStyles, plotDocument } from '#plot-document';

/** Plot options as built by the pure builders in src/plots (no `document`: that is ours to add). */
export type PlotOptions = Omit<Plot.PlotOptions, 'document'> & {
  /**
   * Set by a builder whose drawing has live marks (`className: live('name')` on the mark): marks whose
   * data follow the reader while everything else stays put. `frame` names that everything else,
   * as a key: two options with the same key have the same size, margins, scale domains, axes and
   * other marks, so a redraw only has to draw the live marks again (`redrawLive`). Such a builder
   * gives all four margins (without axes Plot would choose other ones).
   *
   * `patch` may give, by a live mark's class, a function that brings that mark's group up to date
   * by itself, without Plot: for a mark whose elements keep their places and change only colours
   * (the cells of a heatmap), or whose elements the builder places on the frame's scales exactly as
   * Plot would (the heatmap's outlines). It returns false, having changed nothing, when it cannot
   * (then Plot draws the mark). Its attributes must read as Plot's would after `trimNumbers` (see
   * `trimmed`).
   *
   * `data` may give, by a live mark's class, a key of everything that mark shows within the frame
   * (the outlines of switched-off units: which units are off). When the previous options gave the
   * same key, the mark's group is left as it is, drawn by neither Plot nor a patch.
   */
  live?: {
    readonly frame: string;
    readonly patch?: Readonly<Record<string, (group: Element) => boolean>>;
    readonly data?: Readonly<Record<string, string>>;
  };
};

/** The class every live mark has (see `PlotOptions.live` and `live`). */
export const LIVE = 'nn-live';

/** A drawing as Plot returns it: an `svg` (or a `figure` around several), with its scales. */
export type Drawing = Element & Pick<ReturnType<typeof Plot.plot>, 'scale'>;

/**
 * Draws a figure and returns its markup. The same call runs at build time (server DOM) and in
 * the browser, so the figure in the HTML and the figure after hydration come from one code path.
 */
export function renderPlot(options: PlotOptions): string {
  return drawPlot(options).outerHTML;
}

/** Draws a figure (see `renderPlot`) and returns the element, with its scales for `redrawLive`. */
export function drawPlot(options: PlotOptions): Drawing {
  return finish(Plot.plot({ ...options, document: plotDocument() }) as unknown as Drawing);
}

/** What every drawing goes through after Plot: labels, style sheets, numbers. */
function finish(node: Drawing): Drawing {
  // The figure is labelled as a whole (PlotView gives it role="img" and a label); Plot's own
  // aria-labels on inner groups have no role to belong to, so they are dropped.
  for (const el of node.querySelectorAll('[aria-label]')) {
    if (!el.getAttribute('role')) el.removeAttribute('aria-label');
  }
  node.querySelector('svg')?.removeAttribute('aria-label');
  if (node.tagName.toLowerCase() === 'svg') node.removeAttribute('aria-label');
  hoistPlotStyles(node);
  trimNumbers(node);
  return node;
}

/** Scales a drawing can have; a live redraw must find each one as the full drawing had it. */
const SCALES = ['x', 'y', 'fx', 'fy', 'color', 'opacity', 'r', 'length', 'symbol'] as const;

/**
 * A drawing's scales (domains, ranges, types …) in a few characters: a 32-bit FNV-1a hash of their
 * description and its length. A live redraw compares it with the whole drawing's; the build writes
 * it beside each drawing it puts in the page, so the browser can redraw live marks into that
 * drawing without drawing it again for its scales.
 */
export function scaleSignature(d: Drawing): string {
  const text = JSON.stringify(SCALES.map((name) => d.scale(name) ?? null));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(36)}-${text.length.toString(36)}`;
}

/**
 * Whether Plot draws in this browser exactly as it drew at build time. Plot moves marks by half a
 * pixel on a screen of one device pixel per CSS pixel, deciding once, as its module loads (its
 * `offset`); on any denser screen, and at build time, it does not. So the build's drawing can take
 * live marks drawn here only on a denser screen (phones, most laptops).
 */
export const drawsLikeBuild = typeof window !== 'undefined' && window.devicePixelRatio > 1;

/**
 * Brings the drawing inside `root` (drawn whole from options with the same `live.frame` as `next`,
 * its scales' signature being `scales`) up to `next` by drawing only the live marks and putting them in
 * place of the old ones: Plot skips the axes and the other marks, about three quarters of its work
 * for the softmax chart. The result is the drawing `drawPlot(next)` would make
 * (tests/unit/live-marks.test.ts). Returns false when that
 * cannot be promised (another frame, marks that do not pair up, or scales that come out
 * different); the caller then draws the whole figure. Only a builder's `patch` may have changed
 * the drawing by then, to what the whole figure redrawn will show anyway.
 */
export function redrawLive(root: Element, scales: string, previous: PlotOptions, next: PlotOptions): boolean {
  if (!previous.live || !next.live || previous.live.frame !== next.live.frame) return false;
  const margins = [next.marginTop, next.marginRight, next.marginBottom, next.marginLeft];
  if (next.margin === undefined && margins.some((m) => m === undefined)) return false;
  const marks = (next.marks ?? []).filter((m) => isLive(classOf(m)));
  const names = marks.map((m) => classOf(m) as string);
  if (names.length === 0 || new Set(names).size !== names.length) return false;
  // A mark with no data draws no group at all: groups pair up by their class, not their order.
  const old = liveGroups(root);
  if (!old || [...old.keys()].some((name) => !names.includes(name))) return false;
  // Marks that show what they showed stay; marks the builder brings up to date itself are patched;
  // Plot draws the others.
  const patch = next.live.patch ?? {};
  const [was, now] = [previous.live.data ?? {}, next.live.data ?? {}];
  const drawn = marks.filter((_, i) => {
    const name = names[i];
    if (was[name] !== undefined && was[name] === now[name]) return false;
    const group = old.get(name);
    return !(group && patch[name]?.(group));
  });
  if (drawn.length === 0) return true;
  const node = finish(
    Plot.plot({
      ...next,
      document: plotDocument(),
      marks: drawn,
      axis: null,
      grid: false,
      title: undefined,
      subtitle: undefined,
      caption: undefined,
      x: { ...next.x, axis: null, grid: false },
      y: { ...next.y, axis: null, grid: false },
      fx: { ...next.fx, axis: null, grid: false },
      fy: { ...next.fy, axis: null, grid: false },
      color: { ...next.color, legend: false },
    }) as unknown as Drawing,
  );
  const fresh = liveGroups(node);
  // A group that was not there has no place to go (a full drawing puts it in order).
  if (!fresh || [...fresh.keys()].some((name) => !old.has(name)) || scaleSignature(node) !== scales) return false;
  for (const mark of drawn) {
    const name = classOf(mark) as string;
    const [g, now] = [old.get(name), fresh.get(name)];
    if (!g) continue;
    if (!now) g.remove();
    else if (sameShape(g, now)) copyInto(g, now);
    else g.replaceWith(now);
  }
  return true;
}

/** The class of a live mark (`className: live('bars')`); the name is unique within a drawing. */
export function live(name: string): string {
  return `${LIVE} ${LIVE}-${name}`;
}

const classOf = (mark: unknown): unknown => (mark as { className?: unknown } | null)?.className;

function isLive(className: unknown): className is string {
  return typeof className === 'string' && className.split(' ').includes(LIVE);
}

/** The live marks' groups of a drawing by their class, or null if two share one. */
function liveGroups(root: Element): Map<string, Element> | null {
  const groups = new Map<string, Element>();
  for (const g of root.querySelectorAll(`g.${LIVE}`)) {
    const name = g.getAttribute('class') ?? '';
    if (groups.has(name)) return null;
    groups.set(name, g);
  }
  return groups;
}

/** Whether two elements have the same tags all the way down (then one can take the other's attributes and text). */
function sameShape(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName || a.childNodes.length !== b.childNodes.length) return false;
  for (let i = 0; i < a.childNodes.length; i++) {
    const x = a.childNodes[i];
    const y = b.childNodes[i];
    if (x.nodeType !== y.nodeType) return false;
    if (x.nodeType === 1 && !sameShape(x as Element, y as Element)) return false;
  }
  return true;
}

/**
 * Makes `to` read as `from` (same shape, see `sameShape`), touching only what differs: a live
 * redraw moves the bars of a chart, and the browser restyles a changed attribute more cheaply than
 * a new element.
 */
function copyInto(to: Element, from: Element): void {
  for (const name of to.getAttributeNames()) if (!from.hasAttribute(name)) to.removeAttribute(name);
  for (const name of from.getAttributeNames()) {
    const value = from.getAttribute(name)!;
    if (to.getAttribute(name) !== value) to.setAttribute(name, value);
  }
  for (let i = 0; i < to.childNodes.length; i++) {
    const x = to.childNodes[i];
    const y = from.childNodes[i];
    if (x.nodeType === 1) copyInto(x as Element, y as Element);
    else if (x.nodeValue !== y.nodeValue) x.nodeValue = y.nodeValue;
  }
}

/** Attributes whose numbers are positions or sizes in pixels (a tenth of a pixel is below what a screen shows). */
const PIXELS = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'd', 'points', 'transform']);
/** Attributes whose numbers are opacities (two decimals are 1% steps). */
const OPACITIES = new Set(['opacity', 'fill-opacity', 'stroke-opacity']);
const DECIMAL = /-?(?:\d*\.\d+|\d+)(?:e[-+]?\d+)?/gi;
/** A value that is one number and nothing else (most are): rounded without a search through it. */
const NUMBER = /^-?(?:\d*\.\d+|\d+)(?:e[-+]?\d+)?$/i;
/** Worth rewriting: a fraction or an exponent. */
const FRACTIONAL = /\.\d|\de[-+]?\d/i;

/**
 * Writes a drawing's numbers to a tenth of a pixel (and opacities to a hundredth) instead of the
 * 15 digits Plot computes: the same picture in about a third less markup (the page carries every
 * figure drawn at build time). Build and browser trim alike, so their drawings stay identical.
 */
export function trimNumbers(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.tagName.toLowerCase() === 'svg') continue; // its viewBox and size stay exact
    for (const name of el.getAttributeNames()) {
      const trim = PIXELS.has(name) ? tenth : OPACITIES.has(name) ? hundredth : null;
      const value = trim && el.getAttribute(name);
      if (trim && value && FRACTIONAL.test(value)) el.setAttribute(name, trimText(value, trim));
    }
  }
}

const round = (digits: number) => (text: string) => {
  const v = Number(text);
  if (!Number.isFinite(v)) return text;
  const r = Number(v.toFixed(digits));
  return String(r === 0 ? 0 : r);
};
const tenth = round(1);
const hundredth = round(2);

/**
 * A number as `trimNumbers` leaves it in an attribute: a pixel to a tenth, an opacity to a
 * hundredth (for a `patch`, which may set hundreds a step). The same text `round` gives, without
 * reading it back: a whole or non-finite number is written as it is, any other has a fraction.
 */
export function trimmed(value: number, kind: 'pixels' | 'opacity'): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  const r = Number(value.toFixed(kind === 'pixels' ? 1 : 2));
  return String(r === 0 ? 0 : r);
}

/** Sets an attribute to a number as `trimNumbers` leaves it (see `trimmed`), touching it only if it reads otherwise: for a `patch`. */
export function setTrimmed(el: Element, name: string, value: number, kind: 'pixels' | 'opacity'): void {
  const text = trimmed(value, kind);
  if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

/** Every number of an attribute's text rounded (a text that is one number, as most are, without a search through it). */
const trimText = (text: string, trim: (number: string) => string) => (NUMBER.test(text) ? trim(text) : text.replace(DECIMAL, trim));

