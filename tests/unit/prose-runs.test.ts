import { describe, expect, it } from 'vitest';
import { rehypeProseRuns } from '../../src/lib/rehype-prose-runs.mjs';

const el = (tagName: string, label: string) => ({ type: 'element', tagName, properties: {}, children: [{ type: 'text', value: label }] });
const nl = () => ({ type: 'text', value: '\n' });
const jsx = (name: string) => ({ type: 'mdxJsxFlowElement', name, attributes: [], children: [] });
const esm = () => ({ type: 'mdxjsEsm', value: "import X from './x';" });

/** The tree's top level, written short: a run as [its children], elements by their text, components by name. */
function shape(tree: any): unknown[] {
  const one = (n: any): unknown =>
    n.type === 'element' && n.properties.className?.includes('prose-run') ? n.children.map(one) : n.type === 'element' ? n.children[0].value : n.type === 'text' ? 'nl' : n.name ?? n.type;
  return tree.children.map(one);
}

describe('rehypeProseRuns: the prose between components grouped into runs', () => {
  it('wraps each stretch of elements that no component breaks, keeping whitespace inside a run and around it in place', () => {
    const tree: any = {
      type: 'root',
      children: [esm(), nl(), el('p', 'intro'), nl(), el('h2', 'one'), nl(), jsx('Experiment'), nl(), el('p', 'after'), nl(), jsx('LiveFormula'), jsx('Softmax'), nl(), el('ul', 'list'), el('section', 'refs')],
    };
    rehypeProseRuns()(tree);
    expect(shape(tree)).toEqual(['mdxjsEsm', 'nl', ['intro', 'nl', 'one'], 'nl', 'Experiment', 'nl', ['after'], 'nl', 'LiveFormula', 'Softmax', 'nl', ['list', 'refs']]);
    for (const run of tree.children.filter((n: any) => n.type === 'element')) expect(run).toMatchObject({ tagName: 'div', properties: { className: ['prose-run'] } });
  });

  it('leaves a tree without prose as it was, and puts all of it in one run when no component breaks it', () => {
    const only: any = { type: 'root', children: [jsx('A'), nl(), jsx('B')] };
    rehypeProseRuns()(only);
    expect(shape(only)).toEqual(['A', 'nl', 'B']);
    const prose: any = { type: 'root', children: [el('p', 'a'), nl(), el('p', 'b')] };
    rehypeProseRuns()(prose);
    expect(shape(prose)).toEqual([['a', 'nl', 'b']]);
  });
});
