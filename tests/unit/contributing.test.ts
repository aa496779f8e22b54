import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The contributor documentation must not drift from the code: every command it shows is a real
 * package.json script, its widget reference is generated from the widgets' prop declarations,
 * and the pull-request workflow runs the same steps as CI (.ci/run).
 */
const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const scripts: Record<string, string> = JSON.parse(read('package.json')).scripts;

/** The shell commands in the ```sh blocks of a Markdown file, one per line, comments removed. */
function shellLines(markdown: string): string[] {
  return [...markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1].split('\n'))
    .map((line) => line.replace(/\s#.*$/, '').trim())
    .filter(Boolean);
}

/** Every npm invocation in a line: `npm run X`, `npm test`, `npm start`, `npm install`, … */
function npmCommands(line: string): string[] {
  return [...line.matchAll(/\bnpm\s+(run\s+)?([\w:.-]+)/g)].map((m) => (m[1] ? `run ${m[2]}` : m[2]));
}

/** npm's own commands the docs may use (everything else must be a script). */
const npmBuiltins = new Set(['install', 'ci']);
/** Commands npm maps straight to a script of the same name. */
const scriptShortcuts = new Set(['test', 'start']);

describe.each(['CONTRIBUTING.md', 'README.md'])('the commands in %s', (file) => {
  const lines = shellLines(read(file));

  it('has commands to check', () => {
    expect(lines.some((l) => /\bnpm\b/.test(l))).toBe(true);
  });

  it('names only real package.json scripts', () => {
    const commands = lines.flatMap(npmCommands);
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) {
      if (c.startsWith('run ')) expect(Object.keys(scripts), `${file}: npm ${c}`).toContain(c.slice(4));
      else if (scriptShortcuts.has(c)) expect(Object.keys(scripts), `${file}: npm ${c}`).toContain(c);
      else expect(npmBuiltins.has(c), `${file}: "npm ${c}" is neither an npm command nor a script`).toBe(true);
    }
  });

  it('runs only scripts that exist', () => {
    for (const line of lines) {
      for (const m of line.matchAll(/\bnode\s+(scripts\/[\w./-]+)/g)) expect(existsSync(join(root, m[1])), `${file}: ${m[1]}`).toBe(true);
    }
  });
});

describe('package.json scripts', () => {
  it('run only files that exist (a script the docs show must work)', () => {
    const files = Object.entries(scripts).flatMap(([name, cmd]) =>
      [...cmd.matchAll(/\b(?:node|tsx)\s+([\w./-]+\.(?:m?js|ts))/g)].map((m) => [name, m[1]] as const),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const [name, file] of files) expect(existsSync(join(root, file)), `npm run ${name}: ${file}`).toBe(true);
  });
});

describe('CONTRIBUTING.md', () => {
  it('shows the commands a contributor needs', () => {
    const commands = shellLines(read('CONTRIBUTING.md')).flatMap(npmCommands);
    for (const c of ['run new', 'run dev', 'run build', 'run preview', 'test', 'run check']) expect(commands).toContain(c);
  });

  it('has an up-to-date widget reference, generated from the widgets’ prop declarations', () => {
    const r = spawnSync(process.execPath, ['scripts/widget-docs.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const doc = read('CONTRIBUTING.md');
    const names = readdirSync(join(root, 'src/components/widgets')).filter((f) => f.endsWith('.astro')).map((f) => f.replace('.astro', ''));
    for (const name of names) expect(doc).toContain(`### ${name}\n`);
    // README's "For teachers" lists every figure of every article with its embed page.
    expect(read('README.md')).toContain('| Experiment `exp` | `/embed/l1-vs-l2-regularization/exp/` |');
  }, 60_000);
});

describe('the pull-request workflow', () => {
  const workflow = read('.github/workflows/test.yml');

  it('runs on every pull request, on Ubuntu with Node 22', () => {
    expect(workflow).toMatch(/^on:\n(?:.*\n)*?\s+pull_request:/m);
    expect(workflow).toMatch(/runs-on:\s*ubuntu-/);
    expect(workflow).toMatch(/node-version:\s*['"]?22\b/);
  });

  it('runs the same steps as CI, by calling .ci/run', () => {
    const runs = [...workflow.matchAll(/^\s*-?\s*run:\s*(.+)$/gm)].map((m) => m[1].trim());
    expect(runs).toEqual(['bash .ci/run']);
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });
});
