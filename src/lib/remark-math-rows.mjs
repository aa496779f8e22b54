// Displayed formulas that set several equations side by side, separated by `\qquad` (a function
// and its derivative, say), wrap on a narrow screen instead of running off its edge: each part
// becomes its own displayed formula, and the parts sit in one `div.math-row` that CSS lays out
// as a wrapping row (side by side when they fit, one under the other on a phone).
//
// Only a `\qquad` at the top level splits: not one inside braces, an environment
// (`\begin{cases} … \end{cases}`) or a `\left … \right` pair.

import { SKIP, visit } from 'unist-util-visit';

const OPEN = /^\\(?:begin\{[^}]*\}|left(?![a-zA-Z]))/;
const CLOSE = /^\\(?:end\{[^}]*\}|right(?![a-zA-Z]))/;
const QQUAD = /^\\qquad(?![a-zA-Z])/;

/**
 * The parts of a TeX formula between its top-level `\qquad`s, trimmed; empty parts dropped.
 * @param {string} tex
 * @returns {string[]}
 */
export function splitTopLevel(tex) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      const rest = tex.slice(i);
      const open = OPEN.exec(rest);
      const close = open ? null : CLOSE.exec(rest);
      const qquad = depth === 0 && !open && !close ? QQUAD.exec(rest) : null;
      if (open) depth++;
      else if (close) depth--;
      else if (qquad) {
        parts.push(tex.slice(start, i));
        start = i + qquad[0].length;
      }
      // skip the command name (or the escaped character) so `\{` and `\}` do not count as braces
      const m = /^\\(?:[a-zA-Z]+|.)/.exec(rest);
      i += (m ? m[0].length : 1) - 1;
    } else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  parts.push(tex.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** remark plugin: a display `math` node with top-level `\qquad`s becomes a row of display formulas. */
export function remarkMathRows() {
  return (tree) =>
    visit(tree, 'math', (node, index, parent) => {
      const parts = splitTopLevel(node.value);
      if (parts.length < 2 || !parent) return undefined;
      parent.children[index] = {
        type: 'mathRow',
        data: { hName: 'div', hProperties: { className: ['math-row'] } },
        position: node.position,
        children: parts.map((value) => ({
          type: 'math',
          meta: null,
          value,
          position: node.position,
          data: {
            hName: 'pre',
            hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }],
          },
        })),
      };
      return SKIP;
    });
}
