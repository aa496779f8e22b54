import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot } from '../support/build';

const out = join(repoRoot, 'tests/.out/article-checks');
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The contributor checks: each fixture folder under tests/fixtures/broken/ holds one article with
 * one mistake. The build must fail, and its message must name the file, the line and the cause.
 * The figure checks (one remark plugin, remark-widget-checks.mjs) are run on most of their fixtures
 * without a whole build in tests/unit/figure-checks.test.ts; one of them is built here, end to end.
 */
const cases = [
  {
    folder: 'unknown-widget',
    where: 'unknown-widget.mdx:12:1',
    problem: /unknown component <SoftMax>: it is not imported in this article\. Known widgets: .*\bSoftmax\b/,
  },
  {
    folder: 'widget-bad-type',
    where: 'widget-bad-type.mdx:10:17',
    problem: /<Softmax>: prop "temperature" must be a number from 0\.1 to 5 \(got "2"\) — write temperature=\{2\}/,
  },
  {
    folder: 'unknown-citation-key',
    where: 'unknown-citation-key.mdx:9:18',
    problem: /unknown citation key "maas2013": it is not in tests\/fixtures\/broken\/unknown-citation-key\/references\.bib \(keys there: nair2010\)/,
  },
  {
    folder: 'malformed-bibtex',
    where: 'malformed-bibtex/references.bib:8:3',
    problem: /malformed BibTeX: expected "comma", got "label"/,
  },
  {
    folder: 'unknown-label',
    where: 'unknown-label.mdx:13:30',
    problem: /unknown label "eq:chian": no displayed formula has \\label\{eq:chian\} \(labels in this article: eq:chain\)/,
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
  for (const c of cases) {
    it(c.folder, async () => {
      const result = await buildSite({ content: `./tests/fixtures/broken/${c.folder}`, out: join(out, c.folder) });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(c.where);
      expect(result.output).toMatch(c.problem);
    });
  }
});
