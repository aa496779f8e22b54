import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot } from '../support/build';

/**
 * `npm run new -- <slug>` (scripts/new-article.mjs): a fresh draft that builds, previews in
 * `npm run dev` straight away, and is left out of a production build. The script writes into a
 * temporary content folder (--dir), never into content/.
 */
const out = join(repoRoot, 'tests/.out/new-article');
const content = join(out, 'articles');
rmSync(out, { recursive: true, force: true });
mkdirSync(content, { recursive: true });
afterAll(() => rmSync(out, { recursive: true, force: true }));

function newArticle(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/new-article.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('npm run new -- <slug>', () => {
  it('writes a draft with frontmatter and an example figure', () => {
    const r = newArticle('my-first-article', '--dir', content, '--date', '2026-12-01');
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('my-first-article.mdx');
    const text = readFileSync(join(content, 'my-first-article.mdx'), 'utf8');
    expect(text).toMatch(/^---\ntitle: My first article\ndescription: .+\npublished: 2026-12-01\ntags: \[draft\]\ndraft: true\n---\n/);
    expect(text).toContain("import Softmax from '../../../../src/components/widgets/Softmax.astro';");
    expect(text).toContain('<Softmax id="softmax"');
    expect(text).toContain('[@bridle1990]');
    expect(readFileSync(join(content, 'references.bib'), 'utf8')).toMatch(/@incollection\{bridle1990,/);
  });

  it('dates the draft today by default', () => {
    const r = newArticle('dated-today', '--dir', content);
    expect(r.code, r.output).toBe(0);
    expect(readFileSync(join(content, 'dated-today.mdx'), 'utf8')).toContain(`published: ${new Date().toISOString().slice(0, 10)}\n`);
    rmSync(join(content, 'dated-today.mdx'));
  });

  it('refuses a bad slug, saying what a slug looks like', () => {
    for (const slug of ['My_Article', 'double--hyphen', '-leading', 'trailing-', 'ünïcode']) {
      const r = newArticle(slug, '--dir', content);
      expect(r.code).toBe(1);
      expect(r.output).toContain(`"${slug}" is not a valid slug: use lowercase letters and digits in words joined by single hyphens`);
    }
    const none = newArticle('--dir', content);
    expect(none.code).toBe(1);
    expect(none.output).toContain('Give the new article a slug.');
    expect(none.output).toContain('Usage: npm run new -- <slug>');
  });

  it('refuses a slug that is taken, naming the file that has it', () => {
    mkdirSync(join(content, 'nested'), { recursive: true });
    writeFileSync(join(content, 'nested/index.mdx'), '---\ntitle: x\ndescription: x\npublished: 2026-01-01\ndraft: true\n---\n');
    const r = newArticle('my-first-article', '--dir', content);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/The slug "my-first-article" is taken: \S*my-first-article\.mdx already has the address \/articles\/my-first-article\//);
    const nested = newArticle('nested', '--dir', content);
    expect(nested.code).toBe(1);
    expect(nested.output).toMatch(/The slug "nested" is taken: \S*nested\/index\.mdx/);
    rmSync(join(content, 'nested'), { recursive: true });
  });

  it('previews in the dev server, drafts shown, figure and maths rendered', { timeout: 300_000 }, async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', NEURAL_NOTES_CONTENT: content, NEURAL_NOTES_CACHE: `${out}/dev.cache` };
    // As in tests/support/build.ts: the dev server must see a developer's shell, not Vitest's.
    for (const key of Object.keys(env)) {
      if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV'].includes(key) || key.startsWith('VITEST')) delete env[key];
    }
    const dev = spawn(process.execPath, [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], { cwd: repoRoot, env });
    let log = '';
    dev.stdout.on('data', (d) => (log += d));
    dev.stderr.on('data', (d) => (log += d));
    try {
      const url = `http://127.0.0.1:${port}/articles/my-first-article/`;
      const started = Date.now();
      while (!/ready in/.test(log) && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 250));
      // The first request of a cold dev server waits for Vite to bundle dependencies: be patient.
      // A cold dev server may answer its very first requests with an error while Vite bundles
      // dependencies and reloads; a contributor would just refresh, so the test retries too.
      let html = '';
      const statuses: (number | string)[] = [];
      while (!html && Date.now() - started < 150_000) {
        const res = await fetch(url, { signal: AbortSignal.timeout(120_000) }).catch((e: Error) => e.message);
        if (typeof res !== 'string' && res.ok) html = await res.text();
        else {
          statuses.push(typeof res === 'string' ? res : res.status);
          await new Promise((r) => setTimeout(r, 3000));
        }
      }
      log += `\nresponses before success: ${statuses.join(', ')}`;
      expect(html, log).toContain('My first article');
      expect(html).toContain('class="katex-display"');
      expect(html).toContain('id="fig-softmax"');
      expect(html).not.toMatch(/katex-error|NaN/);
    } finally {
      dev.kill();
    }
  });

  it('builds for production, leaving the draft out', async () => {
    const result = await buildSite({ content, out: join(out, 'site') });
    expect(result.code, result.output).toBe(0);
    expect(existsSync(join(out, 'site/index.html'))).toBe(true);
    expect(existsSync(join(out, 'site/articles/my-first-article'))).toBe(false);
  });
});
