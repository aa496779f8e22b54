// Groups an article's prose between its components into runs: each stretch of paragraphs,
// headings, lists and typeset formulas that no figure or live formula (an MDX component) breaks
// becomes one <div class="prose-run">. prose.css makes each run paint as a unit of its own
// (a stacking context), which the browser keeps from frame to frame: a figure that redraws then
// repaints itself, not every formula of the article (see README → Performance). The runs change
// no layout: they are plain blocks, and the prose's margins collapse through them as before.

/** Nodes that end a run: MDX components (figures, live formulas) and module code. */
const BREAKS = new Set(['mdxJsxFlowElement', 'mdxjsEsm', 'mdxFlowExpression']);

export function rehypeProseRuns() {
  return (tree) => {
    const out = [];
    /** The run being filled, and the whitespace seen since its last element (kept outside it). */
    let run = null;
    let gap = [];
    const close = () => {
      run = null;
      out.push(...gap);
      gap = [];
    };
    for (const node of tree.children) {
      if (node.type === 'element') {
        if (!run) {
          run = { type: 'element', tagName: 'div', properties: { className: ['prose-run'] }, children: [] };
          out.push(...gap, run);
        } else run.children.push(...gap);
        gap = [];
        run.children.push(node);
      } else if (BREAKS.has(node.type)) {
        close();
        out.push(node);
      } else gap.push(node);
    }
    close();
    tree.children = out;
  };
}
