/**
 * A formula that shows a figure's numbers (src/components/LiveFormula.astro), typeset when the site
 * is built: `\live{name}` in the TeX stands for the figure's live value `name`. Each becomes a
 * number in KaTeX's output, marked so that the page can rewrite it in place (the typeset HTML and
 * the MathML that screen readers read), in a box as wide as the widest number it will hold, so a
 * new number never moves the formula.
 */
import katex from 'katex';
import { formatCode, formatLive, reservedChars, type LiveFormat } from './live-formula-format';

export { formatCode, formatLive, reservedChars, type LiveFormat };

/** `\live{name}` (names: letters, digits, dots, underscores). */
export const LIVE = /\\live\{([A-Za-z0-9_.]+)\}/g;

/** The names a formula binds, in order of appearance (with repeats). */
export function liveNames(tex: string): string[] {
  return [...tex.matchAll(LIVE)].map((m) => m[1]);
}

/**
 * Typesets a formula with its live numbers at `values` (each written in `formats[name]`), as
 * display maths. Throws KaTeX's error for TeX it cannot typeset.
 */
export function typesetLive(tex: string, values: Readonly<Record<string, number>>, formats: Readonly<Record<string, LiveFormat>> = {}): string {
  const names = liveNames(tex);
  let i = 0;
  // Each \live{…} becomes a unique integer (a sentinel) in a marked group, then the number itself.
  const marked = tex.replace(LIVE, (_, name: string) => `\\htmlData{nnslot=${name}}{${100001 + i++}}`);
  let html = katex.renderToString(marked, {
    displayMode: true,
    throwOnError: true,
    trust: (context) => context.command === '\\htmlData',
    strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  });
  names.forEach((name, k) => {
    const sentinel = String(100001 + k);
    const code = formatCode(formats[name]);
    const text = formatLive(values[name] ?? NaN, code);
    const width = `${reservedChars(formats[name]) * 0.5}em`;
    html = html
      // (a number in a superscript is `mord mtight`)
      .replace(new RegExp(`<span class="(mord[^"]*)">${sentinel}</span>`), (_, classes: string) => `<span class="${classes} nn-live-number" data-nnlive="${name}" data-format="${code}" style="min-width:${width}">${text}</span>`)
      .replace(`<mn>${sentinel}</mn>`, `<mn data-nnlive="${name}" data-format="${code}">${text}</mn>`);
  });
  html = html.replace(/ data-nnslot="[^"]*"/g, '');
  // The TeX source KaTeX keeps for copying: with the numbers, not the sentinels.
  return html.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/, () => {
    const source = tex.replace(LIVE, (_, name: string) => formatLive(values[name] ?? NaN, formatCode(formats[name])).replace('\u2212', '-'));
    return `<annotation encoding="application/x-tex">${source.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</annotation>`;
  });
}
