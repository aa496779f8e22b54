import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot } from '../support/build';
import { serveStatic, type StaticServer } from './support/server';
import { findChromium } from './support/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real site (dist/), served at the root, e.g. http://127.0.0.1:PORT/ */
    siteUrl: string;
    siteDir: string;
    /** The fixture site (tests/fixtures/site), built and served under /neural-notes/. */
    fixtureUrl: string;
    fixtureDir: string;
  }
}

export const fixtureBase = '/neural-notes/';

/**
 * Builds what the end-to-end tests need and serves it on free loopback ports:
 * - the real site in dist/ (built here unless NN_SITE_BUILT=1 says `npm test` just built it);
 * - the fixture site, built from tests/fixtures/site under the sub-path /neural-notes/.
 */
export default async function setup(project: TestProject) {
  findChromium(); // fail early, with instructions, if no browser can be found or installed
  // NN_E2E_OUT lets two people (or agents) run the e2e suite side by side without sharing folders.
  const outRoot = process.env.NN_E2E_OUT ? resolve(process.env.NN_E2E_OUT) : null;
  const siteDir = outRoot ? join(outRoot, 'site') : join(repoRoot, 'dist');
  if (outRoot || process.env.NN_SITE_BUILT !== '1' || !existsSync(join(siteDir, 'index.html'))) {
    // NN_E2E_SITE_CONTENT: build the "real" site from another folder (e.g. while an article is half-written).
    const site = await buildSite({ out: siteDir, content: process.env.NN_E2E_SITE_CONTENT });
    if (site.code !== 0) throw new Error(`Building the site failed:\n${site.output}`);
  }
  const fixtureDir = join(outRoot ?? join(repoRoot, 'tests/.out'), 'fixture-site');
  const fixture = await buildSite({ content: './tests/fixtures/site/articles', out: fixtureDir, base: fixtureBase });
  // A build that logs an error but exits 0 fails here too (drafts.test.ts reads this build).
  if (fixture.code !== 0 || /\[ERROR\]/.test(fixture.output)) throw new Error(`Building the fixture site failed:\n${fixture.output}`);

  const servers: StaticServer[] = [await serveStatic(siteDir, '/'), await serveStatic(fixtureDir, fixtureBase)];
  project.provide('siteUrl', servers[0].url);
  project.provide('siteDir', siteDir);
  project.provide('fixtureUrl', servers[1].url);
  project.provide('fixtureDir', fixtureDir);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
