import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('KaTeX', () => {
  // The stylesheet the site bundles must come from the same KaTeX that typesets the formulas
  // (rehype-katex's own dependency); class names change between KaTeX versions, and a mismatch
  // silently breaks fractions and superscripts.
  it('bundles the stylesheet of the KaTeX version that typesets the formulas', () => {
    const site = require('katex/package.json').version as string;
    const fromRehype = createRequire(require.resolve('rehype-katex')) ('katex/package.json').version as string;
    expect(site).toBe(fromRehype);
  });
});
