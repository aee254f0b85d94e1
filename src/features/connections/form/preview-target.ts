import type { ProviderTarget } from '@/providers/types.ts'
import type { ConnectionFormValues } from './form-values.ts'
import {
  checkCollectionUrl,
  checkGitHubServerUrl,
  checkGitLabUrl,
  checkOrganization,
  type Checked,
} from './url-rules.ts'

const valueOr = (checked: Checked<string>) => (checked.ok ? checked.value : '')

/**
 * The target as far as the half-filled form allows, for help text such as the token page link.
 * Invalid parts are left empty rather than guessed.
 */
export function previewTarget(values: ConnectionFormValues): ProviderTarget {
  switch (values.type) {
    case 'github':
    case 'gitlab':
      return { type: values.type }
    case 'github-enterprise':
      return { type: values.type, baseUrl: valueOr(checkGitHubServerUrl(values.baseUrl)) }
    case 'gitlab-self-managed':
      return { type: values.type, baseUrl: valueOr(checkGitLabUrl(values.baseUrl)) }
    case 'bitbucket':
      return {
        type: values.type,
        credentialKind: values.bitbucketCredential,
        workspace: values.workspace.trim(),
      }
    case 'azure-devops':
      return { type: values.type, organization: valueOr(checkOrganization(values.organization)) }
    case 'azure-devops-server':
      return { type: values.type, collectionUrl: valueOr(checkCollectionUrl(values.collectionUrl)) }
    case 'custom-git':
      return { type: values.type, repositoryUrl: values.repositoryUrl, branch: values.branch }
  }
}
