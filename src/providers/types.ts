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
  /**
   * Other names the provider reports for the same account (Bitbucket's nickname and account id
   * beside a username it may no longer send): a connection's Username matches any of them.
   */
  aliases?: string[]
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
  /**
   * The REST API version the server turned out to speak, when it had to be found by trying
   * (Azure DevOps Server). Kept on the connection and handed back through `ProviderHints`, so a
   * new adapter does not find it again with a failing request.
   */
  apiVersion?: string
}

/** What an earlier check learned about a connection's server, for a new adapter to start from. */
export interface ProviderHints {
  apiVersion?: string
}

/** One page of a list, with an opaque cursor for the next one (null on the last page). */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
  /** The whole list's size, when the provider tells it. */
  totalCount: number | null
  /**
   * Items on this page the provider sent in a shape the adapter could not read: left out of
   * `items` so that the rest still shows. Absent means 0.
   */
  skipped?: number
}

export interface PageRequest {
  /** From the previous page's `nextCursor`; absent for the first page. */
  cursor?: string | null
  /** A hint; adapters clamp it to what the provider allows (usually 100). */
  pageSize?: number
  signal?: AbortSignal
}

/** Who owns repositories: a user, organization, group, workspace or (Azure DevOps) project. */
export interface Owner {
  id: string
  /** What a person reads and what `RepositoryQuery.owner` takes: login, group path, slug… */
  name: string
  displayName: string | null
  kind: 'user' | 'organization' | 'group' | 'workspace' | 'project'
  avatarUrl: string | null
}

export interface RepositoryQuery extends PageRequest {
  /** Server-side search on the repository name (and path where the provider searches both). */
  search?: string
  /** An `Owner.name`: only repositories of that owner. */
  owner?: string
  /** Most recently active first (default), or by full name. */
  sort?: 'updated' | 'name'
}

/** Enough to address a repository again: the adapter decides what its id means. */
export interface RepoRef {
  id: string
  /** `owner/name` (GitHub, Bitbucket), the full group path (GitLab), `project/repo` (Azure). */
  fullName: string
}

export interface Repository extends RepoRef {
  name: string
  owner: string
  description: string | null
  private: boolean
  archived: boolean
  fork: boolean
  defaultBranch: string | null
  webUrl: string
  /** HTTPS clone URL. */
  cloneUrl: string | null
  /** Last push or activity, ISO. */
  updatedAt: string | null
}

export interface BranchQuery extends PageRequest {
  search?: string
}

export interface Branch {
  name: string
  commitSha: string
  isDefault: boolean
  /** Null when the provider does not say. */
  protected: boolean | null
}

export interface Person {
  name: string
  email: string
  /** ISO date-time. */
  date: string
}

export interface CommitAuthor extends Person {
  /** The provider account the commit is linked to (GitHub `author.login`, Bitbucket's user). */
  login: string | null
  avatarUrl: string | null
}

export interface CommitQuery extends PageRequest {
  /** Branch name, tag or sha. */
  ref: string
}

export interface Commit {
  sha: string
  message: string
  author: CommitAuthor
  committer: Person
  webUrl: string | null
}

export interface Tag {
  name: string
  commitSha: string
  /** Annotated tags carry a message and a date; lightweight tags do not. */
  message: string | null
  date: string | null
}

export interface Release {
  id: string
  tagName: string
  name: string | null
  body: string | null
  draft: boolean
  prerelease: boolean
  /** ISO; null for drafts. */
  publishedAt: string | null
  webUrl: string | null
  authorLogin: string | null
}

/** A repository webhook (an Azure DevOps service-hook subscription counts as one). */
export interface Webhook {
  id: string
  url: string
  /** The provider's own event names, e.g. `release`, `tag_push_events`, `repo:push`. */
  events: string[]
  active: boolean
  createdAt: string | null
}

/**
 * One attempt of the provider to reach a webhook's receiver, as the provider recorded it (GitHub's
 * hook deliveries, GitLab's webhook events, Azure DevOps' service-hook notifications).
 */
export interface WebhookDelivery {
  id: string
  /** The provider's event name, e.g. `release`, `ping`, `tag_push_hooks`, `git.push`. */
  event: string
  /** What happened within the event, e.g. `published` for a GitHub release; null when none. */
  action: string | null
  /** ISO date-time; null when the provider does not say (GitLab's events list may leave it out). */
  deliveredAt: string | null
  /** The HTTP status the receiver answered; null when it could not be reached. */
  statusCode: number | null
  /** True when the provider counts it as delivered (a 2xx answer). */
  ok: boolean
  /** How long the delivery took, in seconds, when the provider says. */
  durationSeconds: number | null
}

export interface WebhookInput {
  /** Where deliveries go: the deployment's webhook receiver. */
  url: string
  /** Shared secret the receiver checks deliveries with (HMAC or token, per provider). */
  secret: string
}

/** What a connection type can do at all; the UI hides what is false. */
export interface Capabilities {
  repositories: boolean
  branches: boolean
  commits: boolean
  tags: boolean
  releases: boolean
  webhooks: boolean
  /** Whether the provider lets a token read a webhook's delivery history. */
  webhookDeliveries: boolean
}

/**
 * Every call takes an AbortSignal and fails with ProviderError (or an AbortError when cancelled).
 * A method outside the type's capabilities fails with kind `unsupported`.
 */
export interface GitProvider {
  readonly type: ConnectionType
  readonly capabilities: Capabilities
  /** Who the token belongs to, its scopes and expiry. */
  verify(signal?: AbortSignal): Promise<Verification>
  /** Owners to filter repositories by: the account itself, its organizations, groups… */
  listOwners(signal?: AbortSignal): Promise<Owner[]>
  listRepositories(query: RepositoryQuery): Promise<Page<Repository>>
  /** The default branch first, then by name. */
  listBranches(repo: RepoRef, query: BranchQuery): Promise<Page<Branch>>
  /** Newest first. */
  listCommits(repo: RepoRef, query: CommitQuery): Promise<Page<Commit>>
  /** Newest first where the provider can order them. */
  listTags(repo: RepoRef, query: PageRequest): Promise<Page<Tag>>
  /** Newest first. */
  listReleases(repo: RepoRef, query: PageRequest): Promise<Page<Release>>
  /** Webhooks this connection can see on the repository. */
  listWebhooks(repo: RepoRef, signal?: AbortSignal): Promise<Webhook[]>
  /** Registers a hook for the events that mean "a release or tag was published". */
  createWebhook(repo: RepoRef, input: WebhookInput, signal?: AbortSignal): Promise<Webhook>
  deleteWebhook(repo: RepoRef, webhookId: string, signal?: AbortSignal): Promise<void>
  /** What the provider recorded of a webhook's deliveries, newest first. */
  listWebhookDeliveries(
    repo: RepoRef,
    webhookId: string,
    query: PageRequest,
  ): Promise<Page<WebhookDelivery>>
}

export type GitProviderFactory = (
  target: ProviderTarget,
  credentials: Credentials,
  hints?: ProviderHints,
) => GitProvider
