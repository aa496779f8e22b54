/** Site-wide settings, in one place. */
export const siteConfig = {
  name: 'Neural Notes',
  tagline: 'Explorable articles on neural networks: every formula typeset, every example computed live in your browser.',
  /** Where the source lives; "edit this page" links point into it. */
  repository: 'https://github.com/neural-notes/neural-notes',
  branch: 'main',
  language: 'en',
} as const;

/** Link to an article's source file in the repository. */
export function editUrl(articleFile: string): string {
  return `${siteConfig.repository}/edit/${siteConfig.branch}/${articleFile.replace(/^\.\//, '')}`;
}
