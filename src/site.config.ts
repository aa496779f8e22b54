/** Site-wide settings, in one place. */
export const siteConfig = {
  name: 'Neural Notes',
  tagline: 'Explorable articles on neural networks: every formula typeset, every example computed live in your browser.',
  /** Where the source lives; "edit this page", the change history and "report an error" point into it. */
  repository: 'https://github.com/neural-notes/neural-notes',
  branch: 'main',
  language: 'en',
  /** The author an article is cited under when its frontmatter names none. */
  defaultAuthor: 'Neural Notes contributors',
  /** Licences (the LICENSE file at the repository's root says the same). */
  licence: {
    text: { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', short: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    code: { name: 'MIT licence', short: 'MIT', file: 'LICENSE' },
  },
} as const;

const sourcePath = (file: string) => file.replace(/^\.\//, '');

/** Link to an article's source file in the repository. */
export function editUrl(articleFile: string): string {
  return `${siteConfig.repository}/edit/${siteConfig.branch}/${sourcePath(articleFile)}`;
}

/** Link to one change (commit) on the repository. */
export function commitUrl(hash: string): string {
  return `${siteConfig.repository}/commit/${hash}`;
}

/** Link to every change of a file on the repository. */
export function fileHistoryUrl(file: string): string {
  return `${siteConfig.repository}/commits/${siteConfig.branch}/${sourcePath(file)}`;
}

/** Link to a file of the repository (e.g. LICENSE). */
export function repositoryFileUrl(file: string): string {
  return `${siteConfig.repository}/blob/${siteConfig.branch}/${sourcePath(file)}`;
}

/** Link that opens a new issue on the repository, with a title and a body to fill in. */
export function newIssueUrl(title: string, body: string): string {
  return `${siteConfig.repository}/issues/new?${new URLSearchParams({ title, body })}`;
}
