import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order in which the e2e files start, longest first, so that the two workers finish together
 * (a fresh clone has no timings in Vitest's cache, and file size says little here: a11y.test.ts is
 * short and runs axe on every page for about two minutes). Seconds measured on a fresh clone
 * (3 December 2026); a file not listed starts after these, larger files first.
 */
const SECONDS: Record<string, number> = {
  'reader.test.ts': 192,
  'a11y.test.ts': 118,
  'embed.test.ts': 90,
  'figures/Experiment.test.ts': 61,
  'pages.test.ts': 57,
  'own-data.test.ts': 56,
  'journal.test.ts': 56,
  'figures/SgdStep.test.ts': 52,
  'plumbing.test.ts': 38,
  'figures/ActivationExplorer.test.ts': 23,
};

const seconds = (spec: TestSpecification) => {
  const key = Object.keys(SECONDS).find((name) => spec.moduleId.endsWith(`/tests/e2e/${name}`));
  return key ? SECONDS[key] : 0;
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.project.name.localeCompare(b.project.name) || seconds(b) - seconds(a) || statSync(b.moduleId).size - statSync(a.moduleId).size);
  }
}
