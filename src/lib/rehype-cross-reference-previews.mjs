// The preview card of a reference to an equation (remark-cross-references.mjs writes the card,
// marked data-xref-preview="eq-NAME"): a copy of the equation as KaTeX typeset it, number and all.
// Runs after KaTeX. The copy is not focusable (the formula itself scrolls and takes focus, its
// copy does not) and not searchable.
import { visit } from 'unist-util-visit';

const classes = (node) => (Array.isArray(node.properties?.className) ? node.properties.className : []);

function unfocusable(node) {
  if (node.type !== 'element') return node;
  const { tabIndex: _tabIndex, id: _id, ...properties } = node.properties ?? {};
  return { ...node, properties, children: node.children.map(unfocusable) };
}

export function rehypeCrossReferencePreviews() {
  return (tree) => {
    const equations = new Map();
    visit(tree, 'element', (node) => {
      if (classes(node).includes('equation') && node.properties.id) equations.set(String(node.properties.id), node);
    });
    if (equations.size === 0) return;
    visit(tree, 'element', (node) => {
      const anchor = node.properties?.dataXrefPreview;
      if (!anchor) return;
      const equation = equations.get(String(anchor));
      delete node.properties.dataXrefPreview;
      if (!equation) return;
      const copy = unfocusable(structuredClone(equation));
      node.children.push({ type: 'element', tagName: 'span', properties: { className: ['xref-math'] }, children: copy.children });
    });
  };
}
