/**
 * The side panel's form state: flat strings, as the inputs hold them. `validate-form.ts` turns them
 * into a normalized draft; `draftFromRecord` fills them back when editing.
 */
import type { BitbucketCredentialKind, ConnectionType } from '@/providers/types.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'

export type AuthMethod = 'pat' | 'oauth'
export type TokenLifetime = 'remember' | 'session'

export interface ConnectionFormValues {
  name: string
  username: string
  type: ConnectionType
  authMethod: AuthMethod
  baseUrl: string
  organization: string
  collectionUrl: string
  bitbucketCredential: BitbucketCredentialKind
  email: string
  workspace: string
  repositoryUrl: string
  branch: string
  corsProxyUrl: string
  gitUsername: string
  /** GitLab sign-in: the OAuth application's id (empty: the deployment's, if it names one). */
  applicationId: string
  token: string
  tokenLifetime: TokenLifetime
}

export type ConnectionFormField = keyof ConnectionFormValues

export function emptyFormValues(corsProxyUrl: string | null): ConnectionFormValues {
  return {
    name: '',
    username: '',
    type: 'github',
    authMethod: 'pat',
    baseUrl: '',
    organization: '',
    collectionUrl: '',
    bitbucketCredential: 'api-token',
    email: '',
    workspace: '',
    repositoryUrl: '',
    branch: 'main',
    corsProxyUrl: corsProxyUrl ?? '',
    gitUsername: '',
    applicationId: '',
    token: '',
    tokenLifetime: 'remember',
  }
}

/** Form values for editing a stored connection. The token is never filled back in. */
export function formValuesFromRecord(record: ConnectionRecord): ConnectionFormValues {
  const values: ConnectionFormValues = {
    ...emptyFormValues(null),
    name: record.name,
    username: record.username ?? '',
    type: record.type,
    authMethod: record.authMethod,
    tokenLifetime: record.tokenLifetime,
  }
  switch (record.type) {
    case 'github-enterprise':
      return { ...values, baseUrl: record.baseUrl }
    case 'gitlab-self-managed':
      return { ...values, baseUrl: record.baseUrl, applicationId: record.oauthClientId ?? '' }
    case 'bitbucket':
      return {
        ...values,
        bitbucketCredential: record.credentialKind,
        email: record.email ?? '',
        workspace: record.workspace ?? '',
      }
    case 'azure-devops':
      return { ...values, organization: record.organization }
    case 'azure-devops-server':
      return { ...values, collectionUrl: record.collectionUrl }
    case 'custom-git':
      return {
        ...values,
        repositoryUrl: record.repositoryUrl,
        branch: record.branch,
        corsProxyUrl: record.corsProxyUrl ?? '',
        gitUsername: record.gitUsername ?? '',
      }
    case 'gitlab':
      return { ...values, applicationId: record.oauthClientId ?? '' }
    case 'github':
      return values
  }
}
