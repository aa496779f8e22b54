/**
 * How to cite an article, in the forms readers and indexers need, all from one CSL-JSON record:
 * formatted text (APA) and BibTeX for the appendix, written by citation-js (through
 * rehype-citation, the library that formats the articles' own references); Google Scholar's
 * `citation_*` meta tags; and schema.org JSON-LD (ScholarlyArticle), with the references the
 * article cites.
 */
import { Cite } from 'rehype-citation';
import { siteConfig } from '../site.config';

/** A name as CSL writes it: a person's ("Family, Given" in the frontmatter) or a literal one (an organisation). */
type Name = { family: string; given?: string } | { literal: string };

/** A reference the article cites, as rehype-citations.mjs hands it to the page. */
export interface CitedReference {
  key: string;
  number: number;
  text: string;
  csl: { title?: string; author?: Name[]; issued?: { 'date-parts'?: number[][] }; 'container-title'?: string; DOI?: string; URL?: string };
}

export interface ArticleToCite {
  slug: string;
  title: string;
  description: string;
  /** Names as written in the frontmatter ("Family, Given" for a person); the site's default author when empty. */
  authors: readonly string[];
  published: Date;
  /** When it last changed (the newest change in its history, or the frontmatter's `updated`). */
  modified?: Date;
  url: string;
  references: readonly CitedReference[];
}

const output = (Cite.plugins as { output: { format(name: string, data: unknown[], options?: object): string } }).output;

export function parseName(name: string): Name {
  const [family, given] = name.split(',').map((s) => s.trim());
  return given ? { family, given } : { literal: name.trim() };
}

const nameText = (n: Name) => ('literal' in n ? n.literal : n.given ? `${n.family}, ${n.given}` : n.family);
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** The BibTeX key: site, year and the article's first word, e.g. neuralnotes2026activation. */
export function citationKey(article: Pick<ArticleToCite, 'slug' | 'published'>): string {
  return `${siteConfig.name.toLowerCase().replace(/[^a-z0-9]/g, '')}${article.published.getUTCFullYear()}${article.slug.split('-')[0].replace(/[^a-z0-9]/g, '')}`;
}

export function citeArticle(article: ArticleToCite) {
  const names = (article.authors.length ? article.authors : [siteConfig.defaultAuthor]).map(parseName);
  const key = citationKey(article);
  const d = article.published;
  const csl = {
    id: key,
    'citation-key': key,
    type: 'article-journal',
    title: article.title,
    author: names,
    'container-title': siteConfig.name,
    // Year and month: BibTeX has no field for the day.
    issued: { 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1]] },
    URL: article.url,
  };
  const data = new Cite(csl, {}).data;
  const html = output.format('bibliography', data, { format: 'html', template: 'apa', lang: 'en-US' });
  const entry = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1]?.trim() ?? '';
  const bibtex = output.format('bibtex', data).trim();

  const meta: [string, string][] = [
    ['citation_title', article.title],
    ...names.map((n): [string, string] => ['citation_author', nameText(n)]),
    ['citation_publication_date', ymd(d).replace(/-/g, '/')],
    ['citation_journal_title', siteConfig.name],
    ['citation_fulltext_html_url', article.url],
    ['citation_language', siteConfig.language],
    ...article.references.map((r): [string, string] => ['citation_reference', scholarReference(r)]),
  ];

  const person = (n: Name) =>
    'literal' in n ? { '@type': n.literal === siteConfig.defaultAuthor ? 'Organization' : 'Person', name: n.literal } : { '@type': 'Person', name: [n.given, n.family].filter(Boolean).join(' '), familyName: n.family, givenName: n.given };
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: article.title,
    name: article.title,
    description: article.description,
    url: article.url,
    mainEntityOfPage: article.url,
    inLanguage: siteConfig.language,
    datePublished: ymd(article.published),
    dateModified: ymd(article.modified ?? article.published),
    author: names.map(person),
    publisher: { '@type': 'Organization', name: siteConfig.name },
    isPartOf: { '@type': 'Periodical', name: siteConfig.name },
    license: siteConfig.licence.text.url,
    citation: article.references.map((r) => ({
      '@type': 'CreativeWork',
      name: r.csl.title,
      ...(r.csl.author?.length ? { author: r.csl.author.map((a) => ('literal' in a ? a.literal : [a.given, a.family].filter(Boolean).join(' '))) } : {}),
      ...(r.csl.issued?.['date-parts']?.[0]?.[0] ? { datePublished: String(r.csl.issued['date-parts'][0][0]) } : {}),
      ...(r.csl.DOI ? { sameAs: `https://doi.org/${r.csl.DOI}` } : r.csl.URL ? { url: r.csl.URL } : {}),
      description: r.text,
    })),
  };

  return { key, entry, bibtex, meta, jsonLd };
}

/** A cited reference in Google Scholar's citation_reference form: "citation_title=…; citation_author=…; …". */
function scholarReference(r: CitedReference): string {
  const parts: string[] = [];
  if (r.csl.title) parts.push(`citation_title=${r.csl.title}`);
  for (const a of r.csl.author ?? []) parts.push(`citation_author=${nameText(a)}`);
  const year = r.csl.issued?.['date-parts']?.[0]?.[0];
  if (year) parts.push(`citation_publication_date=${year}`);
  if (r.csl['container-title']) parts.push(`citation_journal_title=${r.csl['container-title']}`);
  if (r.csl.DOI) parts.push(`citation_doi=${r.csl.DOI}`);
  return parts.join('; ');
}

/** JSON for a <script type="application/ld+json">, safe inside HTML. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
