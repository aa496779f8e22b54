import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBibliography, loadBibliography } from '../../src/lib/bibliography.mjs';
import { citations } from '../../src/lib/rehype-citations.mjs';

const dir = mkdtempSync(join(tmpdir(), 'nn-bib-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (key: string, year: number, extra = '') => `@article{${key},\n  author = {Doe, Jane},\n  title = {On ${key}},\n  journal = {J},\n  year = {${year}}${extra}\n}\n`;

/** A paragraph of hast, as an article's text reaches the plugin (with its position in the file). */
const paragraph = (value: string, line = 3) => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value, position: { start: { line, column: 1 }, end: { line, column: 1 + value.length } } }] }],
});

describe('the bibliography file', () => {
  it('is the nearest references.bib, from the article’s folder up to the root', () => {
    mkdirSync(join(dir, 'site/articles/own'), { recursive: true });
    writeFileSync(join(dir, 'site/references.bib'), entry('shared2000', 2000));
    writeFileSync(join(dir, 'site/articles/own/references.bib'), entry('own2001', 2001));
    expect(findBibliography(join(dir, 'site/articles/a.mdx'), dir)).toBe(join(dir, 'site/references.bib'));
    expect(findBibliography(join(dir, 'site/articles/own/index.mdx'), dir)).toBe(join(dir, 'site/articles/own/references.bib'));
    expect(findBibliography(join(dir, 'elsewhere/a.mdx'), dir)).toBeNull();
  });

  it('refuses a key defined twice, naming both lines', () => {
    const file = join(dir, 'twice.bib');
    writeFileSync(file, entry('a2000', 2000) + '\n' + entry('a2000', 2001));
    expect(() => loadBibliography(file)).toThrow(/twice\.bib:8:1: the key "a2000" is defined twice in the bibliography \(first on line 1\)/);
  });

  it('reads each entry as CSL data, with the line it starts on', () => {
    const file = join(dir, 'ok.bib');
    writeFileSync(file, `% a comment\n${entry('b2010', 2010, ',\n  doi = {10.1000/xyz}')}`);
    const bib = loadBibliography(file);
    expect(bib.entries.get('b2010')).toMatchObject({ line: 2, csl: { title: 'On b2010', DOI: '10.1000/xyz' } });
  });
});

describe('citations', () => {
  it('numbers in order of first citation, links each number to its entry with a card, and generates the list', async () => {
    const folder = join(dir, 'numbering');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'references.bib'), entry('first1999', 1999, ',\n  doi = {10.1000/one}') + entry('second1980', 1980) + entry('unused2020', 2020));
    const { rehype, integration } = citations();
    const tree = paragraph('See [@second1980; @first1999], then [@second1980] again.') as any;
    await rehype()(tree, { path: join(folder, 'a.mdx'), data: {} });
    const links = JSON.stringify(tree);
    // second1980 is cited first: it is [1]; the cluster lists its numbers in order.
    const cites = [...links.matchAll(/"href":"#ref-(\w+)"[^}]*\},"children":\[\{"type":"text","value":"(\d)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(cites).toEqual(['second1980=1', 'first1999=2', 'second1980=1']);
    const list = tree.children.find((n: any) => n.tagName === 'section');
    expect(list.children[0]).toMatchObject({ tagName: 'h2', properties: { id: 'references' } });
    expect(list.children[1].children.map((li: any) => li.properties.id)).toEqual(['ref-second1980', 'ref-first1999']);
    expect(JSON.stringify(list)).toContain('"href":"https://doi.org/10.1000/one"');
    // An entry no article cited is reported after the build, with its line.
    const warnings: string[] = [];
    await (integration.hooks['astro:build:done'] as any)({ logger: { warn: (m: string) => warnings.push(m) } });
    expect(warnings).toEqual([expect.stringMatching(/numbering\/references\.bib:14: entry "unused2020" is not cited by any published article/)]);
  });

  it('fails on an unknown key or a citation with more than keys in it, at the citation’s line and column', async () => {
    const folder = join(dir, 'unknown');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'references.bib'), entry('known2000', 2000));
    const { rehype } = citations();
    await expect(rehype()(paragraph('Fine [@known2000].\nNot [@nope1999].', 7) as any, { path: join(folder, 'b.mdx'), data: {} })).rejects.toThrow(
      /b\.mdx:8:5: unknown citation key "nope1999": it is not in \S+references\.bib \(keys there: known2000\)/,
    );
    await expect(rehype()(paragraph('See [@known2000, p. 4].') as any, { path: join(folder, 'c.mdx'), data: {} })).rejects.toThrow(
      /c\.mdx:3:5: write a citation as \[@key\]/,
    );
  });
});
