// Fails the build when KaTeX could not typeset a formula, instead of publishing red error text.
// rehype-katex records such failures as messages on the file; this plugin runs after it and
// turns the first one into an error that names the file, the line and KaTeX's own reason.

/** @returns {(tree: unknown, file: import('vfile').VFile) => void} */
export function rehypeStrictKatex() {
  return (_tree, file) => {
    const failure = file.messages.find((m) => m.source === 'rehype-katex');
    if (!failure) return;
    const where = `${file.path ?? 'unknown file'}:${failure.line ?? '?'}:${failure.column ?? '?'}`;
    const reason = failure.cause instanceof Error ? failure.cause.message : failure.reason;
    throw new Error(`${where}: a formula could not be typeset by KaTeX: ${reason}`);
  };
}

// A displayed formula wider than the column scrolls sideways (phones, long derivations). A
// scrolling region must be reachable by keyboard, so each displayed formula and each table
// (which scroll the same way) can take focus; the arrow keys then scroll it.
export function rehypeScrollableBlocks() {
  const visit = (node) => {
    if (node.type === 'element') {
      const cls = node.properties?.className ?? [];
      if ((Array.isArray(cls) && cls.includes('katex-display')) || node.tagName === 'table') {
        node.properties.tabIndex = 0;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}
