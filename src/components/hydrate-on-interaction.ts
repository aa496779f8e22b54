/**
 * `client:interact`, the way figures come alive. A figure is drawn in full when the page is built,
 * so reading the page needs no JavaScript; the figure's island is loaded and hydrated only when the
 * reader turns to it — the mouse over it, a press or tap on it, keyboard focus in it — or, when
 * the page URL holds the figure's own settings (a shared link), as soon as it scrolls into view,
 * so that it shows them. Nothing hydrates while the reader only scrolls and reads (no long tasks,
 * no Observable Plot downloaded). A click or a typed value that arrives before hydration ends is
 * kept and replayed (EarlyClicks.astro).
 */
import type { ClientDirective } from 'astro';

const hydrateOnInteraction: ClientDirective = (load, _options, el) => {
  const figure = el.closest<HTMLElement>('[data-nn-figure]') ?? el;
  let started = false;
  let io: IntersectionObserver | undefined;
  const types = ['pointerover', 'pointerdown', 'pointerup', 'focusin'] as const;
  const start = async () => {
    if (started) return;
    started = true;
    for (const type of types) figure.removeEventListener(type, onEvent, true);
    io?.disconnect();
    const hydrate = await load();
    await hydrate();
  };
  function onEvent(event: Event) {
    const pointer = (event as PointerEvent).pointerType;
    // A finger that starts a scroll on a figure is not turning to it: touch counts once lifted.
    if (event.type === 'pointerover' && pointer !== 'mouse') return;
    if (event.type === 'pointerdown' && pointer !== 'mouse') return;
    void start();
  }
  for (const type of types) figure.addEventListener(type, onEvent, { capture: true, passive: true });
  const prefix = `${figure.dataset.nnFigure ?? '\u0000'}.`;
  if ([...new URLSearchParams(location.search).keys()].some((key) => key.startsWith(prefix))) {
    io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void start();
    });
    for (const child of el.children) io.observe(child);
  }
};

export default hydrateOnInteraction;
