import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface BuildOptions {
  /** Folder of articles to build from (default: the real content/articles). */
  content?: string;
  /** Output folder. */
  out: string;
  /** Sub-path the site is served under, e.g. `/neural-notes/`. */
  base?: string;
}

export interface BuildResult {
  code: number;
  /** stdout and stderr together, without colour codes. */
  output: string;
}

/** Runs `astro build` in a child process, exactly as `npm run build` would, and captures its output. */
export function buildSite(options: BuildOptions): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = {
    ...withoutTestRunnerEnv(process.env),
    ASTRO_TELEMETRY_DISABLED: '1',
    // Vitest sets NODE_ENV=test; a real build is a production build (drafts hidden, base applied).
    NODE_ENV: 'production',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    NEURAL_NOTES_OUT: options.out,
  };
  if (options.content) env.NEURAL_NOTES_CONTENT = options.content;
  // Each output folder gets its own cache, so builds of different sites never share state.
  env.NEURAL_NOTES_CACHE = `${options.out.replace(/\/+$/, '')}.cache`;
  if (options.base) env.NEURAL_NOTES_BASE = options.base;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build'], { cwd: repoRoot, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output: output.replace(/\u001b\[[0-9;]*m/g, '') }));
  });
}

/**
 * Vitest exports Vite's `import.meta.env` values (BASE_URL, MODE, DEV, PROD, SSR) and its own
 * markers into process.env; a child build would inherit them and, for example, ignore the
 * configured base path. A build must see the environment a developer's shell would give it.
 */
function withoutTestRunnerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of Object.keys(copy)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key) || key.startsWith('VITEST')) delete copy[key];
  }
  return copy;
}
