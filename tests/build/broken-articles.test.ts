import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot } from '../support/build';

const out = join(repoRoot, 'tests/.out/broken');
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * Each fixture folder holds one broken article. Building it must fail, and the message must
 * name the file and say what is wrong, so a contributor can fix it without reading a stack trace.
 */
const cases = [
  { folder: 'missing-title', file: 'no-title.mdx', problem: /title.*Required|title.*expected string/i },
  { folder: 'bad-date', file: 'bad-date.mdx', problem: /published must be a date written as YYYY-MM-DD/ },
  { folder: 'bad-mdx', file: 'unclosed.mdx:10', problem: /Unexpected end of file in expression/ },
  { folder: 'bad-math', file: 'bad-math.mdx:8', problem: /could not be typeset by KaTeX.*Undefined control sequence: \\undefinedmacro/ },
];

describe('a broken article fails the build with a message naming the file and the problem', () => {
  for (const c of cases) {
    it(c.folder, async () => {
      const result = await buildSite({ content: `./tests/fixtures/broken/${c.folder}`, out: join(out, c.folder) });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(c.file);
      expect(result.output).toMatch(c.problem);
    });
  }
});
