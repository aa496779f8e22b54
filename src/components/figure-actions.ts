/**
 * The toolbar every figure shares (Figure.astro): copy a link to the figure with the page's
 * current widget state, download the figure as SVG or PNG, and download its numbers as CSV.
 * One delegated listener serves every figure on the page.
 */
import type { PlotElement } from '../widgets/shared/PlotView';
import type { OwnDataElement } from '../widgets/shared/OwnData';
import { toCsv } from './csv';
import { FLUSH_URL_EVENT } from '../widgets/shared/url-events';

function figureOf(button: Element): HTMLElement | null {
  return button.closest<HTMLElement>('.nn-figure');
}

function say(figure: HTMLElement, message: string): void {
  const status = figure.querySelector<HTMLElement>('.nn-figure-status');
  if (status) status.textContent = message;
}

/**
 * When the reader's data is too large for a link (OwnData.tsx marks the figure), the link or embed
 * code leaves it out: say so, and offer the data as a CSV file, right there.
 */
function sayUnshared(figure: HTMLElement, copied: string): boolean {
  const length = figure.dataset.nnUnshared;
  const status = figure.querySelector<HTMLElement>('.nn-figure-status');
  if (!length || !status) return false;
  const chars = Number(length).toLocaleString('en-US');
  status.textContent = `${copied}, without your data: it is too large for a link (${chars} characters compressed). Share it as a file: `;
  const offer = document.createElement('button');
  offer.type = 'button';
  offer.dataset.figureAction = 'csv';
  offer.textContent = 'Download your data (CSV)';
  status.append(offer);
  return true;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The figure's main SVG: the largest one on screen (Plot may add small legend swatches). */
function mainSvg(figure: HTMLElement): SVGSVGElement | null {
  const area = (s: SVGSVGElement) => {
    const r = s.getBoundingClientRect();
    return r.width * r.height;
  };
  const shown = [...figure.querySelectorAll<SVGSVGElement>('.nn-plot svg')].filter((s) => area(s) > 0);
  return shown.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/**
 * A standalone copy of an SVG: CSS variables and currentColor are replaced by the colours they
 * have on screen, so the file looks the same outside the page (light or dark as shown).
 */
function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const copy = copies[i];
    const style = getComputedStyle(el);
    for (const attr of ['fill', 'stroke'] as const) {
      const value = el.getAttribute(attr);
      if (value && (value.includes('var(') || value === 'currentColor')) copy.setAttribute(attr, style[attr]);
    }
  });
  // Plot's own rules (e.g. text keeps its spaces): redrawn figures have them in the page's head.
  if (!clone.querySelector('style')) {
    for (const sheet of document.querySelectorAll('style[data-plot]')) {
      if (sheet.textContent?.includes(':where(.' + svg.getAttribute('class') + ')')) clone.prepend(sheet.cloneNode(true));
    }
  }
  const root = getComputedStyle(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.style.color = root.color;
  clone.style.background = getComputedStyle(document.body).backgroundColor;
  clone.style.fontFamily = root.fontFamily;
  return new XMLSerializer().serializeToString(clone);
}

async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const scale = 2;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

function figureName(figure: HTMLElement): string {
  return figure.id || figure.dataset.name || 'figure';
}

const actions: Record<string, (figure: HTMLElement) => Promise<void> | void> = {
  async link(figure) {
    document.dispatchEvent(new Event(FLUSH_URL_EVENT)); // a change still waiting to reach the URL
    const url = new URL(location.href);
    // Only the settings of this page's figures travel (each figure has already dropped its own
    // invalid ones): nothing else a link picked up on its way here.
    const figures = new Set([...document.querySelectorAll<HTMLElement>('[data-nn-figure]')].map((f) => f.dataset.nnFigure));
    for (const key of [...url.searchParams.keys()]) if (!figures.has(key.split('.')[0])) url.searchParams.delete(key);
    if (figure.id) url.hash = figure.id;
    try {
      await navigator.clipboard.writeText(url.href);
      if (!sayUnshared(figure, 'Link copied')) say(figure, 'Link copied, with the figure’s current settings.');
    } catch {
      say(figure, `Copy this link: ${url.href}`);
      sayUnshared(figure, `Copy this link: ${url.href}`);
    }
  },
  async embed(figure) {
    document.dispatchEvent(new Event(FLUSH_URL_EVENT));
    const path = figure.dataset.nnEmbed;
    const id = figure.dataset.nnFigure;
    if (!path || !id) return say(figure, 'This figure has no page of its own to embed.');
    const src = new URL(path, location.href);
    // The figure's current settings (and, on an embed page, what it hides and its theme).
    for (const [key, value] of new URLSearchParams(location.search)) {
      if (key.startsWith(`${id}.`) || (location.pathname === src.pathname && (key === 'hide' || key === 'theme'))) src.searchParams.set(key, value);
    }
    // The caption's first sentence, without its number on the article's page ("Figure 3.").
    const number = figure.querySelector('figcaption .figure-number')?.textContent ?? '';
    const text = figure.querySelector('figcaption')?.textContent?.trim().slice(number.length).trim() ?? '';
    const caption = text.split(/(?<=[.!?])\s/)[0].replace(/[.!?]$/, '') || 'A figure of Neural Notes';
    const height = Math.ceil(figure.getBoundingClientRect().height) + 60;
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const snippet =
      `<iframe src="${escape(src.href)}" title="${escape(caption)}" style="width:100%;height:${height}px;border:0" loading="lazy"></iframe>\n` +
      // Optional: lets the frame follow the figure's height as the reader changes it.
      `<script>addEventListener('message',(e)=>{if(e.data&&e.data.type==='neural-notes:embed-height')for(const f of document.querySelectorAll('iframe'))if(f.contentWindow===e.source)f.style.height=e.data.height+'px'})</script>`;
    try {
      await navigator.clipboard.writeText(snippet);
      if (!sayUnshared(figure, 'Embed code copied'))
        say(figure, 'Embed code copied: an iframe with the figure’s current settings. Add hide=… to its address to hide controls (see the README).');
    } catch {
      say(figure, `Copy this embed code: ${snippet}`);
    }
  },
  svg(figure) {
    const svg = mainSvg(figure);
    if (!svg) return say(figure, 'This figure has nothing to download yet.');
    download(`${figureName(figure)}.svg`, new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
    say(figure, 'SVG downloaded.');
  },
  async png(figure) {
    const svg = mainSvg(figure);
    if (!svg) return say(figure, 'This figure has nothing to download yet.');
    download(`${figureName(figure)}.png`, await svgToPng(svg));
    say(figure, 'PNG downloaded.');
  },
  async csv(figure) {
    // A figure comes alive when the reader turns to it; its data is there once it has. A pointer
    // crossing the figure on its way to this button has usually brought it alive already. If not,
    // this press does, and the reader presses again: a browser may refuse a download that starts
    // after the click that asked for it has been waited on.
    if (figure.querySelector('astro-island[ssr]')) {
      if (!(await whenLive(figure))) return say(figure, 'The figure could not load its data; try again in a moment.');
      return say(figure, 'The figure is ready: press CSV again to download its data.');
    }
    // The reader's own data, exactly as loaded, when the figure shows it.
    const own = (figure as OwnDataElement).nnOwnData?.();
    if (own) {
      download(`${figureName(figure)}-data.csv`, new Blob([own], { type: 'text/csv' }));
      return say(figure, 'CSV downloaded: your data, as the figure uses it.');
    }
    // Only the plots on screen (some widgets draw a wide and a narrow version and show one).
    const tables = [...figure.querySelectorAll<PlotElement>('.nn-plot')]
      .filter((p) => p.getClientRects().length > 0 && p.nnData)
      .map((p) => p.nnData?.() ?? [])
      .filter((rows) => rows.length > 0);
    if (!tables.length) return say(figure, 'The data is still loading; try again in a moment.');
    const csv = tables.map((rows) => toCsv(rows)).join('\n');
    download(`${figureName(figure)}.csv`, new Blob([csv], { type: 'text/csv' }));
    say(figure, 'CSV downloaded.');
  },
};

/** Resolves true once every island of the figure has hydrated (at once if none is waiting), false after 15 s. */
function whenLive(figure: HTMLElement): Promise<boolean> {
  const waiting = () => figure.querySelector('astro-island[ssr]') !== null;
  if (!waiting()) return Promise.resolve(true);
  say(figure, 'Loading the figure…');
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(ok);
    };
    const observer = new MutationObserver(() => !waiting() && done(true));
    observer.observe(figure, { subtree: true, attributes: true, attributeFilter: ['ssr'] });
    const timer = setTimeout(() => done(false), 15_000);
  });
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-figure-action]');
  const figure = button && figureOf(button);
  if (!button || !figure) return;
  const action = actions[button.dataset.figureAction ?? ''];
  if (!action) return;
  Promise.resolve(action(figure)).catch((error: unknown) => say(figure, `That did not work: ${error instanceof Error ? error.message : String(error)}`));
});
