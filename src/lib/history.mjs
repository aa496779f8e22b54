// An article's change history, from git, at build time: each commit that touched the article's
// file (following renames), newest first, with its date and subject. The appendix lists them as
// "Updates and corrections", each linked to the change on the repository.
//
// A build without git, outside a repository, or in a shallow clone (CI systems often fetch only
// the last commit) must still succeed: it shows what it knows and says what it does not
// (`complete: false`, with the reason), instead of failing or pretending the list is whole.
import { execFileSync } from 'node:child_process';

/**
 * @typedef {{ hash: string, date: string, subject: string }} Change
 * @typedef {{ changes: Change[], complete: boolean, reason?: 'no-git' | 'shallow' }} History
 */

/**
 * @param {string} file path of the article, relative to `cwd`
 * @param {{ cwd?: string, git?: string }} [options] the repository's folder, and the git program
 * @returns {History}
 */
export function fileHistory(file, { cwd = process.cwd(), git = 'git' } = {}) {
  const run = (args) => execFileSync(git, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  let log;
  try {
    log = run(['log', '--follow', '--no-merges', '--format=%H%x1f%cs%x1f%s', '--', file]);
  } catch {
    return { changes: [], complete: false, reason: 'no-git' };
  }
  const changes = log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, date, subject] = line.split('\x1f');
      return { hash, date, subject };
    });
  let shallow = false;
  try {
    shallow = run(['rev-parse', '--is-shallow-repository']).trim() === 'true';
  } catch {
    shallow = true;
  }
  return shallow ? { changes, complete: false, reason: 'shallow' } : { changes, complete: true };
}
