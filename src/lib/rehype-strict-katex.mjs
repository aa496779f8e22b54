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
