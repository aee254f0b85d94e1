/**
 * Release sources, their builds, the releases they have seen and their webhook secrets, as the
 * rest of the app sees them. As in connection-store.ts: every read is validated, every write is
 * validated first, writes that touch several stores happen in one transaction, and damaged
 * records are quarantined (reported, left where they are, never fatal).
 *
 * Builds and seen releases are history: removing their source deletes them, but disconnecting the
 * source's connection does not, and neither does removing the connection itself.
 */
import { get } from 'idb-keyval'
import type { z } from 'zod/mini'
import type { QuarantinedRecord } from './connection-store.ts'
import {
  BUILDS_BY_SOURCE_INDEX,
  BUILDS_STORE,
  keyvalStoreOver,
  lazyDatabase,
  RELEASE_SOURCES_STORE,
  RELEASES_BY_SOURCE_INDEX,
  RELEASES_STORE,
  runTransaction,
  WEBHOOK_SECRETS_STORE,
} from './database.ts'
import { compareIds, compareNamed, describeIssues, keyText, redactSecrets } from './decode.ts'
import { guard, StorageError } from './errors.ts'
import { migrate, type MigrationTable } from './migrations.ts'
import {
  BUILD_SCHEMA_VERSION,
  type BuildRecord,
  buildRecordSchema,
  RELEASE_SNAPSHOT_SCHEMA_VERSION,
  type ReleaseSnapshot,
  releaseSnapshotSchema,
  RELEASE_SOURCE_SCHEMA_VERSION,
  type ReleaseSourceRecord,
  releaseSourceRecordSchema,
  type SeenRelease,
  WEBHOOK_SECRET_SCHEMA_VERSION,
  type WebhookSecretRecord,
  webhookSecretRecordSchema,
} from './release-source-schema.ts'

export interface ReleaseSourceList {
  /** Sorted by name: case-insensitive, in the user's locale. */
  sources: ReleaseSourceRecord[]
  quarantined: QuarantinedRecord[]
}

export interface BuildList {
  /** Newest first (by `requestedAt`). */
  builds: BuildRecord[]
  /** How many stored builds of the source could not be read; they are left where they are. */
  quarantined: number
}

export interface ReleaseList {
  /**
   * Newest first by `publishedAt` (as instants); those without one come after, most recently
   * first seen first. Ties go by tag name, highest first (numbers compared as numbers).
   */
  releases: ReleaseSnapshot[]
  /** How many stored releases of the source could not be read; they are left where they are. */
  quarantined: number
}

/** All methods reject with StorageError only. */
export interface ReleaseSourceStore {
  list(): Promise<ReleaseSourceList>
  /** Undefined when there is no such source; rejects ('invalid-record') when it is damaged. */
  get(id: string): Promise<ReleaseSourceRecord | undefined>
  /** Validates first; writes the source and, when given, its webhook secret in one transaction. */
  save(record: ReleaseSourceRecord, webhookSecret?: string): Promise<void>
  /** Removes the source, its webhook secret, its builds and its releases, in one transaction. */
  remove(id: string): Promise<void>
  /** Undefined when the secret is missing or damaged. */
  readWebhookSecret(id: string): Promise<string | undefined>
  /** Validates first; 'invalid-record' when the build's source does not exist. */
  addBuild(build: BuildRecord): Promise<void>
  /** The builds of one source, newest first; damaged ones are skipped and counted. */
  listBuilds(sourceId: string): Promise<BuildList>
  /**
   * Records the releases and tags the source's page saw, in one transaction: a new one is first
   * seen now; one seen before keeps its `firstSeenAt` and its commit when this listing has none,
   * and takes the rest from this listing. Validates first; 'invalid-record' when the source does
   * not exist. A damaged stored release is left as it is. An empty list writes nothing.
   */
  recordReleases(sourceId: string, seen: readonly SeenRelease[]): Promise<void>
  /** The releases one source has seen, newest first; damaged ones are skipped and counted. */
  listReleases(sourceId: string): Promise<ReleaseList>
  /** The readable sources whose connection is `connectionId`, sorted by name (the disconnect flow). */
  sourcesOfConnection(connectionId: string): Promise<ReleaseSourceRecord[]>
  /**
   * In one transaction, every source of the connection loses it: `connectionId` becomes null,
   * `disconnectedAt` (and `updatedAt`) now, and the webhook state 'removed' for the sources in
   * `removedWebhookSourceIds` (the others keep theirs). Builds, seen releases and secrets stay.
   * Resolves with the updated records, sorted by name.
   */
  disconnect(
    connectionId: string,
    removedWebhookSourceIds: readonly string[],
  ): Promise<ReleaseSourceRecord[]>
  /** Closes the database; a later call opens it again. */
  close(): void
}

// Reading: migrate, validate, and check the record is stored under its own id.

/** No older shapes yet: a change to one of these records adds its step here. */
const sourceMigrations: MigrationTable = { current: RELEASE_SOURCE_SCHEMA_VERSION, steps: {} }
const buildMigrations: MigrationTable = { current: BUILD_SCHEMA_VERSION, steps: {} }
const releaseMigrations: MigrationTable = { current: RELEASE_SNAPSHOT_SCHEMA_VERSION, steps: {} }
const webhookSecretMigrations: MigrationTable = {
  current: WEBHOOK_SECRET_SCHEMA_VERSION,
  steps: {},
}

type Decoded<T> = { ok: true; record: T } | { ok: false; reason: string }

function decodeWith<T>(
  schema: z.ZodMiniType<T>,
  migrations: MigrationTable,
  raw: unknown,
): Decoded<T> {
  const migrated = migrate(raw, migrations)
  if (!migrated.ok) return migrated
  const parsed = schema.safeParse(migrated.value)
  if (parsed.success) return { ok: true, record: parsed.data }
  const issues = describeIssues(parsed.error)
  return {
    ok: false,
    reason:
      migrated.fromVersion < migrations.current
        ? `after migrating from version ${migrated.fromVersion}: ${issues}`
        : issues,
  }
}

/** A record of `schema` stored under its `id`, or why it is not one. */
function decodeKeyed<T extends { id: string }>(
  schema: z.ZodMiniType<T>,
  migrations: MigrationTable,
  key: IDBValidKey,
  raw: unknown,
): Decoded<T> {
  const decoded = decodeWith(schema, migrations, raw)
  if (decoded.ok && decoded.record.id !== key) {
    return { ok: false, reason: 'id: differs from the key it is stored under' }
  }
  return decoded
}

const decodeSource = (key: IDBValidKey, raw: unknown) =>
  decodeKeyed(releaseSourceRecordSchema, sourceMigrations, key, raw)

const decodeBuild = (key: IDBValidKey, raw: unknown) =>
  decodeKeyed(buildRecordSchema, buildMigrations, key, raw)

type ReleaseKey = [sourceId: string, tagName: string]

function releaseKey(release: { sourceId: string; tagName: string }): ReleaseKey {
  return [release.sourceId, release.tagName]
}

/** A release snapshot stored under its own `[sourceId, tagName]`, or why it is not one. */
function decodeRelease(key: IDBValidKey, raw: unknown): Decoded<ReleaseSnapshot> {
  const decoded = decodeWith(releaseSnapshotSchema, releaseMigrations, raw)
  if (!decoded.ok) return decoded
  const [sourceId, tagName] = releaseKey(decoded.record)
  const filed = Array.isArray(key) && key.length === 2 && key[0] === sourceId && key[1] === tagName
  return filed
    ? decoded
    : { ok: false, reason: 'sourceId, tagName: differ from the key they are stored under' }
}

/** The secret of the source `key`, or undefined (missing and damaged alike). */
function decodeWebhookSecret(key: IDBValidKey, raw: unknown): string | undefined {
  if (raw === undefined) return undefined
  const decoded = decodeWith(webhookSecretRecordSchema, webhookSecretMigrations, raw)
  if (!decoded.ok || decoded.record.sourceId !== key) return undefined
  return decoded.record.secret
}

// Writing: validate first, so a refused record never reaches a transaction.

function validSource(record: ReleaseSourceRecord): ReleaseSourceRecord {
  const parsed = releaseSourceRecordSchema.safeParse(record)
  if (parsed.success) return parsed.data
  throw new StorageError(
    'invalid-record',
    `The release source cannot be saved: ${describeIssues(parsed.error)}.`,
  )
}

function validWebhookSecret(sourceId: string, secret: string): WebhookSecretRecord {
  const parsed = webhookSecretRecordSchema.safeParse({
    schemaVersion: WEBHOOK_SECRET_SCHEMA_VERSION,
    sourceId,
    secret,
  })
  if (parsed.success) return parsed.data
  throw new StorageError(
    'invalid-record',
    `The webhook secret cannot be saved: ${describeIssues(parsed.error)}.`,
  )
}

function validBuild(build: BuildRecord): BuildRecord {
  const parsed = buildRecordSchema.safeParse(build)
  if (parsed.success) return parsed.data
  throw new StorageError(
    'invalid-record',
    `The build cannot be recorded: ${describeIssues(parsed.error)}.`,
  )
}

/**
 * The releases of one listing as snapshots first seen `now`, or 'invalid-record' naming the first
 * bad one by position (not by tag name: messages hold no stored values). A tag listed twice is
 * recorded once, as if seen twice in a row.
 */
function validReleases(
  sourceId: string,
  seen: readonly SeenRelease[],
  now: string,
): ReleaseSnapshot[] {
  const byTag = new Map<string, ReleaseSnapshot>()
  seen.forEach((release, index) => {
    const parsed = releaseSnapshotSchema.safeParse({
      ...release,
      schemaVersion: RELEASE_SNAPSHOT_SCHEMA_VERSION,
      sourceId,
      firstSeenAt: now,
    })
    if (!parsed.success) {
      const issues = describeIssues(parsed.error)
      throw new StorageError(
        'invalid-record',
        `Release ${index + 1} of ${seen.length} cannot be recorded: ${issues}.`,
      )
    }
    const earlier = byTag.get(parsed.data.tagName)
    byTag.set(
      parsed.data.tagName,
      earlier === undefined ? parsed.data : seenAgain(earlier, parsed.data),
    )
  })
  return [...byTag.values()]
}

/**
 * `known` as seen again in `latest`: the latest listing wins, except that the first sighting stays
 * the first, and a known commit is kept when the latest listing lacks one (tag lists of some
 * providers, or a page that has not resolved the commit yet).
 */
function seenAgain(known: ReleaseSnapshot, latest: ReleaseSnapshot): ReleaseSnapshot {
  return { ...latest, firstSeenAt: known.firstSeenAt, commit: latest.commit ?? known.commit }
}

/** The source after its connection went away (`webhookRemoved`: its hook was deleted first). */
function disconnected(
  source: ReleaseSourceRecord,
  now: string,
  webhookRemoved: boolean,
): ReleaseSourceRecord {
  return {
    ...source,
    connectionId: null,
    disconnectedAt: now,
    updatedAt: now,
    webhook: webhookRemoved ? { ...source.webhook, state: 'removed' } : source.webhook,
  }
}

/** Newest first. Timestamps may carry different offsets, so they are compared as instants. */
function newestFirst(a: BuildRecord, b: BuildRecord): number {
  return Date.parse(b.requestedAt) - Date.parse(a.requestedAt) || compareIds(b, a)
}

// Tag names are compared as people read versions: v1.10 is above v1.9.
const tagCollator = new Intl.Collator('en', { numeric: true })

/**
 * Newest first, as instants (offsets may differ). Undated ones (bare lightweight tags, mostly)
 * follow, by when they were first seen; a whole first listing shares that, so the tag name decides,
 * highest first, code units last so that the order is total.
 */
function newestReleaseFirst(a: ReleaseSnapshot, b: ReleaseSnapshot): number {
  const when = (release: ReleaseSnapshot) =>
    release.publishedAt === null ? undefined : Date.parse(release.publishedAt)
  const [aWhen, bWhen] = [when(a), when(b)]
  const byDate =
    aWhen !== undefined && bWhen !== undefined
      ? bWhen - aWhen
      : aWhen !== undefined
        ? -1
        : bWhen !== undefined
          ? 1
          : Date.parse(b.firstSeenAt) - Date.parse(a.firstSeenAt)
  return (
    byDate ||
    tagCollator.compare(b.tagName, a.tagName) ||
    (a.tagName < b.tagName ? 1 : a.tagName > b.tagName ? -1 : 0)
  )
}

const SOURCE_STORES = [RELEASE_SOURCES_STORE, WEBHOOK_SECRETS_STORE] as const
const ALL_STORES = [
  RELEASE_SOURCES_STORE,
  WEBHOOK_SECRETS_STORE,
  BUILDS_STORE,
  RELEASES_STORE,
] as const

/**
 * The store over the database `databaseName` (DATABASE_NAME, or DEMO_DATABASE_NAME in demo mode):
 * the same database as the connection store's. The database opens on first use.
 */
export function openReleaseSourceStore(databaseName: string): ReleaseSourceStore {
  const { database, close } = lazyDatabase(databaseName)
  const sources = keyvalStoreOver(database, RELEASE_SOURCES_STORE)
  const webhookSecrets = keyvalStoreOver(database, WEBHOOK_SECRETS_STORE)

  const readSources = (): Promise<ReleaseSourceList> =>
    guard('unavailable', async () => {
      const db = await database()
      const read = await runTransaction(
        db,
        [RELEASE_SOURCES_STORE],
        'readonly',
        ({ transaction }) => {
          const store = transaction.objectStore(RELEASE_SOURCES_STORE)
          return { keys: store.getAllKeys(), values: store.getAll() }
        },
      )
      const values: unknown[] = read.values.result
      const list: ReleaseSourceList = { sources: [], quarantined: [] }
      read.keys.result.forEach((key, index) => {
        const raw = values[index]
        const decoded = decodeSource(key, raw)
        if (decoded.ok) list.sources.push(decoded.record)
        else
          list.quarantined.push({
            key: keyText(key),
            reason: decoded.reason,
            raw: redactSecrets(raw),
          })
      })
      list.sources.sort(compareNamed)
      return list
    })

  return {
    list: readSources,

    get: (id) =>
      guard('unavailable', async () => {
        const raw = await get<unknown>(id, sources)
        if (raw === undefined) return undefined
        const decoded = decodeSource(id, raw)
        if (decoded.ok) return decoded.record
        throw new StorageError(
          'invalid-record',
          `The saved data of this release source is damaged (${decoded.reason}).`,
        )
      }),

    async save(record, webhookSecret) {
      const source = validSource(record)
      const secret =
        webhookSecret === undefined ? undefined : validWebhookSecret(source.id, webhookSecret)
      await guard('write-failed', async () => {
        const db = await database()
        await runTransaction(db, SOURCE_STORES, 'readwrite', ({ transaction }) => {
          transaction.objectStore(RELEASE_SOURCES_STORE).put(source, source.id)
          if (secret !== undefined) {
            transaction.objectStore(WEBHOOK_SECRETS_STORE).put(secret, source.id)
          }
        })
      })
    },

    remove: (id) =>
      guard('write-failed', async () => {
        const db = await database()
        await runTransaction(db, ALL_STORES, 'readwrite', ({ transaction }) => {
          transaction.objectStore(RELEASE_SOURCES_STORE).delete(id)
          transaction.objectStore(WEBHOOK_SECRETS_STORE).delete(id)
          const builds = transaction.objectStore(BUILDS_STORE)
          // Damaged builds go too, as long as they still name the source.
          const keys = builds.index(BUILDS_BY_SOURCE_INDEX).getAllKeys(id)
          keys.onsuccess = () => {
            for (const key of keys.result) builds.delete(key)
          }
          const releases = transaction.objectStore(RELEASES_STORE)
          // Likewise damaged releases that still name the source, and those filed under it that
          // no longer do: every key [id, tagName] sorts between [id] and [id, []] (arrays sort
          // after strings).
          const releaseKeys = releases.index(RELEASES_BY_SOURCE_INDEX).getAllKeys(id)
          releaseKeys.onsuccess = () => {
            for (const key of releaseKeys.result) releases.delete(key)
          }
          releases.delete(IDBKeyRange.bound([id], [id, []]))
        })
      }),

    readWebhookSecret: (id) =>
      guard('unavailable', async () =>
        decodeWebhookSecret(id, await get<unknown>(id, webhookSecrets)),
      ),

    async addBuild(record) {
      const build = validBuild(record)
      await guard('write-failed', async () => {
        const db = await database()
        await runTransaction(
          db,
          [RELEASE_SOURCES_STORE, BUILDS_STORE],
          'readwrite',
          ({ transaction, fail }) => {
            const source = transaction.objectStore(RELEASE_SOURCES_STORE).getKey(build.sourceId)
            source.onsuccess = () => {
              if (source.result === undefined) {
                fail(
                  new StorageError(
                    'invalid-record',
                    'There is no saved release source to record this build for.',
                  ),
                )
                return
              }
              transaction.objectStore(BUILDS_STORE).put(build, build.id)
            }
          },
        )
      })
    },

    listBuilds: (sourceId) =>
      guard('unavailable', async () => {
        const db = await database()
        const read = await runTransaction(db, [BUILDS_STORE], 'readonly', ({ transaction }) => {
          const bySource = transaction.objectStore(BUILDS_STORE).index(BUILDS_BY_SOURCE_INDEX)
          // Both in index order, so the nth key is the nth value's.
          return { keys: bySource.getAllKeys(sourceId), values: bySource.getAll(sourceId) }
        })
        const values: unknown[] = read.values.result
        const list: BuildList = { builds: [], quarantined: 0 }
        read.keys.result.forEach((key, index) => {
          const decoded = decodeBuild(key, values[index])
          if (decoded.ok) list.builds.push(decoded.record)
          else list.quarantined += 1
        })
        list.builds.sort(newestFirst)
        return list
      }),

    async recordReleases(sourceId, seen) {
      const releases = validReleases(sourceId, seen, new Date().toISOString())
      if (releases.length === 0) return
      await guard('write-failed', async () => {
        const db = await database()
        await runTransaction(
          db,
          [RELEASE_SOURCES_STORE, RELEASES_STORE],
          'readwrite',
          ({ transaction, fail }) => {
            const source = transaction.objectStore(RELEASE_SOURCES_STORE).getKey(sourceId)
            source.onsuccess = () => {
              if (source.result === undefined) {
                fail(
                  new StorageError(
                    'invalid-record',
                    'There is no saved release source to record these releases for.',
                  ),
                )
                return
              }
              const store = transaction.objectStore(RELEASES_STORE)
              for (const release of releases) {
                const key = releaseKey(release)
                const stored = store.get(key)
                stored.onsuccess = () => {
                  const raw: unknown = stored.result
                  if (raw === undefined) {
                    store.put(release, key)
                    return
                  }
                  const known = decodeRelease(key, raw)
                  // A damaged one is left as it is (listReleases counts it): it may hold the only
                  // trace of when the release was first seen, or be a newer tab's to rewrite.
                  if (known.ok) store.put(seenAgain(known.record, release), key)
                }
              }
            }
          },
        )
      })
    },

    listReleases: (sourceId) =>
      guard('unavailable', async () => {
        const db = await database()
        const read = await runTransaction(db, [RELEASES_STORE], 'readonly', ({ transaction }) => {
          const bySource = transaction.objectStore(RELEASES_STORE).index(RELEASES_BY_SOURCE_INDEX)
          // Both in index order, so the nth key is the nth value's.
          return { keys: bySource.getAllKeys(sourceId), values: bySource.getAll(sourceId) }
        })
        const values: unknown[] = read.values.result
        const list: ReleaseList = { releases: [], quarantined: 0 }
        read.keys.result.forEach((key, index) => {
          const decoded = decodeRelease(key, values[index])
          if (decoded.ok) list.releases.push(decoded.record)
          else list.quarantined += 1
        })
        list.releases.sort(newestReleaseFirst)
        return list
      }),

    sourcesOfConnection: async (connectionId) =>
      (await readSources()).sources.filter((source) => source.connectionId === connectionId),

    disconnect: (connectionId, removedWebhookSourceIds) =>
      guard('write-failed', async () => {
        const db = await database()
        const webhookRemoved = new Set(removedWebhookSourceIds)
        const now = new Date().toISOString()
        const updated: ReleaseSourceRecord[] = []
        await runTransaction(db, [RELEASE_SOURCES_STORE], 'readwrite', ({ transaction }) => {
          const cursor = transaction.objectStore(RELEASE_SOURCES_STORE).openCursor()
          cursor.onsuccess = () => {
            const current = cursor.result
            if (current === null) return
            const raw: unknown = current.value
            // A damaged source is left as it is: it stays quarantined in `list` either way.
            const decoded = decodeSource(current.key, raw)
            if (decoded.ok && decoded.record.connectionId === connectionId) {
              const record = disconnected(
                decoded.record,
                now,
                webhookRemoved.has(decoded.record.id),
              )
              current.update(record)
              updated.push(record)
            }
            current.continue()
          }
        })
        return updated.sort(compareNamed)
      }),

    close,
  }
}
