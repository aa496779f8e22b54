import { describe, expect, it } from 'vitest';
import { remarkCrossReferences } from '../../src/lib/remark-cross-references.mjs';

/** A displayed formula as remark-math leaves it (the TeX twice: for remark, and for KaTeX). */
const math = (value: string, line: number) => ({
  type: 'math',
  value,
  position: { start: { line, column: 1 } },
  data: { hName: 'pre', hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }] },
});
const para = (value: string, line: number) => ({ type: 'paragraph', children: [{ type: 'text', value, position: { start: { line, column: 1 } } }] });
const texOf = (node: any) => node.data.hChildren[0].children[0].value;

describe('numbered equations and references to them', () => {
  it('numbers labelled formulas in order, strips the label, anchors them, and writes references before or after them', async () => {
    const tree: any = {
      type: 'root',
      children: [para('See [@eq:b] and [@eq:a; @eq:b].', 1), math('a = b \\label{eq:a}', 3), math('x = y', 6), math('\\label{eq:b} c = d', 9)],
    };
    await remarkCrossReferences()(tree, { path: 'x.mdx' });
    const [p, a, plain, b] = tree.children;
    expect(a).toMatchObject({ type: 'nnEquation', data: { hProperties: { id: 'eq-a', className: ['equation'] } } });
    expect(texOf(a.children[0])).toBe('a = b');
    expect(a.children[1].children[0].value).toBe('(1)');
    expect(plain.type).toBe('math');
    expect(b.data.hProperties.id).toBe('eq-b');
    expect(texOf(b.children[0])).toBe('c = d');
    expect(b.children[1].children[0].value).toBe('(2)');
    // What the reader sees of each reference (the preview cards aside), and where each links.
    const shown = (n: any): string => (n.data?.hProperties?.className?.includes('popcard') ? '' : (n.value ?? '') + (n.children ?? []).map(shown).join(''));
    expect(p.children.map(shown).join('')).toBe('See Equation 2 and Equations 1 and 2.');
    expect(JSON.stringify(p).match(/"url":"#eq-\w"/g)).toEqual(['"url":"#eq-b"', '"url":"#eq-a"', '"url":"#eq-b"']);
  });

  it('fails on an unknown label at its line and column, listing the labels there are', async () => {
    const tree: any = { type: 'root', children: [math('a \\label{eq:known}', 1), para('As\n[@eq:unknown] says.', 4)] };
    await expect(remarkCrossReferences()(tree, { path: 'y.mdx' })).rejects.toThrow(
      'y.mdx:5:1: unknown label "eq:unknown": no displayed formula has \\label{eq:unknown} (labels in this article: eq:known)',
    );
  });

  it('fails on a label on an inline formula and on two labels in one formula', async () => {
    const inline: any = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'inlineMath', value: 'x \\label{eq:x}', position: { start: { line: 2, column: 5 } } }] }] };
    await expect(remarkCrossReferences()(inline, { path: 'z.mdx' })).rejects.toThrow(/z\.mdx:2:5: \\label\{eq:x\} is on an inline formula/);
    const twice: any = { type: 'root', children: [math('a \\label{eq:a} b \\label{eq:b}', 7)] };
    await expect(remarkCrossReferences()(twice, { path: 'z.mdx' })).rejects.toThrow(/z\.mdx:7:1: one displayed formula has 2 labels/);
  });
});
