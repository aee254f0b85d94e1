/** The receiver's records and settings: what the HTTP contract (README, "Webhook receiver") names. */

export const PROVIDER_TYPES = [
  'github',
  'github-enterprise',
  'gitlab',
  'gitlab-self-managed',
  'bitbucket',
  'azure-devops',
  'azure-devops-server',
] as const
export type ProviderType = (typeof PROVIDER_TYPES)[number]
/** Types that sign and shape deliveries the same way. */
export type ProviderFamily = 'github' | 'gitlab' | 'bitbucket' | 'azure-devops'

export function familyOf(type: ProviderType): ProviderFamily {
  if (type.startsWith('github')) return 'github'
  if (type.startsWith('gitlab')) return 'gitlab'
  if (type === 'bitbucket') return 'bitbucket'
  return 'azure-devops'
}

export interface SourceRecord {
  id: string
  provider: ProviderType
  host: string
  /** owner/name (GitHub, Bitbucket), group/…/project (GitLab), project/repository (Azure). */
  repository: string
  branch: string
  /** A glob on tag names (the app's tag-pattern semantics); null means every tag. */
  tagPattern: string | null
  secret: string
  registeredAt: string
}

/** Why a delivery started no build; "build-failed" means the build endpoint did not accept it. */
export type RefusalReason =
  | 'signature'
  | 'replay'
  | 'not-release-event'
  | 'tag-mismatch'
  | 'oversize'
  | 'malformed'
  | 'build-failed'

export interface DeliveryRecord {
  /** The provider's delivery id (or a hash of the body when the provider sends none). */
  deliveryId: string
  receivedAt: string
  /** The provider's event name, e.g. "release", "Tag Push Hook", "repo:push", "git.push". */
  event: string | null
  tag: string | null
  commit: string | null
  outcome: 'build-requested' | 'refused'
  reason: RefusalReason | null
  /** The build endpoint's HTTP status when it was asked; null otherwise. */
  buildStatus: number | null
}

export interface ReceiverSettings {
  /** Where builds are POSTed. */
  buildEndpoint: string
  /** Entries `host`, `host/owner` or `host/owner/repo`; empty means no source can register. */
  allow: string[]
  /** The app's origin, the only one CORS lets call the registration routes; null: none. */
  appOrigin: string | null
  /** The public base URL providers deliver to; null: the request's own origin. */
  publicUrl: string | null
  /** Bodies past this many bytes are refused before being read in full. */
  maxBodyBytes: number
}
