import { describe, expect, it } from 'vitest';
import { rehypeSidenotes } from '../../src/lib/rehype-sidenotes.mjs';

const el = (tagName: string, properties: Record<string, unknown>, children: any[] = [], line = 1) => ({ type: 'element', tagName, properties, children, position: { start: { line, column: 3 } } });
const text = (value: string) => ({ type: 'text', value });
/** A paragraph with a footnote reference and the footnote list, as remark-gfm writes them. */
function page(note: any[], label = '1') {
  return {
    type: 'root',
    children: [
      el('p', {}, [text('A claim.'), el('sup', {}, [el('a', { href: `#user-content-fn-${label}`, id: `user-content-fnref-${label}`, dataFootnoteRef: true }, [text('1')])], 4), text(' More.')]),
      el('section', { dataFootnotes: true, className: ['footnotes'] }, [
        el('h2', { id: 'footnote-label' }, [text('Footnotes')]),
        el('ol', {}, [el('li', { id: 'user-content-fn-1' }, [...note, el('a', { href: '#user-content-fnref-1', dataFootnoteBackref: '' }, [text('↩')])])]),
      ]),
    ],
  };
}

describe('footnotes become sidenotes', () => {
  it('puts the note right after its reference, links both ways, and removes the list at the end', () => {
    const tree: any = page([el('p', {}, [text('The note.')])]);
    rehypeSidenotes()(tree, { path: 'a.mdx' });
    expect(tree.children).toHaveLength(1);
    const [, mark, note] = tree.children[0].children;
    expect(mark.children[0].properties).toMatchObject({ className: ['sidenote-ref'], href: '#sn-1', id: 'snref-1' });
    expect(note.properties).toMatchObject({ className: ['sidenote'], id: 'sn-1', role: 'note' });
    expect(note.children[0].properties).toMatchObject({ className: ['sidenote-back'], href: '#snref-1' });
    expect(JSON.stringify(note)).toContain('The note.');
    expect(JSON.stringify(note)).not.toContain('↩');
    expect(JSON.stringify(note)).not.toContain('"tagName":"p"');
  });

  it('fails on a list in a footnote, and on a reference to a footnote never written', () => {
    expect(() => rehypeSidenotes()(page([el('ul', {}, [el('li', {}, [text('x')])])]) as any, { path: 'b.mdx' })).toThrow(/b\.mdx:4:3: footnote \[\^1\] holds a <ul>/);
    const orphan: any = { type: 'root', children: [el('p', {}, [{ ...text('See [^missing] here.'), position: { start: { line: 9, column: 1 } } }])] };
    expect(() => rehypeSidenotes()(orphan, { path: 'c.mdx' })).toThrow(/c\.mdx:9:1: footnote \[\^missing\] has no text/);
  });
});
