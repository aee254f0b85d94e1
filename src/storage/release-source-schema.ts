/**
 * The shapes of release sources (a named watch on one repository of one connection), of the
 * builds requested for them, of the releases and tags they have seen, and of their webhook
 * secrets, as zod schemas. All are strict, as in
 * schema.ts: a stray field is refused rather than kept, so a webhook secret can never ride along
 * in a source record.
 */
// zod/mini, as in schema.ts: these schemas are read on start, and mini keeps the first load small.
import { z } from 'zod/mini'
import { CONNECTION_TYPES, type ConnectionType } from '../providers/types.ts'
// schema.ts also sets zod/mini's English locale, so refusals here read as sentences too.
import { isoDateTime, nonBlank } from './schema.ts'

/** The version of release source records this code writes. */
export const RELEASE_SOURCE_SCHEMA_VERSION = 1
/** The version of build records this code writes. */
export const BUILD_SCHEMA_VERSION = 1
/** The version of release snapshots (a release or tag a source has seen) this code writes. */
export const RELEASE_SNAPSHOT_SCHEMA_VERSION = 1
/** The version of webhook secret records this code writes. */
export const WEBHOOK_SECRET_SCHEMA_VERSION = 1

export const connectionTypeSchema = z.enum(CONNECTION_TYPES)

export const releaseRepositorySchema = z.strictObject({
  id: nonBlank,
  fullName: nonBlank,
  webUrl: z.nullable(z.string()),
})

/**
 * none: the type has no webhooks (Custom Git), or none was asked for; provisioned; failed
 * (`reason` says why); missing: it was provisioned, and is gone from the provider; removed:
 * deleted from the provider when the connection was removed.
 */
export const webhookStateSchema = z.enum(['none', 'provisioned', 'failed', 'missing', 'removed'])

export const releaseWebhookSchema = z.strictObject({
  state: webhookStateSchema,
  /** The provider's hook or subscription id. */
  id: z.nullable(z.string()),
  /** Where the provider delivers. */
  url: z.nullable(z.string()),
  /** The provider's names for the events it delivers. */
  events: z.array(z.string()),
  /** The provider's sentence for 'failed'. */
  reason: z.nullable(z.string()),
  checkedAt: z.nullable(isoDateTime),
})

export const releaseSourceRecordSchema = z.strictObject({
  schemaVersion: z.literal(RELEASE_SOURCE_SCHEMA_VERSION),
  id: z.uuid(),
  name: nonBlank.check(z.maxLength(80)),
  /** Null once the connection was removed: the source is "disconnected" and can be re-attached. */
  connectionId: z.nullable(z.uuid()),
  /** The type of the connection it was made with; kept after disconnecting, to re-attach. */
  connectionType: connectionTypeSchema,
  repository: releaseRepositorySchema,
  branch: nonBlank,
  /** A glob on tag names, e.g. "v*"; null means every tag. */
  tagPattern: z.nullable(nonBlank.check(z.maxLength(200))),
  webhook: releaseWebhookSchema,
  disconnectedAt: z.nullable(isoDateTime),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})

export type ReleaseSourceRecord = z.infer<typeof releaseSourceRecordSchema>
export type ReleaseWebhook = z.infer<typeof releaseWebhookSchema>
export type WebhookState = z.infer<typeof webhookStateSchema>

export const buildCommitSchema = z.strictObject({
  sha: z.string().check(z.regex(/^[0-9a-f]{7,64}$/i, 'must be a commit hash (7 to 64 hex digits)')),
  message: z.nullable(z.string()),
  author: z.nullable(z.string()),
})

export const buildResultSchema = z.strictObject({
  state: z.enum(['accepted', 'rejected', 'failed', 'not-configured']),
  /** The trigger endpoint's HTTP status; null when it could not be reached or is not configured. */
  status: z.nullable(z.int().check(z.gte(100), z.lte(599))),
  /** A sentence for the person. */
  message: z.string(),
})

/** One request to the deployment's build-trigger endpoint, as recorded here. */
export const buildRecordSchema = z.strictObject({
  schemaVersion: z.literal(BUILD_SCHEMA_VERSION),
  id: z.uuid(),
  sourceId: z.uuid(),
  trigger: z.enum(['manual', 'webhook']),
  /** The connection's account login or "you" for manual builds; the provider for webhook ones. */
  triggeredBy: z.string(),
  branch: z.string(),
  commit: z.nullable(buildCommitSchema),
  requestedAt: isoDateTime,
  result: buildResultSchema,
})

export type BuildRecord = z.infer<typeof buildRecordSchema>
export type BuildResult = z.infer<typeof buildResultSchema>

/**
 * A release or tag of a source's repository, as this browser last saw it, stored under
 * `[sourceId, tagName]`. Kept after the source's connection is removed: it is the source's history.
 */
export const releaseSnapshotSchema = z.strictObject({
  schemaVersion: z.literal(RELEASE_SNAPSHOT_SCHEMA_VERSION),
  sourceId: z.uuid(),
  tagName: nonBlank,
  /** 'release': the provider has a release for the tag (GitHub, GitLab); 'tag': a bare tag. */
  kind: z.enum(['release', 'tag']),
  /** The release's title; null for bare tags and untitled releases. */
  name: z.nullable(z.string()),
  /** The tagged commit, with its first message line and author label when known. */
  commit: z.nullable(buildCommitSchema),
  /**
   * When it was published (release) or tagged (annotated tag); null when the provider does not say.
   */
  publishedAt: z.nullable(isoDateTime),
  webUrl: z.nullable(z.string()),
  prerelease: z.boolean(),
  /** When this browser first saw it. */
  firstSeenAt: isoDateTime,
})

export type ReleaseSnapshot = z.infer<typeof releaseSnapshotSchema>
/** What the page hands over; the store adds schemaVersion and firstSeenAt. */
export type SeenRelease = Omit<ReleaseSnapshot, 'schemaVersion' | 'firstSeenAt' | 'sourceId'>

/** The secret the provider signs a source's webhook deliveries with, stored under the source id. */
export const webhookSecretRecordSchema = z.strictObject({
  schemaVersion: z.literal(WEBHOOK_SECRET_SCHEMA_VERSION),
  sourceId: z.uuid(),
  secret: z.string().check(z.minLength(1)),
})

export type WebhookSecretRecord = z.infer<typeof webhookSecretRecordSchema>

// Compile-time check: the stored connection type is exactly the domain's ConnectionType.

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T

/** Fails to compile when connectionTypeSchema and ConnectionType disagree. */
export type ConnectionTypeSchemaMatches = Assert<
  Mutual<z.infer<typeof connectionTypeSchema>, ConnectionType>
>
