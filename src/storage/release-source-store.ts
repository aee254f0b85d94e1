/**
 * Release sources, their builds and their webhook secrets, as the rest of the app sees them. As in
 * connection-store.ts: every read is validated, every write is validated first, writes that touch
 * several stores happen in one transaction, and damaged records are quarantined (reported, left
 * where they are, never fatal).
 *
 * Builds are history: removing their source deletes them, but disconnecting the source's
 * connection does not, and neither does removing the connection itself.
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
  RELEASE_SOURCE_SCHEMA_VERSION,
  type ReleaseSourceRecord,
  releaseSourceRecordSchema,
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

/** All methods reject with StorageError only. */
export interface ReleaseSourceStore {
  list(): Promise<ReleaseSourceList>
  /** Undefined when there is no such source; rejects ('invalid-record') when it is damaged. */
  get(id: string): Promise<ReleaseSourceRecord | undefined>
  /** Validates first; writes the source and, when given, its webhook secret in one transaction. */
  save(record: ReleaseSourceRecord, webhookSecret?: string): Promise<void>
  /** Removes the source, its webhook secret and its builds, in one transaction. */
  remove(id: string): Promise<void>
  /** Undefined when the secret is missing or damaged. */
  readWebhookSecret(id: string): Promise<string | undefined>
  /** Validates first; 'invalid-record' when the build's source does not exist. */
  addBuild(build: BuildRecord): Promise<void>
  /** The builds of one source, newest first; damaged ones are skipped and counted. */
  listBuilds(sourceId: string): Promise<BuildList>
  /** The readable sources whose connection is `connectionId`, sorted by name (the disconnect flow). */
  sourcesOfConnection(connectionId: string): Promise<ReleaseSourceRecord[]>
  /**
   * In one transaction, every source of the connection loses it: `connectionId` becomes null,
   * `disconnectedAt` (and `updatedAt`) now, and the webhook state 'removed' for the sources in
   * `removedWebhookSourceIds` (the others keep theirs). Builds and secrets stay. Resolves with the
   * updated records, sorted by name.
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

const SOURCE_STORES = [RELEASE_SOURCES_STORE, WEBHOOK_SECRETS_STORE] as const
const ALL_STORES = [RELEASE_SOURCES_STORE, WEBHOOK_SECRETS_STORE, BUILDS_STORE] as const

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
