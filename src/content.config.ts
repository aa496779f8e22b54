import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { uniqueSlugs } from './lib/article-slugs.mjs';

/**
 * Where articles are read from. Contributors write in `content/articles`; the test suite
 * points this at fixture folders (NEURAL_NOTES_CONTENT) to build sites from test articles.
 */
const base = process.env.NEURAL_NOTES_CONTENT || './content/articles';

export const articleSchema = z.object({
  title: z.string().min(1, 'title must not be empty'),
  description: z.string().min(1, 'description must not be empty'),
  published: z.coerce.date({ error: 'published must be a date written as YYYY-MM-DD' }),
  updated: z.coerce.date({ error: 'updated must be a date written as YYYY-MM-DD' }).optional(),
  tags: z.array(z.string().min(1)).default([]),
  /** Who wrote it, as cited ("Family, Given" for a person); the site's default author when absent. */
  authors: z.array(z.string().min(1)).default([]),
  draft: z.boolean().default(false),
});

export type ArticleData = z.infer<typeof articleSchema>;

const articles = defineCollection({
  // Two files with the same slug (`a.mdx` and `a/index.mdx`) fail the build, naming both.
  loader: glob({ pattern: '**/*.mdx', base, generateId: uniqueSlugs(base) }),
  schema: articleSchema,
});

export const collections = { articles };
