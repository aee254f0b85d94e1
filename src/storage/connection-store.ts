/**
 * Connections and their secrets, as the rest of the app sees them. Every read is validated (and
 * migrated, and written back when it was); every write is validated first, and writes that touch
 * both stores happen in one transaction so a connection and its token land or vanish together.
 * Damaged records are quarantined: reported with a reason, left where they are, never fatal.
 */
import { clear, del, get } from 'idb-keyval'
import {
  CONNECTIONS_STORE,
  lazyDatabase,
  runTransaction,
  SECRETS_STORE,
  keyvalStoreOver,
} from './database.ts'
import {
  compareNamed,
  decodeConnection,
  decodeSecret,
  describeIssues,
  keyText,
  redactSecrets,
} from './decode.ts'
import { guard, StorageError } from './errors.ts'
import {
  type ConnectionRecord,
  connectionRecordSchema,
  SECRET_SCHEMA_VERSION,
  type SecretInput,
  type SecretRecord,
  secretRecordSchema,
} from './schema.ts'

export interface StoredConnection {
  record: ConnectionRecord
  /** False when the token is missing or unreadable: the connection "needs token". */
  hasSecret: boolean
}

export interface ConnectionWithSecret extends StoredConnection {
  /** Undefined when the secret is missing or damaged (then `hasSecret` is false). */
  secret: SecretRecord | undefined
}

/** A stored value that could not be read as a connection. `raw` has secret-looking fields redacted. */
export interface QuarantinedRecord {
  key: string
  reason: string
  raw: unknown
}

export interface ConnectionList {
  /** Sorted by name: case-insensitive, in the user's locale. */
  connections: StoredConnection[]
  quarantined: QuarantinedRecord[]
}

/** All methods reject with StorageError only. */
export interface ConnectionStore {
  list(): Promise<ConnectionList>
  /** Undefined when there is no such connection; rejects ('invalid-record') when it is damaged. */
  get(id: string): Promise<StoredConnection | undefined>
  /**
   * `get` and `readSecret` in one transaction: building an adapter needs both, and one IndexedDB
   * round trip instead of two is felt on the way to a page's first request.
   */
  getWithSecret(id: string): Promise<ConnectionWithSecret | undefined>
  /** Connection and, when given, its secret in one transaction. Validates both first. */
  save(record: ConnectionRecord, secret?: SecretInput): Promise<void>
  /** Removes the connection and its secret together. */
  remove(id: string): Promise<void>
  /** Undefined when the secret is missing or damaged. */
  readSecret(id: string): Promise<SecretRecord | undefined>
  /** Replaces the secret of an existing connection ('invalid-record' when there is none). */
  writeSecret(id: string, secret: SecretInput): Promise<void>
  removeSecret(id: string): Promise<void>
  /** Removes every stored token at once; the connections themselves stay. */
  clearSecrets(): Promise<void>
  /** Closes the database; a later call opens it again. */
  close(): void
}

const BOTH_STORES = [CONNECTIONS_STORE, SECRETS_STORE] as const

function byName(a: StoredConnection, b: StoredConnection): number {
  return compareNamed(a.record, b.record)
}

function validConnection(record: ConnectionRecord): ConnectionRecord {
  const parsed = connectionRecordSchema.safeParse(record)
  if (parsed.success) return parsed.data
  throw new StorageError(
    'invalid-record',
    `The connection cannot be saved: ${describeIssues(parsed.error)}.`,
  )
}

function validSecret(connectionId: string, secret: SecretInput): SecretRecord {
  const parsed = secretRecordSchema.safeParse({
    ...secret,
    schemaVersion: SECRET_SCHEMA_VERSION,
    connectionId,
  })
  if (parsed.success) return parsed.data
  throw new StorageError(
    'invalid-record',
    `The token cannot be saved: ${describeIssues(parsed.error)}.`,
  )
}

/**
 * Stores migrated records in their current shape. Each is read again inside the write
 * transaction, so a record another tab rewrote in the meantime is left as that tab wrote it.
 */
function writeBack(db: IDBDatabase, keys: readonly IDBValidKey[]): Promise<void> {
  return runTransaction(db, [CONNECTIONS_STORE], 'readwrite', ({ transaction }) => {
    const store = transaction.objectStore(CONNECTIONS_STORE)
    for (const key of keys) {
      const request = store.get(key)
      request.onsuccess = () => {
        const decoded = decodeConnection(key, request.result)
        if (decoded.ok && decoded.migrated) store.put(decoded.record, key)
      }
    }
  })
}

/** Write-back is an optimisation: when it fails, the next read migrates in memory again. */
async function tryWriteBack(db: IDBDatabase, keys: readonly IDBValidKey[]): Promise<void> {
  if (keys.length === 0) return
  try {
    await writeBack(db, keys)
  } catch {
    // Kept as it was; nothing is lost.
  }
}

/**
 * The store over the database `databaseName` (DATABASE_NAME, or DEMO_DATABASE_NAME in demo mode).
 * The database opens on first use.
 */
export function openConnectionStore(databaseName: string): ConnectionStore {
  const { database, close } = lazyDatabase(databaseName)

  const secrets = keyvalStoreOver(database, SECRETS_STORE)

  const readWithSecret = (id: string): Promise<ConnectionWithSecret | undefined> =>
    guard('unavailable', async () => {
      const db = await database()
      const read = await runTransaction(db, BOTH_STORES, 'readonly', ({ transaction }) => ({
        connection: transaction.objectStore(CONNECTIONS_STORE).get(id),
        secret: transaction.objectStore(SECRETS_STORE).get(id),
      }))
      const raw: unknown = read.connection.result
      if (raw === undefined) return undefined
      const decoded = decodeConnection(id, raw)
      if (!decoded.ok) {
        throw new StorageError(
          'invalid-record',
          `The saved data of this connection is damaged (${decoded.reason}).`,
        )
      }
      if (decoded.migrated) await tryWriteBack(db, [id])
      const secret: unknown = read.secret.result
      const decodedSecret = decodeSecret(id, secret)
      return {
        record: decoded.record,
        hasSecret: decodedSecret !== undefined,
        secret: decodedSecret,
      }
    })

  return {
    list: () =>
      guard('unavailable', async () => {
        const db = await database()
        const read = await runTransaction(db, BOTH_STORES, 'readonly', ({ transaction }) => {
          const connections = transaction.objectStore(CONNECTIONS_STORE)
          const secretStore = transaction.objectStore(SECRETS_STORE)
          return {
            connectionKeys: connections.getAllKeys(),
            connectionValues: connections.getAll(),
            secretKeys: secretStore.getAllKeys(),
            secretValues: secretStore.getAll(),
          }
        })
        const secretValues: unknown[] = read.secretValues.result
        const withSecret = new Set<IDBValidKey>(
          read.secretKeys.result.filter(
            (key, index) => decodeSecret(key, secretValues[index]) !== undefined,
          ),
        )

        const connectionValues: unknown[] = read.connectionValues.result
        const connections: StoredConnection[] = []
        const quarantined: QuarantinedRecord[] = []
        const migrated: IDBValidKey[] = []
        read.connectionKeys.result.forEach((key, index) => {
          const raw = connectionValues[index]
          const decoded = decodeConnection(key, raw)
          if (!decoded.ok) {
            quarantined.push({ key: keyText(key), reason: decoded.reason, raw: redactSecrets(raw) })
            return
          }
          if (decoded.migrated) migrated.push(key)
          connections.push({ record: decoded.record, hasSecret: withSecret.has(key) })
        })
        await tryWriteBack(db, migrated)
        return { connections: connections.sort(byName), quarantined }
      }),

    get: async (id) => {
      const read = await readWithSecret(id)
      return read && { record: read.record, hasSecret: read.hasSecret }
    },

    getWithSecret: (id) => readWithSecret(id),

    async save(record, secret) {
      const connection = validConnection(record)
      const secretRecord = secret === undefined ? undefined : validSecret(connection.id, secret)
      await guard('write-failed', async () => {
        const db = await database()
        await runTransaction(db, BOTH_STORES, 'readwrite', ({ transaction }) => {
          transaction.objectStore(CONNECTIONS_STORE).put(connection, connection.id)
          if (secretRecord !== undefined) {
            transaction.objectStore(SECRETS_STORE).put(secretRecord, connection.id)
          }
        })
      })
    },

    remove: (id) =>
      guard('write-failed', async () => {
        const db = await database()
        await runTransaction(db, BOTH_STORES, 'readwrite', ({ transaction }) => {
          transaction.objectStore(CONNECTIONS_STORE).delete(id)
          transaction.objectStore(SECRETS_STORE).delete(id)
        })
      }),

    readSecret: (id) =>
      guard('unavailable', async () => decodeSecret(id, await get<unknown>(id, secrets))),

    async writeSecret(id, secret) {
      const secretRecord = validSecret(id, secret)
      await guard('write-failed', async () => {
        const db = await database()
        await runTransaction(db, BOTH_STORES, 'readwrite', ({ transaction, fail }) => {
          const existing = transaction.objectStore(CONNECTIONS_STORE).getKey(id)
          existing.onsuccess = () => {
            if (existing.result === undefined) {
              fail(
                new StorageError(
                  'invalid-record',
                  'There is no saved connection to keep this token for.',
                ),
              )
              return
            }
            transaction.objectStore(SECRETS_STORE).put(secretRecord, id)
          }
        })
      })
    },

    removeSecret: (id) => guard('write-failed', () => del(id, secrets)),

    clearSecrets: () => guard('write-failed', () => clear(secrets)),

    close,
  }
}
