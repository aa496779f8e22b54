// Gives every h2–h4 in an article an id (GitHub-style slug) and a "#" link to itself, so any
// section can be linked to. The link has no text of its own (the "#" is drawn by CSS), so the
// heading's text — and the table of contents built from it — stays clean.
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import { toText } from 'hast-util-to-text';

export function rehypeHeadingAnchors() {
  return (tree) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!/^h[2-4]$/.test(node.tagName)) return;
      const text = toText(node).trim();
      const id = node.properties.id ? String(node.properties.id) : slugger.slug(text);
      node.properties.id = id;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to the section “${text}”` },
        children: [],
      });
    });
  };
}
