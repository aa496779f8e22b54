/**
 * The page side of live formulas (LiveFormula.astro): a figure announces its numbers with a
 * `nn:live` event on the document (`{ id, values }`, see widgets/shared/live.ts); every formula bound
 * to that figure rewrites its numbers in place, and says the new ones, once they settle, to screen
 * readers (politely). No framework: a few hundred bytes, loaded with the page.
 */
import { formatLive } from './live-formula-format';
import { LIVE_EVENT, type LiveEventDetail } from './live-event';

/** A formula's places for numbers, found once: the page's formulas are in its HTML and stay. */
interface Bound {
  formula: HTMLElement;
  /** Each number's element, its value's name, format, and whether it is MathML's copy (not said twice). */
  slots: { el: Element; name: string; format: string; spoken: boolean }[];
  labels: Record<string, string>;
  say: Element | null;
}

/**
 * The formulas bound to each figure, looked up on the figure's first event: a search of the whole
 * page for them (thousands of elements of typeset maths) would cost every slider step milliseconds on a phone.
 */
const bound = new Map<string, Bound[]>();
function formulasOf(id: string): Bound[] {
  let list = bound.get(id);
  if (!list) {
    list = [...document.querySelectorAll<HTMLElement>(`.nn-live-formula[data-nn-live-of="${CSS.escape(id)}"]`)].map((formula) => ({
      formula,
      slots: [...formula.querySelectorAll('[data-nnlive]')].map((el) => ({
        el,
        name: el.getAttribute('data-nnlive') ?? '',
        format: el.getAttribute('data-format') ?? 'd3',
        spoken: el.tagName.toLowerCase() !== 'mn',
      })),
      labels: JSON.parse(formula.dataset.labels ?? '{}') as Record<string, string>,
      say: formula.querySelector('[data-nn-live-say]'),
    }));
    bound.set(id, list);
  }
  return list;
}

const pending = new Map<Element, ReturnType<typeof setTimeout>>();

document.addEventListener(LIVE_EVENT, (event) => {
  const { id, values } = (event as CustomEvent<LiveEventDetail>).detail;
  for (const { formula, slots, labels, say } of formulasOf(id)) {
    const said: string[] = [];
    for (const { el, name, format, spoken } of slots) {
      if (!(name in values)) continue;
      const text = formatLive(values[name], format);
      if (el.textContent !== text) el.textContent = text;
      if (spoken && !said.some((s) => s.startsWith(`${labels[name] ?? name} =`))) said.push(`${labels[name] ?? name} = ${text}`);
    }
    clearTimeout(pending.get(formula));
    pending.set(
      formula,
      setTimeout(() => {
        if (say) say.textContent = said.join('; ');
      }, 600),
    );
  }
});
