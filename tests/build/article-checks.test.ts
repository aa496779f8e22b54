import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot } from '../support/build';

const out = join(repoRoot, 'tests/.out/article-checks');
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The contributor checks: each fixture folder under tests/fixtures/broken/ holds one article with
 * one mistake. The build must fail, and its message must name the file, the line and the cause.
 */
const cases = [
  {
    folder: 'unknown-widget',
    where: 'unknown-widget.mdx:12:1',
    problem: /unknown component <SoftMax>: it is not imported in this article\. Known widgets: .*\bSoftmax\b/,
  },
  {
    folder: 'widget-bad-enum',
    where: 'widget-bad-enum.mdx:11:3',
    problem: /<VanishingGradient>: prop "init" must be one of "glorotUniform", "heUniform" \(got "no-such-init"\)/,
  },
  {
    folder: 'widget-bad-type',
    where: 'widget-bad-type.mdx:10:17',
    problem: /<Softmax>: prop "temperature" must be a number from 0\.1 to 5 \(got "2"\) — write temperature=\{2\}/,
  },
  {
    folder: 'widget-unknown-prop',
    where: 'widget-unknown-prop.mdx:10:17',
    problem: /<Softmax>: unknown prop "colour"; allowed props: logits, temperature, id, class, caption/,
  },
  {
    folder: 'figure-no-caption',
    where: 'figure-no-caption.mdx:10:1',
    problem: /<Softmax>: a figure needs a caption saying what it shows: caption="…", or a <span slot="caption">…<\/span> inside it/,
  },
  {
    folder: 'figure-duplicate-id',
    where: 'figure-duplicate-id.mdx:12:1',
    problem: /two figures have the id "s" \(the other is <Softmax> on line 10\); give each figure its own id/,
  },
  {
    folder: 'figure-contradiction',
    where: 'figure-contradiction.mdx:10:1',
    problem: /<ActivationExplorer>: xMin \(3\) must be less than xMax \(1\)/,
  },
  {
    folder: 'findings-alone',
    where: 'findings-alone.mdx:10:1',
    problem: /<Findings> describes the page's <Experiment>, but this page has none: add one, or remove <Findings>/,
  },
  {
    folder: 'missing-citation',
    where: 'missing-citation.mdx:9:18',
    problem: /citation "maas2013" is not in this article's bibliography \(keys in it: nair2010\)/,
  },
  {
    folder: 'broken-link',
    where: 'broken-link.mdx:9:1',
    problem: /broken link "\/articles\/no-such-article\/": no page \/articles\/no-such-article\/ is published/,
  },
  {
    folder: 'broken-anchor',
    where: 'broken-anchor.mdx:12:7',
    problem: /broken link "#third-section": \/articles\/broken-anchor\/ has no element with id "third-section"\. Section anchors there: #first-section, #second-section/,
  },
  {
    folder: 'duplicate-slug',
    where: 'duplicate-slug/same.mdx',
    problem: /Duplicate article slug "same": \S*duplicate-slug\/same\.mdx and \S*duplicate-slug\/same\/index\.mdx would both be published at \/articles\/same\//,
  },
];

describe('a contributor mistake fails the build, naming file, line and cause', () => {
  // Two builds at a time (vitest.config.ts: maxConcurrency), each in its own folders.
  for (const c of cases) {
    it.concurrent(c.folder, async () => {
      const result = await buildSite({ content: `./tests/fixtures/broken/${c.folder}`, out: join(out, c.folder) });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(c.where);
      expect(result.output).toMatch(c.problem);
    });
  }
});
