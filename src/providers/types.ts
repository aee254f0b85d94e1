/**
 * The adapter contract: plain domain types that every provider adapter speaks. No SDK type
 * crosses this line, and nothing here knows about React or storage.
 */

export const CONNECTION_TYPES = [
  'github',
  'github-enterprise',
  'gitlab',
  'gitlab-self-managed',
  'bitbucket',
  'azure-devops',
  'azure-devops-server',
  'custom-git',
] as const

export type ConnectionType = (typeof CONNECTION_TYPES)[number]

/** Bitbucket takes either a user's Atlassian API token (Basic email:token) or an access token. */
export type BitbucketCredentialKind = 'api-token' | 'access-token'

/**
 * Where a connection points: the secret-free, type-specific settings. URLs are stored normalized
 * (no trailing slash, no credentials).
 */
export type ProviderTarget =
  | { type: 'github' }
  /** `baseUrl` is the server, e.g. `https://github.example.com`; the API lives at `/api/v3`. */
  | { type: 'github-enterprise'; baseUrl: string }
  | { type: 'gitlab' }
  /** `baseUrl` is the instance, e.g. `https://gitlab.example.com`; the API lives at `/api/v4`. */
  | { type: 'gitlab-self-managed'; baseUrl: string }
  | {
      type: 'bitbucket'
      credentialKind: BitbucketCredentialKind
      /** Atlassian account email: the Basic-auth user name for API tokens. */
      email?: string
      /** Required for access tokens, which cannot list the workspaces they belong to. */
      workspace?: string
    }
  /** Azure DevOps Services: the organization name (`https://dev.azure.com/{organization}`). */
  | { type: 'azure-devops'; organization: string }
  /** Azure DevOps Server: `https://host[/tfs]/{collection}`. */
  | { type: 'azure-devops-server'; collectionUrl: string }
  | {
      type: 'custom-git'
      repositoryUrl: string
      branch: string
      corsProxyUrl?: string
      /** Basic-auth user name sent with the token, when the remote needs one. */
      gitUsername?: string
    }

/** The secret half of a connection. Only adapters and `storage/secrets` ever hold it. */
export interface Credentials {
  token: string
}

/** The account a token belongs to, as the provider reports it. */
export interface Account {
  /** The provider's stable id for the account (numeric id, uuid, descriptor…). */
  id: string
  /** What the provider calls the account's handle: GitHub/GitLab login, Bitbucket username… */
  login: string
  displayName: string | null
  avatarUrl: string | null
  /** Addresses the provider says belong to the account; empty when it will not tell. */
  emails: string[]
}

/** What a remote without an API (Custom Git) told us about itself. */
export interface RemoteInfo {
  defaultBranch: string | null
  /** The head commit of the connection's branch. */
  headCommit: string
  refCount: number
}

/** The outcome of checking a token against its provider. */
export interface Verification {
  /** Null for Custom Git, where a remote has refs but no account. */
  account: Account | null
  /** Granted scopes; null when the provider does not say (fine-grained PATs, Azure DevOps). */
  scopes: string[] | null
  /** ISO date-time the token stops working, when the provider tells. */
  expiresAt: string | null
  remote: RemoteInfo | null
  /** Things worth telling the user that do not block saving (a missing optional scope…). */
  notices: string[]
}

export interface GitProvider {
  readonly type: ConnectionType
  /** Who the token belongs to, its scopes and expiry. Throws ProviderError. */
  verify(signal?: AbortSignal): Promise<Verification>
}

export type GitProviderFactory = (target: ProviderTarget, credentials: Credentials) => GitProvider
