import { describe, expect, it } from 'vitest';
import { remarkMathRows, splitTopLevel } from '../../src/lib/remark-math-rows.mjs';

describe('splitTopLevel', () => {
  it('splits a formula at its top-level \\qquad', () => {
    expect(splitTopLevel(String.raw`f(x) = \max(0, x) \qquad f'(x) = 1`)).toEqual([String.raw`f(x) = \max(0, x)`, "f'(x) = 1"]);
    expect(splitTopLevel(String.raw`a, \qquad b, \qquad c.`)).toEqual(['a,', 'b,', 'c.']);
  });

  it('keeps a \\qquad inside braces, environments and \\left … \\right whole', () => {
    const cases = String.raw`f = \begin{cases} 0 & x < 0 \qquad \text{(off)} \\ x & x \ge 0 \end{cases}`;
    expect(splitTopLevel(cases)).toEqual([cases]);
    expect(splitTopLevel(String.raw`\text{a \qquad b}`)).toEqual([String.raw`\text{a \qquad b}`]);
    expect(splitTopLevel(String.raw`\left( a \qquad b \right) \qquad c`)).toEqual([String.raw`\left( a \qquad b \right)`, 'c']);
    expect(splitTopLevel(String.raw`\begin{aligned} a &= 1 \\ &\qquad + 2 \end{aligned}`)).toHaveLength(1);
  });

  it('does not mistake escaped braces or longer commands for structure', () => {
    expect(splitTopLevel(String.raw`\{a\} \qquad b`)).toEqual([String.raw`\{a\}`, 'b']);
    expect(splitTopLevel(String.raw`a \qquadx b`)).toEqual([String.raw`a \qquadx b`]);
    expect(splitTopLevel(String.raw`\leftarrow a \qquad b`)).toEqual([String.raw`\leftarrow a`, 'b']);
  });

  it('drops empty parts', () => {
    expect(splitTopLevel(String.raw`\qquad a \qquad`)).toEqual(['a']);
  });
});

describe('remarkMathRows', () => {
  const math = (value: string) => ({ type: 'math', value, data: { hName: 'pre' } });

  it('turns a display formula with top-level \\qquad into a div.math-row of display formulas', () => {
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [] }, math(String.raw`a \qquad b`), math('c')] };
    remarkMathRows()(tree);
    const [, row, single] = tree.children as any[];
    expect(row.type).toBe('mathRow');
    expect(row.data).toEqual({ hName: 'div', hProperties: { className: ['math-row'] } });
    expect(row.children.map((c: any) => c.value)).toEqual(['a', 'b']);
    // each part is typeset as display maths, as remark-math marks its own display nodes
    for (const part of row.children) {
      expect(part.type).toBe('math');
      expect(part.data.hName).toBe('pre');
      expect(part.data.hChildren[0].properties.className).toEqual(['language-math', 'math-display']);
      expect(part.data.hChildren[0].children[0].value).toBe(part.value);
    }
    expect(single).toEqual(math('c'));
  });

  it('also rewrites formulas nested in other blocks (e.g. a list item or a JSX element)', () => {
    const tree = { type: 'root', children: [{ type: 'listItem', children: [math(String.raw`x \qquad y`)] }] };
    remarkMathRows()(tree);
    expect((tree.children[0].children[0] as any).type).toBe('mathRow');
  });
});
