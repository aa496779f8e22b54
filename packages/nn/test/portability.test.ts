import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
const files = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && f !== 'cli.ts');

describe('src/ runs in a browser Web Worker', () => {
  it.each(files)('%s uses no Node API, no global randomness and imports only local files', (file) => {
    const code = readFileSync(srcDir + file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bprocess\.|\brequire\(|\bBuffer\b|__dirname|\bwindow\b|\bdocument\b/);
    expect(code).not.toMatch(/Math\.random/);
    for (const [, spec] of code.matchAll(/from\s+'([^']+)'/g)) expect(spec).toMatch(/^\.\/[a-z]+$/);
  });
});
