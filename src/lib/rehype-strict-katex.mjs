import { EXIT, SKIP, visit } from 'unist-util-visit';

// Fails the build when KaTeX could not typeset a formula, instead of publishing red error text.
// rehype-katex records such failures as messages on the file; this plugin runs after it and
// turns the first one into an error that names the file, the line and KaTeX's own reason.

/** @returns {(tree: unknown, file: import('vfile').VFile) => void} */
export function rehypeStrictKatex() {
  return (_tree, file) => {
    const failure = file.messages.find((m) => m.source === 'rehype-katex');
    if (!failure) return;
    const where = `${file.path ?? 'unknown file'}:${failure.line ?? '?'}:${failure.column ?? '?'}`;
    const reason = failure.cause instanceof Error ? failure.cause.message : failure.reason;
    throw new Error(`${where}: a formula could not be typeset by KaTeX: ${reason}`);
  };
}

// A displayed formula wider than the column scrolls sideways (phones, long derivations). A
// scrolling region must be reachable by keyboard, so each displayed formula and each table
// (which scroll the same way) can take focus; the arrow keys then scroll it.
export function rehypeScrollableBlocks() {
  const visit = (node) => {
    if (node.type === 'element') {
      const cls = node.properties?.className ?? [];
      if ((Array.isArray(cls) && cls.includes('katex-display')) || node.tagName === 'table') {
        node.properties.tabIndex = 0;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}

// Search indexes each typeset formula three times over (the MathML, its TeX source and the
// visual glyphs, glued into words such as "xx<0"), which fills result excerpts with junk like
// "y=2xy = 2xy=2x" and makes nonsense queries match. Formulas are kept out of the index;
// the prose around them is what a reader searches for.
export function rehypeMathUnsearchable() {
  return (tree) =>
    visit(tree, 'element', (node) => {
      if (!isFormula(node)) return undefined;
      node.properties.dataPagefindIgnore = 'all';
      return SKIP;
    });
}

// A browser may break a line right after an inline formula, so the full stop or comma that
// follows it starts the next line on its own (". So 0 < f′(x) …"; a word joiner does not stop
// Chromium from breaking there). Each short inline formula and the punctuation right after it
// go into one span that does not wrap. A long formula is left alone: it must stay free to
// break inside, or it would run past the column on a narrow phone.
const TRAILING_PUNCTUATION = /^[.,;:!?)\]’”]+/;
/** TeX source length up to which a formula is glued to its punctuation (renders well under 200 px). */
const GLUE_MAX_TEX = 40;

function texOf(node) {
  let tex = '';
  visit(node, 'element', (n) => {
    if (n.tagName !== 'annotation') return undefined;
    tex = n.children.map((c) => c.value ?? '').join('');
    return EXIT;
  });
  return tex;
}

/** An element KaTeX typeset (inline, or inside a display block). */
function isFormula(node) {
  const cls = node.properties?.className;
  return Array.isArray(cls) && cls.includes('katex');
}

export function rehypeMathPunctuation() {
  return (tree) =>
    visit(tree, 'element', (node, index, parent) => {
      if (!isFormula(node)) return undefined;
      const next = parent?.children[index + 1];
      const punct = next?.type === 'text' ? TRAILING_PUNCTUATION.exec(next.value) : null;
      if (!punct || texOf(node).length > GLUE_MAX_TEX) return SKIP;
      const glued = { type: 'element', tagName: 'span', properties: { className: ['math-nowrap'] }, children: [node, { type: 'text', value: punct[0] }] };
      const rest = next.value.slice(punct[0].length);
      parent.children.splice(index, 2, glued, ...(rest ? [{ type: 'text', value: rest }] : []));
      return [SKIP, index + 1];
    });
}
