// Where something written in an article is, for build errors: `file:line:col`, as editors and
// terminals link it.

/**
 * The position of the character `offset` into a text node of a syntax tree (mdast or hast, whose
 * text nodes keep their place in the source file).
 * @param {{ value: string, position?: { start: { line: number, column: number } } }} node
 * @param {number} offset
 * @param {string} path the file, as shown
 */
export function positionIn(node, offset, path) {
  const start = node.position?.start;
  if (!start) return `${path}:?:?`;
  const lines = node.value.slice(0, offset).split('\n');
  const line = start.line + lines.length - 1;
  const column = lines.length > 1 ? lines[lines.length - 1].length + 1 : start.column + offset;
  return `${path}:${line}:${column}`;
}
