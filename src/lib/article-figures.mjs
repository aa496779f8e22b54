// The figures an article places, read from its MDX source: for each element whose component is
// imported from src/components/widgets/, its name, id, caption and literal props. The embed pages
// (src/pages/embed/) use it to give every figure of every article a page of its own, with the
// settings the article gave it.
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { attributeValue, unknown } from './remark-widget-checks.mjs';

/**
 * @param {string} body the article's MDX (without its frontmatter)
 * @returns {{ name: string, id: string | null, caption: string | null, props: Record<string, unknown> }[]}
 */
export function articleFigures(body) {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(body);
  /** local name → wrapper name */
  const imported = new Map();
  visit(tree, 'mdxjsEsm', (node) => {
    for (const stmt of node.data?.estree?.body ?? []) {
      if (stmt.type !== 'ImportDeclaration') continue;
      const m = /components\/widgets\/(\w+)\.astro$/.exec(stmt.source.value);
      if (!m) continue;
      for (const s of stmt.specifiers) imported.set(s.local.name, m[1]);
    }
  });
  const figures = [];
  visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
    const name = node.name && imported.get(node.name);
    if (!name) return;
    const props = {};
    let id = null;
    let caption = null;
    for (const attr of node.attributes) {
      if (attr.type !== 'mdxJsxAttribute' || attr.name.includes(':')) continue;
      const value = attributeValue(attr);
      if (value === unknown) continue;
      if (attr.name === 'id') id = String(value);
      else if (attr.name === 'caption') caption = String(value);
      else if (attr.name !== 'class') props[attr.name] = value;
    }
    figures.push({ name, id, caption, props });
  });
  return figures;
}
