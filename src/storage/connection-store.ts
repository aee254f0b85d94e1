/**
 * Connections and their secrets, as the rest of the app sees them. Every read is validated (and
 * migrated, and written back when it was); every write is validated first, and writes that touch
 * both stores happen in one transaction so a connection and its token land or vanish together.
 * Damaged records are quarantined: reported with a reason, left where they are, never fatal.
 *
 * Secrets kept "Until I close the browser" are sealed with the session key (session-key.ts)
 * before they are written and opened after they are read: no caller sees the difference, except
 * that one sealed in an earlier browser session reads as missing ("needs token").
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
import { mergeConnection } from './merge-connection.ts'
import {
  type ConnectionRecord,
  connectionRecordSchema,
  SECRET_SCHEMA_VERSION,
  type SecretInput,
  type SecretRecord,
  secretRecordSchema,
} from './schema.ts'
import { isSealed, openSealed, type SealedSecret, sealSecret } from './sealed-secret.ts'
import { sessionKeyring, type SessionKeyring } from './session-key.ts'

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
  /**
   * Connection and, when given, its secret in one transaction. Validates both first. With `base`
   * (the record an edit started from), what the edit changed is laid over what is stored now, so
   * another tab's change made meanwhile is kept (merge-connection.ts); a connection deleted
   * meanwhile is not brought back ('invalid-record'). Resolves with the record as stored.
   */
  save(
    record: ConnectionRecord,
    secret?: SecretInput,
    options?: { base?: ConnectionRecord },
  ): Promise<ConnectionRecord>
  /**
   * Reads the connection and writes what `change` makes of it, in one transaction: nothing can
   * land in between. `change` returns undefined to write nothing. Resolves with what was written.
   */
  update(
    id: string,
    change: (current: ConnectionRecord) => ConnectionRecord | undefined,
  ): Promise<ConnectionRecord | undefined>
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

/** A secret as stored: as it is, or sealed when it lasts until the browser closes. */
type StoredSecret = SecretRecord | SealedSecret

/** A StorageError as it is; anything else thrown while merging or changing a record is a bug. */
function toInvalid(error: unknown): StorageError {
  if (error instanceof StorageError) return error
  return new StorageError('invalid-record', 'The connection could not be changed.', {
    cause: error,
  })
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

function deletedMeanwhile(): StorageError {
  return new StorageError(
    'invalid-record',
    'This connection was deleted in another tab, so there is nothing to save it over.',
  )
}

/** The decoded connection under `id` in this transaction, or the reason it cannot be used. */
function readForUpdate(
  transaction: IDBTransaction,
  id: string,
  then: (current: ConnectionRecord) => void,
  fail: (error: StorageError) => void,
): void {
  const request = transaction.objectStore(CONNECTIONS_STORE).get(id)
  request.onsuccess = () => {
    const raw: unknown = request.result
    if (raw === undefined) {
      fail(deletedMeanwhile())
      return
    }
    const decoded = decodeConnection(id, raw)
    if (!decoded.ok) {
      fail(
        new StorageError(
          'invalid-record',
          `The saved data of this connection is damaged (${decoded.reason}).`,
        ),
      )
      return
    }
    then(decoded.record)
  }
}

export interface ConnectionStoreOptions {
  /** The session key's keyring; tests hand in their own. */
  keyring?: SessionKeyring
}

/**
 * The store over the database `databaseName` (DATABASE_NAME, or DEMO_DATABASE_NAME in demo mode).
 * The database opens on first use.
 */
export function openConnectionStore(
  databaseName: string,
  options: ConnectionStoreOptions = {},
): ConnectionStore {
  const { database, close } = lazyDatabase(databaseName)
  const keyring = options.keyring ?? sessionKeyring(databaseName)

  const secrets = keyvalStoreOver(database, SECRETS_STORE)

  /** Validates, then seals what lasts until the browser closes. Done before any transaction. */
  const toStored = async (connectionId: string, input: SecretInput): Promise<StoredSecret> => {
    const secret = validSecret(connectionId, input)
    if (secret.lifetime !== 'session') return secret
    return sealSecret(secret, await keyring.current())
  }

  /** A usable secret from what was stored, or undefined (missing, damaged, another session's). */
  const fromStored = async (key: IDBValidKey, raw: unknown): Promise<SecretRecord | undefined> => {
    if (!isSealed(raw)) return decodeSecret(key, raw)
    if (raw.connectionId !== key) return undefined
    return openSealed(raw, await keyring.current())
  }

  /**
   * Secrets an earlier version stored in the clear although they were to last only until the
   * browser closes: sealed now, each read again in the write so a newer write is left alone.
   */
  const sealLeftovers = async (db: IDBDatabase, leftovers: readonly SecretRecord[]) => {
    if (leftovers.length === 0) return
    try {
      const key = await keyring.current()
      const sealed = await Promise.all(leftovers.map((secret) => sealSecret(secret, key)))
      await runTransaction(db, [SECRETS_STORE], 'readwrite', ({ transaction }) => {
        const store = transaction.objectStore(SECRETS_STORE)
        sealed.forEach((record, index) => {
          const request = store.get(record.connectionId)
          request.onsuccess = () => {
            const now = decodeSecret(record.connectionId, request.result)
            if (now?.token === leftovers[index]?.token) store.put(record, record.connectionId)
          }
        })
      })
    } catch {
      // Left as it was; the next read tries again.
    }
  }

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
      const decodedSecret = await fromStored(id, read.secret.result)
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
        const withSecret = new Set<IDBValidKey>()
        const leftovers: SecretRecord[] = []
        // The session key is asked for only when a sealed secret is there to check against it.
        const anySealed = secretValues.some(isSealed)
        const sessionKeyId = anySealed ? (await keyring.current()).id : undefined
        read.secretKeys.result.forEach((key, index) => {
          const raw = secretValues[index]
          if (isSealed(raw)) {
            if (raw.connectionId === key && raw.sealed.keyId === sessionKeyId) withSecret.add(key)
            return
          }
          const secret = decodeSecret(key, raw)
          if (secret === undefined) return
          withSecret.add(key)
          if (secret.lifetime === 'session') leftovers.push(secret)
        })

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
        await Promise.all([tryWriteBack(db, migrated), sealLeftovers(db, leftovers)])
        return { connections: connections.sort(byName), quarantined }
      }),

    get: async (id) => {
      const read = await readWithSecret(id)
      return read && { record: read.record, hasSecret: read.hasSecret }
    },

    getWithSecret: (id) => readWithSecret(id),

    async save(record, secret, { base } = {}) {
      const connection = validConnection(record)
      const stored = secret === undefined ? undefined : await toStored(connection.id, secret)
      return guard('write-failed', async () => {
        const db = await database()
        return runTransaction(db, BOTH_STORES, 'readwrite', ({ transaction, fail }) => {
          const written = { record: connection }
          const write = (next: ConnectionRecord) => {
            written.record = next
            transaction.objectStore(CONNECTIONS_STORE).put(next, next.id)
            if (stored !== undefined) transaction.objectStore(SECRETS_STORE).put(stored, next.id)
          }
          if (base === undefined) write(connection)
          else {
            readForUpdate(
              transaction,
              connection.id,
              (current) => {
                try {
                  write(validConnection(mergeConnection(base, connection, current)))
                } catch (error) {
                  fail(toInvalid(error))
                }
              },
              fail,
            )
          }
          return written
        }).then(({ record: written }) => written)
      })
    },

    update: (id, change) =>
      guard('write-failed', async () => {
        const db = await database()
        const written = await runTransaction(
          db,
          [CONNECTIONS_STORE],
          'readwrite',
          ({ transaction, fail }) => {
            const result: { record?: ConnectionRecord } = {}
            readForUpdate(
              transaction,
              id,
              (current) => {
                try {
                  const next = change(current)
                  if (next === undefined) return
                  result.record = validConnection({ ...next, id })
                  transaction.objectStore(CONNECTIONS_STORE).put(result.record, id)
                } catch (error) {
                  fail(toInvalid(error))
                }
              },
              fail,
            )
            return result
          },
        )
        return written.record
      }),

    remove: (id) =>
      guard('write-failed', async () => {
        const db = await database()
        await runTransaction(db, BOTH_STORES, 'readwrite', ({ transaction }) => {
          transaction.objectStore(CONNECTIONS_STORE).delete(id)
          transaction.objectStore(SECRETS_STORE).delete(id)
        })
      }),

    readSecret: (id) =>
      guard('unavailable', async () => fromStored(id, await get<unknown>(id, secrets))),

    async writeSecret(id, secret) {
      const secretRecord = await toStored(id, secret)
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

    close: () => {
      keyring.close()
      close()
    },
  }
}
