// Citations that link both ways. In the text a citation is `<a class="cite" href="#ref-KEY">[n]</a>`;
// in the bibliography its entry is `<li id="ref-KEY">…</li>`. This plugin gives each citation an
// id (`cite-KEY-1`, `cite-KEY-2`, … in reading order) and appends to the entry one "↩" link back
// to each place that cites it. Works on MDX (JSX elements) and on plain HTML elements alike.
import { visit } from 'unist-util-visit';

const isJsx = (node) => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

function attr(node, name) {
  if (node.type === 'element') {
    const key = name === 'class' ? 'className' : name;
    const v = node.properties?.[key];
    return Array.isArray(v) ? v.join(' ') : v == null ? undefined : String(v);
  }
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : undefined;
}

function setId(node, id) {
  if (node.type === 'element') node.properties.id = id;
  else node.attributes.push({ type: 'mdxJsxAttribute', name: 'id', value: id });
}

const isTag = (node, tag) => (node.type === 'element' && node.tagName === tag) || (isJsx(node) && node.name === tag);

export function rehypeCitationBacklinks() {
  return (tree) => {
    /** @type {Map<string, string[]>} key → ids of the citations of that key, in order */
    const cited = new Map();
    visit(tree, (node) => {
      if (!isTag(node, 'a')) return;
      const href = attr(node, 'href');
      const cls = attr(node, 'class') ?? '';
      if (!href?.startsWith('#ref-') || !cls.split(/\s+/).includes('cite') || attr(node, 'id')) return;
      const key = href.slice('#ref-'.length);
      const ids = cited.get(key) ?? [];
      const id = `cite-${key}-${ids.length + 1}`;
      ids.push(id);
      cited.set(key, ids);
      setId(node, id);
    });
    if (cited.size === 0) return;
    visit(tree, (node) => {
      if (!isTag(node, 'li')) return;
      const id = attr(node, 'id');
      const ids = id?.startsWith('ref-') ? cited.get(id.slice('ref-'.length)) : undefined;
      if (!ids) return;
      node.children.push({ type: 'text', value: ' ' });
      ids.forEach((citeId, i) => {
        node.children.push({
          type: 'element',
          tagName: 'a',
          properties: { href: `#${citeId}`, className: ['cite-back'], ariaLabel: `Back to citation ${i + 1} of ${ids.length} in the text` },
          children: [{ type: 'text', value: ids.length > 1 ? `↩${i + 1}` : '↩' }],
        });
        if (i < ids.length - 1) node.children.push({ type: 'text', value: ' ' });
      });
    });
  };
}
