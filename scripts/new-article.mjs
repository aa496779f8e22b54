#!/usr/bin/env node
// `npm run new -- <slug>`: writes a draft article, content/articles/<slug>.mdx, with its
// frontmatter filled in and one working example of each thing an article uses (maths, a widget
// in a figure, a citation, a link to a section). It builds as it is, and shows up in
// `npm run dev` at /articles/<slug>/ straight away. The example citation's entry is added to the
// article's bibliography (the nearest references.bib, see src/lib/bibliography.mjs; one is
// started in the content folder if there is none) unless it is there already.
//
// Options: --dir <folder> writes into another content folder (default: $NEURAL_NOTES_CONTENT,
// else content/articles); --date YYYY-MM-DD sets the publication date (default: today).
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugOf } from '../src/lib/article-slugs.mjs';
import { BIBLIOGRAPHY_FILE, findBibliography } from '../src/lib/bibliography.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function usage(message) {
  console.error(`${message}\n\nUsage: npm run new -- <slug> [--dir <folder>] [--date YYYY-MM-DD]\n  e.g. npm run new -- batch-normalization`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { slug: undefined, dir: process.env.NEURAL_NOTES_CONTENT || 'content/articles', date: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dir' || a === '--date') {
      const v = argv[++i];
      if (!v) usage(`${a} needs a value.`);
      opts[a.slice(2)] = v;
    } else if (a.startsWith('--')) usage(`Unknown option ${a}.`);
    else if (opts.slug === undefined) opts.slug = a;
    else usage(`One slug only (got "${opts.slug}" and "${a}").`);
  }
  return opts;
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

/** Every article file under `dir`, relative to it. */
function articleFiles(dir, sub = '') {
  if (!existsSync(join(dir, sub))) return [];
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? articleFiles(dir, join(sub, e.name)) : e.name.endsWith('.mdx') ? [join(sub, e.name)] : [],
  );
}

export function template({ slug, date, widgetImport }) {
  const words = slug.split('-').join(' ');
  const title = words[0].toUpperCase() + words.slice(1);
  return `---
title: ${title}
description: One sentence that tells a reader what they will understand after reading this.
published: ${date}
tags: [draft]
draft: true
---
import Softmax from '${widgetImport}';

{/* A draft: it shows in \`npm run dev\` at /articles/${slug}/ and never in a production build.
    Set draft: false when it is ready. CONTRIBUTING.md explains every part of this file. */}

## The idea

Start with the question this article answers, in plain words. Maths goes between dollar signs:
softmax turns scores $z_1, \\dots, z_K$ into probabilities,

$$
\\operatorname{softmax}(z)_j = \\frac{e^{z_j}}{\\sum_{k=1}^{K} e^{z_k}},
$$

a result that goes back a long way [@bridle1990]. (Cite with the key of an entry of
content/references.bib; the reference list at the end is generated.)

## See it live

Each figure is a widget from the gallery at /widgets/; its props are checked when the site builds.
The figure below is explained in [the section above](#the-idea).

<Softmax id="softmax" logits={[3, 0.7, 0.5]} caption="Softmax of three scores: change them and watch the probabilities." />
`;
}

/** The entry the template cites, as it goes into references.bib. */
export const exampleEntry = `
@incollection{bridle1990,
  author    = {Bridle, John S.},
  title     = {Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition},
  booktitle = {Neurocomputing: Algorithms, Architectures and Applications},
  publisher = {Springer},
  pages     = {227--236},
  year      = {1990}
}
`;

/** Makes sure the article's bibliography has the template's example entry; returns its path. */
function addExampleEntry(articleFile, folder) {
  const bib = findBibliography(articleFile, root) ?? join(folder, BIBLIOGRAPHY_FILE);
  const text = existsSync(bib) ? readFileSync(bib, 'utf8') : '';
  if (!/@\w+\s*\{\s*bridle1990\s*,/.test(text)) appendFileSync(bib, exampleEntry);
  return bib;
}

export function newArticle({ slug, dir, date = today() }) {
  if (!slug) throw new Error('Give the new article a slug.');
  if (!slugPattern.test(slug)) {
    throw new Error(`"${slug}" is not a valid slug: use lowercase letters and digits in words joined by single hyphens, e.g. "batch-normalization".`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new Error(`--date must be written as YYYY-MM-DD (got "${date}").`);
  const folder = resolve(root, dir);
  const taken = articleFiles(folder).find((f) => slugOf(f.split('\\').join('/')) === slug);
  if (taken) throw new Error(`The slug "${slug}" is taken: ${relative(process.cwd(), join(folder, taken))} already has the address /articles/${slug}/. Pick another slug.`);
  const file = join(folder, `${slug}.mdx`);
  const widget = join(root, 'src/components/widgets/Softmax.astro');
  let widgetImport = relative(dirname(file), widget).split('\\').join('/');
  if (!widgetImport.startsWith('.')) widgetImport = `./${widgetImport}`;
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, template({ slug, date, widgetImport }), { flag: 'wx' });
  addExampleEntry(file, folder);
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.slug) usage('Give the new article a slug.');
  try {
    const file = newArticle(opts);
    console.log(`Wrote ${relative(process.cwd(), file)} (a draft).
Next: npm run dev, then open /articles/${opts.slug}/ — it reloads as you edit.`);
  } catch (error) {
    usage(error.message);
  }
}
