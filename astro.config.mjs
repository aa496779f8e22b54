// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { unified } from '@astrojs/markdown-remark';
import { rehypeStrictKatex, rehypeScrollableBlocks, rehypeMathUnsearchable, rehypeMathPunctuation } from './src/lib/rehype-strict-katex.mjs';
import { rehypeHeadingAnchors } from './src/lib/rehype-heading-anchors.mjs';
import { rehypeCitationBacklinks } from './src/lib/rehype-citation-backlinks.mjs';
import { citations } from './src/lib/rehype-citations.mjs';
import { rehypeSidenotes } from './src/lib/rehype-sidenotes.mjs';
import { rehypeProseRuns } from './src/lib/rehype-prose-runs.mjs';
import { pagefindSearch } from './src/lib/pagefind-integration.mjs';
import { remarkWidgetChecks } from './src/lib/remark-widget-checks.mjs';
import { remarkMathRows } from './src/lib/remark-math-rows.mjs';
import { remarkCrossReferences } from './src/lib/remark-cross-references.mjs';
import { rehypeCrossReferencePreviews } from './src/lib/rehype-cross-reference-previews.mjs';
import { linkChecks } from './src/lib/link-checks.mjs';
import { interactDirective } from './src/components/interact-directive.mjs';
import { sitemapAlias, sitemapOptions } from './src/lib/sitemap.mjs';

/**
 * Deployment knobs, all from the environment so one build command serves every host:
 * - NEURAL_NOTES_BASE: the sub-path the site is served under, e.g. `/neural-notes/` (default `/`).
 * - NEURAL_NOTES_SITE: the public origin, used for canonical URLs and feeds.
 * - NEURAL_NOTES_OUT: the output folder (default `dist`).
 * - NEURAL_NOTES_CACHE: Astro's cache folder, so the test suite can run builds side by side.
 */
const base = process.env.NEURAL_NOTES_BASE || '/';
const site = process.env.NEURAL_NOTES_SITE || 'https://neural-notes.example.org';
// Article checks that fail the build naming file and line: unknown widgets and invalid widget
// props (remarkWidgetChecks), citations missing from the bibliography and broken internal links
// or anchors (linkChecks; links are verified against the pages once they are all written).
// Citations from BibTeX ([@key]): numbered, with a generated reference list; an unknown key fails
// the build at its line; entries no article cites are reported after the build.
const cites = citations();
const content = process.env.NEURAL_NOTES_CONTENT || './content/articles';
const links = linkChecks({ base, content });

export default defineConfig({
  site,
  base,
  output: 'static',
  outDir: process.env.NEURAL_NOTES_OUT || './dist',
  cacheDir: process.env.NEURAL_NOTES_CACHE || './node_modules/.astro',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx(), preact(), interactDirective(), pagefindSearch(), links.integration, cites.integration, sitemap(sitemapOptions({ content })), sitemapAlias()],
  markdown: {
    // Maths: `$…$` and `$$…$$` are typeset by KaTeX at build time; a formula KaTeX cannot
    // typeset fails the build (rehypeStrictKatex) instead of publishing red error text.
    // Equations set side by side with `\qquad` wrap on narrow screens (remarkMathRows).
    // GFM footnotes (remark-gfm, on by default) become sidenotes (rehypeSidenotes); citations
    // `[@key]` are typeset from the nearest references.bib (cites.rehype). Displayed formulas with
    // \label{eq:NAME} and every figure are numbered; [@eq:NAME] and [@fig:ID] refer to them
    // (remarkCrossReferences; the equation's preview is copied once typeset).
    // The prose between components is grouped into runs that paint as units (rehypeProseRuns).
    processor: unified({
      remarkPlugins: [remarkMath, remarkMathRows, remarkWidgetChecks, remarkCrossReferences],
      rehypePlugins: [[rehypeKatex, { strict: 'error', throwOnError: false }], rehypeStrictKatex, rehypeScrollableBlocks, rehypeMathUnsearchable, rehypeMathPunctuation, rehypeCrossReferencePreviews, rehypeSidenotes, cites.rehype, rehypeHeadingAnchors, rehypeCitationBacklinks, links.rehype, rehypeProseRuns],
    }),
  },
  vite: {
    resolve: {
      alias: { '@neural-notes/nn': new URL('./packages/nn/src/index.ts', import.meta.url).pathname },
    },
    worker: { format: 'es' },
  },
  devToolbar: { enabled: false },
});
