#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping nothing early so one run shows
// every failure. Ends with one plain summary line: `N passed, N failed`.
//   1. type check (astro check for the site, tsc for packages/nn)
//   2. unit tests (Vitest project "unit": packages/nn and the site's pure code)
//   3. production build of the site
//   4. build-failure tests (Vitest project "build": broken articles must fail loudly)
//   5. end-to-end tests of the built site in headless Chromium (Vitest project "e2e")
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `npm test needs Node ≥ 22.12 (this is ${process.version}). Run it through npm (\`npm test\`), ` +
      'which uses the Node 22 that `npm install` puts in node_modules/.bin.',
  );
  process.exit(1);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = `${root}tests/.out/reports`;
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const bin = (name) => `${root}node_modules/.bin/${name}`;

let passed = 0;
let failed = 0;
const failures = [];
/** How long each phase took, printed at the end. */
const times = [];
const started = Date.now();

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n━━ ${label} ━━ ${[cmd.replace(root, ''), ...args].join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  times.push([label, Date.now() - t0]);
  return r.status === 0;
}

/** A step that is one check: counts as one test. */
function step(label, cmd, args, extraEnv) {
  const ok = run(label, cmd, args, extraEnv);
  ok ? passed++ : (failed++, failures.push(label));
  return ok;
}

/** A Vitest project: counts its individual tests, from its JSON report. */
function vitest(project, extraEnv) {
  const file = `${reports}/${project}.json`;
  const ok = run(`tests: ${project}`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], extraEnv);
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numFailedTests > 0 || !ok) failures.push(`tests: ${project}`);
    if (!ok && report.numFailedTests === 0) failed++; // a suite that crashed before its tests ran
    if (report.numTotalTests === 0) {
      failed++;
      failures.push(`tests: ${project} ran no test`);
    }
  } catch {
    failed++;
    failures.push(`tests: ${project} (no report)`);
  }
}

step('type check: site', bin('astro'), ['check']);
step('type check: packages/nn', bin('tsc'), ['--noEmit', '-p', 'packages/nn']);
vitest('unit');
const built = step('build: production site', bin('astro'), ['build']);
vitest('build');
vitest('e2e', { NN_SITE_BUILT: built ? '1' : '0' });

console.log('');
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
console.log(`Time: ${times.map(([label, ms]) => `${label} ${seconds(ms)}`).join(' · ')} · total ${seconds(Date.now() - started)}`);
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
