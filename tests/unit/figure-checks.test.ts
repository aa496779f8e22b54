import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkWidgetChecks } from '../../src/lib/remark-widget-checks.mjs';

/**
 * The figure checks of the build (src/lib/remark-widget-checks.mjs), run on their broken fixture
 * articles the way the build runs them (the same remark plugin on the same MDX), without a whole
 * site build for each: every mistake is reported with the file, the line and the cause.
 * (tests/build/article-checks.test.ts builds one of them end to end.)
 */
const root = join(import.meta.dirname, '../..');

async function check(folder: string, name = folder): Promise<string> {
  const path = join(root, 'tests/fixtures/broken', folder, `${name}.mdx`);
  const text = readFileSync(path, 'utf8').replace(/^---[\s\S]*?---\n/, (front) => '\n'.repeat(front.split('\n').length - 1));
  try {
    await compile(new VFile({ path, value: text }), { remarkPlugins: [remarkMath, remarkWidgetChecks] });
  } catch (error) {
    return (error as Error).message;
  }
  return 'compiled without complaint';
}

const cases = [
  { folder: 'widget-bad-enum', where: 'widget-bad-enum.mdx:11:3', problem: /<VanishingGradient>: prop "init" must be one of "glorotUniform", "heUniform" \(got "no-such-init"\)/ },
  { folder: 'widget-unknown-prop', where: 'widget-unknown-prop.mdx:10:17', problem: /<Softmax>: unknown prop "colour"; allowed props: logits, temperature, j, k, id, class, caption/ },
  { folder: 'figure-no-caption', where: 'figure-no-caption.mdx:10:1', problem: /<Softmax>: a figure needs a caption saying what it shows: caption="…", or a <span slot="caption">…<\/span> inside it/ },
  { folder: 'figure-duplicate-id', where: 'figure-duplicate-id.mdx:12:1', problem: /two figures have the id "s" \(the other is <Softmax> on line 10\); give each figure its own id/ },
  { folder: 'figure-contradiction', where: 'figure-contradiction.mdx:10:1', problem: /<ActivationExplorer>: xMin \(3\) must be less than xMax \(1\)/ },
  { folder: 'findings-alone', where: 'findings-alone.mdx:10:1', problem: /<Findings> describes the page's <Experiment>, but this page has none: add one, or remove <Findings>/ },
  { folder: 'widget-bad-type', where: 'widget-bad-type.mdx:10:17', problem: /<Softmax>: prop "temperature" must be a number from 0\.1 to 5 \(got "2"\) — write temperature=\{2\}/ },
  { folder: 'unknown-widget', where: 'unknown-widget.mdx:12:1', problem: /unknown component <SoftMax>: it is not imported in this article\. Known widgets: .*\bSoftmax\b/ },
];

describe('a figure mistake in an article is reported with file, line and cause', () => {
  for (const c of cases) {
    it(c.folder, async () => {
      const message = await check(c.folder);
      expect(message).toContain(c.where);
      expect(message).toMatch(c.problem);
    });
  }

  it('a correct article passes', async () => {
    const path = join(root, 'content/articles/l1-vs-l2-regularization.mdx');
    const text = readFileSync(path, 'utf8').replace(/^---[\s\S]*?---\n/, (front) => '\n'.repeat(front.split('\n').length - 1));
    const file = new VFile({ path, value: text });
    await expect(compile(file, { remarkPlugins: [remarkMath, remarkWidgetChecks] })).resolves.toBeTruthy();
  }, 30_000);
});
