import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileHistory } from '../../src/lib/history.mjs';

const dir = mkdtempSync(join(tmpdir(), 'nn-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' } });

describe('an article’s history from git', () => {
  const repo = join(dir, 'repo');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  writeFileSync(join(repo, 'a.mdx'), 'one');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'Publish the article', '--date', '2026-01-02T10:00:00Z');
  writeFileSync(join(repo, 'other.txt'), 'x');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'Something else');
  writeFileSync(join(repo, 'a.mdx'), 'two');
  git(repo, 'commit', '-qam', 'Correct a sign in the derivation');

  it('lists every commit that touched the file, newest first, with date and subject, and knows it is complete', () => {
    const history = fileHistory('a.mdx', { cwd: repo });
    expect(history.complete).toBe(true);
    expect(history.changes.map((c) => c.subject)).toEqual(['Correct a sign in the derivation', 'Publish the article']);
    for (const c of history.changes) {
      expect(c.hash).toMatch(/^[0-9a-f]{40}$/);
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('in a shallow clone, shows what it has and says the list is not complete', () => {
    const shallow = join(dir, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const history = fileHistory('a.mdx', { cwd: shallow });
    expect(history).toMatchObject({ complete: false, reason: 'shallow' });
    expect(history.changes.map((c) => c.subject)).toEqual(['Correct a sign in the derivation']);
  });

  it('without git, or outside a repository, builds anyway with an empty, incomplete list', () => {
    expect(fileHistory('a.mdx', { cwd: repo, git: join(dir, 'no-such-git') })).toEqual({ changes: [], complete: false, reason: 'no-git' });
    expect(fileHistory('a.mdx', { cwd: tmpdir() })).toMatchObject({ changes: [], complete: false });
  });
});
