// Checks every component an article uses, before anything renders, and fails the build naming
// the file and line:
// - a capitalised element (`<Softmax …/>`) must be imported (or exported) in the article; a widget
//   imported from src/components/widgets/ must exist there;
// - each literal prop of a widget is checked against the widget's own PropSpecs by the same
//   `resolveProps` its wrapper runs, so the message lists the allowed values. Props written as
//   expressions that are not literals (`{someVariable}`) are left to the wrapper at render time.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { visit } from 'unist-util-visit';
import { findWrappers, loadWidgets, repoRoot, universalProps, wrappersDir } from './widgets.mjs';

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
  if (spec.type === 'enum[]') return ` — write ${name}={['${value}']} for a list`;
  return '';
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
    const { widgets, resolveProps } = await loadWidgets();
    const known = () => findWrappers().join(', ');

    for (const node of elements) {
      const local = node.name.split('.')[0];
      if (!names.has(local)) {
        const suggestion = widgets.has(node.name)
          ? ` Add: import ${node.name} from '${relative(dirname(file.path ?? repoRoot), join(wrappersDir, `${node.name}.astro`))}';`
          : ` Known widgets: ${known()}.`;
        report(node, `unknown component <${node.name}>: it is not imported in this article.${suggestion}`);
        continue;
      }
      const source = names.get(local);
      if (!source || !file.path || !source.startsWith('.')) continue;
      const target = resolve(dirname(file.path), source);
      if (dirname(target) !== wrappersDir || !target.endsWith('.astro')) continue;
      const widget = relative(wrappersDir, target).replace(/\.astro$/, '');
      if (!existsSync(target) || !widgets.has(widget)) {
        report(node, `unknown widget "${widget}" (imported from '${source}'). Known widgets: ${known()}.`);
        continue;
      }
      const { specs, ownProps } = widgets.get(widget);
      const allowedExtra = new Set([...universalProps, ...ownProps]);
      for (const attr of node.attributes) {
        if (attr.type !== 'mdxJsxAttribute' || isDirective(attr.name) || allowedExtra.has(attr.name)) continue;
        if (!specs || !(attr.name in specs)) {
          const allowed = [...Object.keys(specs ?? {}), ...allowedExtra].join(', ');
          report(attr.position ? attr : node, `<${widget}>: unknown prop "${attr.name}"; allowed props: ${allowed}`);
          continue;
        }
        const value = attributeValue(attr);
        if (value === unknown) continue;
        try {
          resolveProps(widget, { [attr.name]: specs[attr.name] }, { [attr.name]: value });
        } catch (error) {
          report(attr.position ? attr : node, `${error.message}${hint(specs[attr.name], attr.name, value)}`);
        }
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
  };
}
