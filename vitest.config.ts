import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import LongestFirst from './tests/e2e/sequencer.ts';

const nn = fileURLToPath(new URL('./packages/nn/src/index.ts', import.meta.url));

/**
 * Three projects, run in this order by `npm test` (tests/run-all.mjs):
 * - unit:  packages/nn and the site's pure code (plot builders, widget logic), in Node.
 * - build: builds broken fixture articles and checks that the build fails with a clear message.
 * - e2e:   the built site in real headless Chromium (see tests/e2e/global-setup.ts).
 */
export default defineConfig({
  resolve: { alias: { '@neural-notes/nn': nn } },
  test: {
    // e2e files start longest first (a root option: the pool asks the root config for the order)
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // every core (Vitest's default leaves one idle: on a 2-core machine, one file at a time)
          maxWorkers: '100%',
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Two test files at a time, each with its own browser (a 2-core machine runs CI).
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
