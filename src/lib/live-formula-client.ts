/**
 * The page side of live formulas (LiveFormula.astro): a figure announces its numbers with a
 * `nn:live` event on the document (`{ id, values }`, see widgets/shared/live.ts); every formula bound
 * to that figure rewrites its numbers in place, and says the new ones, once they settle, to screen
 * readers (politely). No framework: a few hundred bytes, loaded with the page.
 */
import { formatLive } from './live-formula-format';
import { LIVE_EVENT, type LiveEventDetail } from './live-event';

const pending = new Map<Element, ReturnType<typeof setTimeout>>();

document.addEventListener(LIVE_EVENT, (event) => {
  const { id, values } = (event as CustomEvent<LiveEventDetail>).detail;
  for (const formula of document.querySelectorAll<HTMLElement>(`.nn-live-formula[data-nn-live-of="${CSS.escape(id)}"]`)) {
    const said: string[] = [];
    const labels = JSON.parse(formula.dataset.labels ?? '{}') as Record<string, string>;
    for (const el of formula.querySelectorAll<HTMLElement | MathMLElement>('[data-nnlive]')) {
      const name = el.getAttribute('data-nnlive') ?? '';
      if (!(name in values)) continue;
      const text = formatLive(values[name], el.getAttribute('data-format') ?? 'd3');
      if (el.textContent !== text) el.textContent = text;
      if (el.tagName.toLowerCase() !== 'mn' && !said.some((s) => s.startsWith(`${labels[name] ?? name} =`))) said.push(`${labels[name] ?? name} = ${text}`);
    }
    const say = formula.querySelector('[data-nn-live-say]');
    clearTimeout(pending.get(formula));
    pending.set(
      formula,
      setTimeout(() => {
        if (say) say.textContent = said.join('; ');
      }, 600),
    );
  }
});
