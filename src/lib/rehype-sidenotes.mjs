// Footnotes as sidenotes. An author writes GFM footnotes (`text[^1]` and, anywhere in the file,
// `[^1]: the note`); remark-gfm turns them into a reference and a list at the end of the page.
// This plugin moves each note next to its reference instead:
//
//   <sup class="sidenote-mark"><a class="sidenote-ref" id="snref-1" href="#sn-1">1</a></sup>
//   <span class="sidenote" id="sn-1" role="note"><a class="sidenote-back" href="#snref-1">1</a> the note</span>
//
// journal.css floats the note into the margin beside its line when the text column leaves room
// for it, and folds it into the text elsewhere (phones), where its number opens it (journal.ts;
// without JavaScript the `:target` of the link shows it). Links go both ways: the number in the
// text to the note, the note's number back to the text. The list at the end is removed.
//
// A note lives inside a paragraph, so it may hold text: paragraphs, emphasis, links, inline
// maths, citations. A list, a table or a block of code in a footnote fails the build, as does a
// reference to a footnote that is never written (`[^2]` without `[^2]: …`).
import { relative } from 'node:path';
import { visit, SKIP } from 'unist-util-visit';

const FOOTNOTE_PREFIX = /^#?(?:user-content-)?fn-/;
const BLOCK = new Set(['ul', 'ol', 'table', 'pre', 'blockquote', 'div', 'figure', 'section', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const isElement = (node, tag) => node?.type === 'element' && (!tag || node.tagName === tag);
const el = (tagName, properties, children = []) => ({ type: 'element', tagName, properties, children });

/** The note's content as phrasing: paragraphs become spans, the footnote's own back link goes. */
function phrasing(children, fail) {
  const out = [];
  for (const node of children) {
    if (isElement(node, 'a') && node.properties?.dataFootnoteBackref !== undefined) continue;
    if (isElement(node, 'p')) {
      out.push(el('span', { className: ['sidenote-para'] }, phrasing(node.children, fail)));
      continue;
    }
    if (isElement(node) && BLOCK.has(node.tagName)) fail(node.tagName);
    out.push(node.type === 'element' ? { ...node, children: phrasing(node.children, fail) } : node);
  }
  // trailing white space left where the back link was
  while (out.length && out[out.length - 1].type === 'text' && !out[out.length - 1].value.trim()) out.pop();
  return out;
}

export function rehypeSidenotes() {
  return (tree, file) => {
    const path = file.path ? relative(process.cwd(), file.path) : 'unknown file';
    const where = (node) => `${path}:${node.position?.start.line ?? '?'}:${node.position?.start.column ?? '?'}`;
    const problems = [];

    /** footnote label → its definition's children */
    const notes = new Map();
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'section' || node.properties?.dataFootnotes === undefined) return undefined;
      visit(node, 'element', (li) => {
        if (li.tagName === 'li' && FOOTNOTE_PREFIX.test(String(li.properties?.id ?? ''))) notes.set(String(li.properties.id).replace(FOOTNOTE_PREFIX, ''), li.children);
      });
      parent.children.splice(index, 1);
      return [SKIP, index];
    });

    const placed = new Set();
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'sup') return undefined;
      const ref = node.children.find((c) => isElement(c, 'a') && c.properties?.dataFootnoteRef !== undefined);
      if (!ref) return undefined;
      const label = String(ref.properties.href).replace(FOOTNOTE_PREFIX, '');
      const number = ref.children.map((c) => c.value ?? '').join('');
      const content = notes.get(label);
      if (!content) {
        problems.push(`${where(node)}: footnote [^${label}] has no text: write [^${label}]: … on a line of its own`);
        return SKIP;
      }
      const again = placed.has(label);
      const link = el('a', { className: ['sidenote-ref'], href: `#sn-${label}`, id: again ? undefined : `snref-${label}`, ariaLabel: `Note ${number}` }, [{ type: 'text', value: number }]);
      const mark = el('sup', { className: ['sidenote-mark'] }, [link]);
      if (again) {
        parent.children[index] = mark;
        return SKIP;
      }
      placed.add(label);
      const body = phrasing(structuredClone(content), (tag) =>
        problems.push(`${where(node)}: footnote [^${label}] holds a <${tag}>; a sidenote sits beside a line of text and may hold only text (paragraphs, emphasis, links, inline maths, citations)`),
      );
      const note = el('span', { className: ['sidenote'], id: `sn-${label}`, role: 'note' }, [
        el('a', { className: ['sidenote-back'], href: `#snref-${label}`, ariaLabel: `Back to note ${number} in the text` }, [{ type: 'text', value: number }]),
        { type: 'text', value: ' ' },
        ...body,
      ]);
      parent.children.splice(index, 1, mark, note);
      return [SKIP, index + 2];
    });

    // A reference to a footnote that is never defined stays as text: `[^name]`.
    visit(tree, 'text', (node, _index, parent) => {
      if (isElement(parent, 'code') || isElement(parent, 'pre')) return;
      const m = /\[\^([^\]\s]+)\]/.exec(node.value);
      if (m && !/^\s*\[\^[^\]]+\]:/.test(node.value)) problems.push(`${where(node)}: footnote [^${m[1]}] has no text: write [^${m[1]}]: … on a line of its own`);
    });

    if (problems.length) throw new Error(problems.join('\n'));
  };
}
