// Article slugs, as the content collection assigns them, and a check that no two files share one.
// `a.mdx`, `A.mdx` and `a/index.mdx` would all be published at /articles/a/; Astro would only
// warn and keep whichever it read last, so the build fails instead, naming both files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { slug as githubSlug } from 'github-slugger';

/** The slug of an article file (path relative to the content folder), as Astro's glob loader computes it. */
export function slugOf(entry, data = {}) {
  if (data.slug) return String(data.slug);
  return entry
    .replace(/\.[^./]+$/, '')
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/**
 * A `generateId` for the glob loader: the usual slug, but a second file claiming a slug that an
 * existing file already has is an error naming both.
 * @param {string} baseDir the content folder the loader reads
 */
export function uniqueSlugs(baseDir) {
  const owners = new Map();
  return ({ entry, data }) => {
    const slug = slugOf(entry, data);
    const owner = owners.get(slug);
    if (owner && owner !== entry && existsSync(join(baseDir, owner))) {
      const [first, second] = [owner, entry].sort();
      throw new Error(
        `Duplicate article slug "${slug}": ${join(baseDir, first)} and ${join(baseDir, second)} would both be published at /articles/${slug}/. Rename one of them.`,
      );
    }
    owners.set(slug, entry);
    return slug;
  };
}
