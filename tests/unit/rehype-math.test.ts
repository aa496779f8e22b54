import { describe, expect, it } from 'vitest';
import { rehypeMathPunctuation, rehypeMathUnsearchable } from '../../src/lib/rehype-strict-katex.mjs';

/** A hast stand-in for rehype-katex's output of an inline formula with this TeX source. */
const formula = (tex: string) => ({
  type: 'element',
  tagName: 'span',
  properties: { className: ['katex'] },
  children: [
    { type: 'element', tagName: 'span', properties: { className: ['katex-mathml'] }, children: [{ type: 'element', tagName: 'annotation', properties: {}, children: [{ type: 'text', value: tex }] }] },
    { type: 'element', tagName: 'span', properties: { className: ['katex-html'], ariaHidden: 'true' }, children: [{ type: 'text', value: tex }] },
  ],
});
const text = (value: string) => ({ type: 'text', value });
const paragraph = (...children: unknown[]) => ({ type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children }] });

describe('rehypeMathPunctuation', () => {
  it('keeps a short inline formula and the punctuation after it in one no-wrap span', () => {
    const f = formula('x = 0');
    const tree = paragraph(text('at '), f, text('. So the slope'));
    rehypeMathPunctuation()(tree);
    const p = tree.children[0] as any;
    expect(p.children).toHaveLength(3);
    expect(p.children[0]).toEqual(text('at '));
    expect(p.children[1]).toEqual({ type: 'element', tagName: 'span', properties: { className: ['math-nowrap'] }, children: [f, text('.')] });
    expect(p.children[2]).toEqual(text(' So the slope'));
  });

  it('takes a run of closing punctuation, and leaves nothing behind when the text is only punctuation', () => {
    const tree = paragraph(formula('a_i'), text(').'));
    rehypeMathPunctuation()(tree);
    const p = tree.children[0] as any;
    expect(p.children).toHaveLength(1);
    expect(p.children[0].children[1]).toEqual(text(').'));
  });

  it('leaves a formula alone when no punctuation follows, or when it is long enough to need to break', () => {
    const long = String.raw`\lambda\bigl[m\sum|w_k| + (1-m)\tfrac12\sum w_k^2\bigr]`;
    const tree = paragraph(formula('x'), text(' and '), formula(long), text(', then'));
    const before = JSON.stringify(tree);
    rehypeMathPunctuation()(tree);
    expect(JSON.stringify(tree)).toBe(before);
  });
});

describe('rehypeMathUnsearchable', () => {
  it('marks every typeset formula as ignored by the search index, and nothing else', () => {
    const tree = paragraph(text('The sigmoid '), formula(String.raw`\sigma(x)`), text(' saturates.'));
    rehypeMathUnsearchable()(tree);
    const p = tree.children[0] as any;
    expect(p.children[1].properties.dataPagefindIgnore).toBe('all');
    expect(p.properties.dataPagefindIgnore).toBeUndefined();
  });
});
