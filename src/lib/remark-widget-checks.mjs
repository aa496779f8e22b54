// Checks every component an article uses, before anything renders, and fails the build naming
// the file and line:
// - a capitalised element (`<Softmax …/>`) must be imported (or exported) in the article; a figure
//   imported from src/components/widgets/ must exist there;
// - each literal prop of a figure is checked against the figure's own declaration
//   (src/figures/**/<Name>.figure.ts) by the same `checkValue` its wrapper runs, so the message lists
//   the allowed values; when every prop is a literal, the declaration's rules across settings
//   (e.g. xMin < xMax) are checked too. Props written as expressions that are not literals
//   (`{someVariable}`) are left to the wrapper at render time;
// - two figures on a page must not share an id (it names their anchor and their URL keys);
// - a component that describes other figures of its page (its declaration's `reads`, e.g.
//   Findings reads Experiment) is handed their literal props in the attribute `nnPageFigures`.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { visit } from 'unist-util-visit';
import { findWrappers, loadFigures, loadTs, repoRoot, universalProps, wrappersDir } from './widgets.mjs';

/** The live formula component (LiveFormula.astro): checked against the figure it names. */
const liveFormulaFile = join(repoRoot, 'src/components/LiveFormula.astro');

/** Must match PAGE_FIGURES_PROP in src/components/island.ts. */
const PAGE_FIGURES_PROP = 'nnPageFigures';

/** Attributes Astro/MDX handle themselves, never passed on as widget props. */
const isDirective = (name) => name.includes(':') || name === 'slot' || name === 'key';

/** The value of a literal JS expression (numbers, strings, booleans, null, arrays of those), else `unknown`. */
export const unknown = Symbol('not a literal');
export function literalValue(node) {
  if (!node) return unknown;
  switch (node.type) {
    case 'Literal':
      return node.regex || typeof node.value === 'bigint' ? unknown : node.value;
    case 'UnaryExpression': {
      const v = literalValue(node.argument);
      if (typeof v !== 'number') return unknown;
      return node.operator === '-' ? -v : node.operator === '+' ? v : unknown;
    }
    case 'ArrayExpression': {
      const items = node.elements.map(literalValue);
      return items.includes(unknown) ? unknown : items;
    }
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? node.quasis.map((q) => q.value.cooked).join('') : unknown;
    default:
      return unknown;
  }
}

/** The value an MDX JSX attribute passes: `name` alone is `true`, `name="x"` a string, `name={…}` a literal or `unknown`. */
export function attributeValue(attr) {
  if (attr.value === null || attr.value === undefined) return true;
  if (typeof attr.value === 'string') return attr.value;
  const program = attr.value.data?.estree;
  const statement = program?.body?.[0];
  return statement?.type === 'ExpressionStatement' ? literalValue(statement.expression) : unknown;
}

/** Local names bound by the article's `import` and `export` statements, each with its import source. */
function bindings(tree) {
  const names = new Map();
  visit(tree, 'mdxjsEsm', (node) => {
    for (const stmt of node.data?.estree?.body ?? []) {
      if (stmt.type === 'ImportDeclaration') {
        for (const s of stmt.specifiers) names.set(s.local.name, stmt.source.value);
      } else if (stmt.type === 'ExportNamedDeclaration' && stmt.declaration) {
        const d = stmt.declaration;
        if (d.id?.name) names.set(d.id.name, null);
        for (const v of d.declarations ?? []) if (v.id?.name) names.set(v.id.name, null);
      }
    }
  });
  return names;
}

function hint(spec, name, value) {
  if (typeof value !== 'string') return '';
  if (spec.type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return ` — write ${name}={${value}} for a number`;
  if (spec.type === 'boolean' && (value === 'true' || value === 'false')) return ` — write ${name}={${value}} (or just ${name}) for a boolean`;
  if (spec.type === 'list') return ` — write ${name}={['${value}']} for a list`;
  return '';
}

/** A caption attribute that is not empty (or not a literal), or a child with slot="caption". */
function hasCaption(node, literal) {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'caption');
  if (attr && (typeof literal.caption !== 'string' || literal.caption.trim() !== '')) return true;
  let slotted = false;
  visit(node, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (child) => {
    if (child !== node && child.attributes?.some((a) => a.name === 'slot' && a.value === 'caption')) slotted = true;
  });
  return slotted;
}

export function remarkWidgetChecks() {
  return async (tree, file) => {
    const path = file.path ? relative(process.cwd(), file.path) : 'unknown file';
    const problems = [];
    const report = (node, message) => {
      const p = node.position?.start;
      problems.push(`${path}:${p?.line ?? '?'}:${p?.column ?? '?'}: ${message}`);
    };
    const names = bindings(tree);
    const elements = [];
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
      if (node.name && /^[A-Z]/.test(node.name)) elements.push(node);
    });
    if (elements.length === 0) return;
    const { figures, checkValue, resolveSettings, propNames } = await loadFigures();
    /** <LiveFormula> elements, checked once every figure of the page is known. */
    const formulas = [];
    const known = () => findWrappers().join(', ');
    /** Figures on this page, in order: { node, name, id, props (literal ones), literal (all props literal) }. */
    const page = [];

    for (const node of elements) {
      const local = node.name.split('.')[0];
      if (!names.has(local)) {
        const suggestion = figures.has(node.name)
          ? ` Add: import ${node.name} from '${relative(dirname(file.path ?? repoRoot), join(wrappersDir, `${node.name}.astro`))}';`
          : ` Known widgets: ${known()}.`;
        report(node, `unknown component <${node.name}>: it is not imported in this article.${suggestion}`);
        continue;
      }
      const source = names.get(local);
      if (!source || !file.path || !source.startsWith('.')) continue;
      const target = resolve(dirname(file.path), source);
      if (target === liveFormulaFile) {
        formulas.push(node);
        continue;
      }
      if (dirname(target) !== wrappersDir || !target.endsWith('.astro')) continue;
      const widget = relative(wrappersDir, target).replace(/\.astro$/, '');
      if (!existsSync(target) || !figures.has(widget)) {
        report(node, `unknown widget "${widget}" (imported from '${source}'). Known widgets: ${known()}.`);
        continue;
      }
      const { figure } = figures.get(widget);
      const props = propNames(figure.settings);
      const literal = {};
      let allLiteral = true;
      let ok = true;
      for (const attr of node.attributes) {
        if (attr.type !== 'mdxJsxAttribute') {
          allLiteral = false;
          continue;
        }
        if (isDirective(attr.name)) continue;
        const value = attributeValue(attr);
        if (universalProps.includes(attr.name)) {
          if (value === unknown) allLiteral = false;
          else literal[attr.name] = value;
          continue;
        }
        if (!props.includes(attr.name)) {
          report(attr.position ? attr : node, `<${widget}>: unknown prop "${attr.name}"; allowed props: ${[...props, ...universalProps].join(', ')}`);
          ok = false;
          continue;
        }
        if (value === unknown) {
          allLiteral = false;
          continue;
        }
        const spec = figure.settings[attr.name];
        const c = checkValue(spec, value);
        if (!c.ok) {
          report(attr.position ? attr : node, `<${widget}>: prop "${attr.name}" must be ${c.expected} (got ${JSON.stringify(value)})${hint(spec, attr.name, value)}`);
          ok = false;
          continue;
        }
        literal[attr.name] = value;
      }
      if (figure.frame && !hasCaption(node, literal)) {
        report(node, `<${widget}>: a figure needs a caption saying what it shows: caption="…", or a <span slot="caption">…</span> inside it`);
      }
      if (ok && allLiteral) {
        try {
          resolveSettings(figure, literal);
        } catch (error) {
          report(node, error.message);
        }
      }
      const id = typeof literal.id === 'string' ? literal.id : figure.frame ? figure.defaultId : null;
      const { id: _id, class: _class, caption: _caption, ...settings } = literal;
      page.push({ node, figure, name: widget, id, props: settings, allLiteral });
    }

    const seen = new Map();
    for (const entry of page) {
      if (entry.id === null) continue;
      const first = seen.get(entry.id);
      if (first) {
        const line = first.node.position?.start?.line ?? '?';
        report(entry.node, `two figures have the id "${entry.id}" (the other is <${first.name}> on line ${line}); give each figure its own id`);
      } else seen.set(entry.id, entry);
    }
    for (const node of formulas) {
      const attrs = Object.fromEntries(node.attributes.filter((a) => a.type === 'mdxJsxAttribute').map((a) => [a.name, attributeValue(a)]));
      const of = attrs.of;
      const target = page.find((e) => e.id === of);
      if (typeof of !== 'string' || typeof attrs.tex !== 'string') {
        report(node, '<LiveFormula> needs of="<figure id>" and tex="…" written as plain strings');
        continue;
      }
      if (!target || !target.figure.live) {
        const lenders = page.filter((e) => e.figure.live).map((e) => e.id);
        report(node, `<LiveFormula of="${of}">: no figure with that id on this page lends its numbers to formulas${lenders.length ? ` (those that do: ${lenders.join(', ')})` : ''}`);
        continue;
      }
      const known = target.figure.live.values;
      for (const m of attrs.tex.matchAll(/\\live\{([^}]*)\}/g)) {
        if (!(m[1] in known)) report(node, `<LiveFormula of="${of}">: <${target.name}> has no live value "${m[1]}"; it has ${Object.keys(known).join(', ')}`);
      }
      try {
        const { typesetLive } = await loadTs(join(repoRoot, 'src/lib/live-formula.ts'));
        typesetLive(attrs.tex, {}, {});
      } catch (error) {
        report(node, `<LiveFormula of="${of}">: KaTeX cannot typeset the formula: ${error.message}`);
      }
      node.attributes.push({ type: 'mdxJsxAttribute', name: PAGE_FIGURES_PROP, value: JSON.stringify([{ name: target.name, id: target.id, props: target.props }]) });
    }
    for (const entry of page) {
      for (const read of entry.figure.reads ?? []) {
        const target = page.find((e) => e.name === read);
        if (!target) report(entry.node, `<${entry.name}> describes the page's <${read}>, but this page has none: add one, or remove <${entry.name}>`);
        else if (!target.allLiteral) report(entry.node, `<${entry.name}> describes the page's <${read}>, whose props must then be written as literals (numbers, strings, lists)`);
      }
      if (entry.figure.reads?.length) {
        const value = JSON.stringify(page.filter((e) => entry.figure.reads.includes(e.name)).map((e) => ({ name: e.name, id: e.id, props: e.props })));
        entry.node.attributes.push({ type: 'mdxJsxAttribute', name: PAGE_FIGURES_PROP, value });
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
  };
}
