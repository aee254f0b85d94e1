/** What a person fills in to create a release source, for tests: GitHub's demo repository. */
import type { ReleaseSourceDraft } from '@/features/release-sources/source-actions.ts'

export function releaseSourceDraft(
  connectionId: string,
  fields: Partial<ReleaseSourceDraft> = {},
): ReleaseSourceDraft {
  return {
    name: 'Website',
    connectionId,
    repository: {
      id: 'octo-demo/git-connector',
      fullName: 'octo-demo/git-connector',
      webUrl: 'https://github.com/octo-demo/git-connector',
    },
    branch: 'main',
    tagPattern: 'v*',
    ...fields,
  }
}
