import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order in which the e2e files start, longest first, so that the two workers finish together
 * (a fresh clone has no timings in Vitest's cache, and file size says little here: a11y.test.ts is
 * short and runs axe on every page for about two minutes). Seconds measured in CI; a file not
 * listed starts after these, larger files first.
 */
const SECONDS: Record<string, number> = {
  'reader.test.ts': 180,
  'a11y.test.ts': 115,
  'embed.test.ts': 110,
  'pages.test.ts': 75,
  'own-data.test.ts': 60,
  'figures/Experiment.test.ts': 46,
  'figures/SgdStep.test.ts': 45,
  'journal.test.ts': 43,
  'plumbing.test.ts': 40,
  'figures/ActivationExplorer.test.ts': 24,
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
