// Numbered equations and figures, and references to them by label.
//
// - An equation: a displayed formula with `\label{eq:NAME}` in it. Labelled equations are numbered
//   1, 2, 3, … in order of appearance; the number, "(3)", is set at the right of the formula (under
//   it on phones: journal.css) and the formula gets the anchor `#eq-NAME`. Unlabelled formulas stay
//   unnumbered.
// - A figure: every figure on the page (a widget from src/components/widgets/, or <Figure>) is
//   numbered 1, 2, 3, … in order of appearance, shown as "Figure 3." before its caption. Its label
//   is `fig:ID` for a figure whose anchor is `#fig-ID` (a widget with id="ID", or <Figure id="fig-ID">).
// - A reference: `[@eq:NAME]` in the text becomes "Equation 3", `[@fig:ID]` "Figure 2", and
//   `[@eq:a; @eq:b]` "Equations 3 and 4": links to the anchor, each with a preview card of the
//   equation or the figure's caption (the equation's copy is made after KaTeX has typeset it:
//   rehypeCrossReferencePreviews, in rehype-cross-reference-previews.mjs).
//
// A reference to a label that does not exist, a second label in one formula, a label on an inline
// formula or a label without the `eq:` prefix fails the build with the file, line and column.
import { dirname, relative, resolve } from 'node:path';
import { visit, SKIP } from 'unist-util-visit';
import { loadFigures, wrappersDir } from './widgets.mjs';
import { attributeValue, unknown } from './remark-widget-checks.mjs';
import { positionIn as at } from './source-position.mjs';

/** The JSX attribute by which a figure's frame learns its number; see FIGURE_NUMBER_PROP in src/components/island.ts. */
export const FIGURE_NUMBER_PROP = 'nnFigureNumber';

const LABEL = /\\label\{([^{}]*)\}/g;
const GROUP = /\[\s*@(?:eq|fig):[^\]]*\]/g;
const ITEM = /^@(eq|fig):([\w-]+)$/;
const KINDS = { eq: ['Equation', 'Equations'], fig: ['Figure', 'Figures'] };
const componentsDir = resolve(wrappersDir, '..');

const isJsx = (node) => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const textOf = (node) => (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath' ? node.value : (node.children ?? []).map(textOf).join(''));
const span = (className, children, more = {}) => ({ type: 'nnXref', data: { hName: 'span', hProperties: { className, ...more } }, children });

/** Local names bound by the article's imports, each with the file it imports (resolved). */
function importsOf(tree, file) {
  const names = new Map();
  visit(tree, 'mdxjsEsm', (node) => {
    for (const stmt of node.data?.estree?.body ?? []) {
      if (stmt.type !== 'ImportDeclaration' || !file.path || !String(stmt.source.value).startsWith('.')) continue;
      for (const s of stmt.specifiers) names.set(s.local.name, resolve(dirname(file.path), stmt.source.value));
    }
  });
  return names;
}

/** Sets a displayed formula's TeX, both where remark keeps it and where remark-math put it for KaTeX. */
function setTex(node, value) {
  node.value = value;
  const code = node.data?.hChildren?.[0];
  if (code?.children?.[0]?.type === 'text') code.children[0].value = value;
}

export function remarkCrossReferences() {
  return async (tree, file) => {
    const path = file.path ? relative(process.cwd(), file.path) : 'unknown file';
    const where = (node) => `${path}:${node.position?.start.line ?? '?'}:${node.position?.start.column ?? '?'}`;
    const problems = [];
    /** label → { kind, number, anchor, preview (figures: caption text) } */
    const labels = new Map();

    // Equations: label, number, anchor.
    let equations = 0;
    visit(tree, ['math', 'mathRow', 'inlineMath'], (node, index, parent) => {
      const parts = node.type === 'mathRow' ? node.children : [node];
      const found = parts.flatMap((p) => [...p.value.matchAll(LABEL)].map((m) => m[1].trim()));
      if (found.length === 0) return node.type === 'mathRow' ? SKIP : undefined;
      if (node.type === 'inlineMath') {
        problems.push(`${where(node)}: \\label{${found[0]}} is on an inline formula; only displayed formulas ($$ … $$) are numbered`);
        return undefined;
      }
      if (found.length > 1) problems.push(`${where(node)}: one displayed formula has ${found.length} labels (${found.join(', ')}); give it one`);
      const label = found[0];
      if (!/^eq:[\w-]+$/.test(label)) problems.push(`${where(node)}: the label "${label}" must be eq:NAME (letters, digits, - and _), e.g. \\label{eq:chain-rule}`);
      if (labels.has(label)) problems.push(`${where(node)}: the label "${label}" is used twice`);
      if (parts.some((p) => /\\tag\b/.test(p.value))) problems.push(`${where(node)}: a labelled formula is numbered by the site; remove its \\tag`);
      const number = ++equations;
      const anchor = `eq-${label.slice(3)}`;
      labels.set(label, { kind: 'eq', number, anchor });
      for (const p of parts) setTex(p, p.value.replace(LABEL, '').trim());
      const numberNode = { type: 'nnEquationNumber', data: { hName: 'span', hProperties: { className: ['equation-number'] } }, children: [{ type: 'text', value: `(${number})` }] };
      parent.children[index] = { type: 'nnEquation', data: { hName: 'div', hProperties: { id: anchor, className: ['equation'] } }, position: node.position, children: [node, numberNode] };
      return SKIP;
    });

    // Figures: every figure on the page, numbered; labelled by its anchor.
    const imports = importsOf(tree, file);
    const jsx = [];
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
      if (node.name && imports.has(node.name)) jsx.push(node);
    });
    const { figures } = jsx.length ? await loadFigures() : { figures: new Map() };
    let figureCount = 0;
    for (const node of jsx) {
      const target = imports.get(node.name);
      const widget = dirname(target) === wrappersDir ? figures.get(relative(wrappersDir, target).replace(/\.astro$/, ''))?.figure : undefined;
      const isFrame = target === resolve(componentsDir, 'Figure.astro');
      if (!isFrame && !widget?.frame) continue;
      const attr = (name) => {
        const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
        const v = a ? attributeValue(a) : undefined;
        return v === unknown ? undefined : v;
      };
      const number = ++figureCount;
      node.attributes.push({ type: 'mdxJsxAttribute', name: FIGURE_NUMBER_PROP, value: String(number) });
      const id = attr('id');
      const anchor = isFrame ? (typeof id === 'string' ? id : null) : `fig-${typeof id === 'string' && id ? id : widget.defaultId}`;
      if (!anchor) continue;
      const caption = typeof attr('caption') === 'string' ? attr('caption') : node.children.filter((c) => isJsx(c) && c.attributes?.some((a) => a.name === 'slot' && a.value === 'caption')).map(textOf).join(' ');
      labels.set(`fig:${anchor.replace(/^fig-/, '')}`, { kind: 'fig', number, anchor, preview: caption.trim() });
    }

    // References: [@eq:NAME], [@fig:ID], [@eq:a; @eq:b].
    let cards = 0;
    const known = (kind) => [...labels.keys()].filter((l) => l.startsWith(`${kind}:`)).join(', ') || 'none';
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || !node.value.includes('@')) return undefined;
      const out = [];
      let last = 0;
      for (const m of node.value.matchAll(GROUP)) {
        const items = m[0].slice(1, -1).split(';').map((s) => s.trim());
        const parsed = items.map((s) => ITEM.exec(s));
        if (parsed.some((p) => !p)) {
          problems.push(`${at(node, m.index, path)}: ${m[0]}: a cross-reference is [@eq:NAME] or [@fig:ID] (several: [@eq:a; @eq:b]); keep citations in brackets of their own`);
          continue;
        }
        const targets = parsed.map((p) => ({ label: `${p[1]}:${p[2]}`, kind: p[1], target: labels.get(`${p[1]}:${p[2]}`) }));
        const missing = targets.filter((t) => !t.target);
        for (const t of missing) {
          const what = t.kind === 'eq' ? `no displayed formula has \\label{${t.label}}` : `no figure has the anchor #fig-${t.label.slice(4)}`;
          problems.push(`${at(node, m.index, path)}: unknown label "${t.label}": ${what} (labels in this article: ${known(t.kind)})`);
        }
        if (missing.length) continue;
        if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
        const sameKind = targets.every((t) => t.kind === targets[0].kind);
        const refs = targets.map((t, i) => {
          const name = KINDS[t.kind][0];
          const linkText = targets.length === 1 || !sameKind ? `${name} ${t.target.number}` : String(t.target.number);
          const cardId = `xref-card-${++cards}`;
          const link = { type: 'link', url: `#${t.target.anchor}`, data: { hProperties: { className: ['xref'], ariaDescribedBy: cardId } }, children: [{ type: 'text', value: linkText }] };
          const card = span(['popcard', 'xref-card'], [span(['popcard-label'], [{ type: 'text', value: `${name} ${t.target.number}${t.kind === 'fig' ? '.' : ''}` }]), ...(t.kind === 'fig' && t.target.preview ? [{ type: 'text', value: ` ${t.target.preview}` }] : [])], {
            id: cardId,
            dataPagefindIgnore: 'all',
            ...(t.kind === 'eq' ? { dataXrefPreview: t.target.anchor } : {}),
          });
          return [i === 0 ? null : { type: 'text', value: i === targets.length - 1 ? ' and ' : ', ' }, span(['popref', 'xref-ref'], [link, card])].filter(Boolean);
        });
        const lead = targets.length > 1 && sameKind ? [{ type: 'text', value: `${KINDS[targets[0].kind][1]} ` }] : [];
        out.push(span(['xref-group'], [...lead, ...refs.flat()]));
        last = m.index + m[0].length;
      }
      if (out.length === 0) return undefined;
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...out);
      return [SKIP, index + out.length];
    });

    if (problems.length) throw new Error(problems.join('\n'));
  };
}
