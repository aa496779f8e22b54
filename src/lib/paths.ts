/**
 * Links inside the site must survive being served under a sub-path (e.g. `/neural-notes/`),
 * so every internal URL is built from Astro's configured base.
 */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `${base}${rest}`;
}

export function articleUrl(slug: string): string {
  return withBase(`/articles/${slug}/`);
}
