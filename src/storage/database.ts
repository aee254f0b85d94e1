/**
 * The app's one IndexedDB database: its name, its versioned object stores, how to open it, and
 * two ways to work in it: idb-keyval `UseStore`s for single-store reads and writes, and
 * `runTransaction` for work that must land in several stores together or not at all.
 *
 * idb-keyval's own `createStore` makes one store per database, so the database is opened here and
 * the stores are handed to idb-keyval through `UseStore` functions.
 */
import type { UseStore } from 'idb-keyval'
import { isQuotaExceeded, type StorageError, storageError, toStorageError } from './errors.ts'
import { memoryIndexedDB } from './memory-database.ts'
import { reportStorageEvent } from './storage-events.ts'

/** The database for real connections. */
export const DATABASE_NAME = 'git-connector'
/** Demo mode's database, so that simulated connections never mix with real ones. */
export const DEMO_DATABASE_NAME = 'git-connector-demo'

export const CONNECTIONS_STORE = 'connections'
export const SECRETS_STORE = 'secrets'
export const RELEASE_SOURCES_STORE = 'release-sources'
/** Builds are keyed by build id; `BUILDS_BY_SOURCE_INDEX` finds those of one release source. */
export const BUILDS_STORE = 'builds'
export const BUILDS_BY_SOURCE_INDEX = 'by-source'
/** A release source's webhook secret, under the source's id (apart from it, like tokens). */
export const WEBHOOK_SECRETS_STORE = 'webhook-secrets'
/**
 * The releases and tags a source's page has seen, keyed by `[sourceId, tagName]`, so that the
 * source still shows them once its connection is gone. `RELEASES_BY_SOURCE_INDEX` finds those of
 * one source.
 */
export const RELEASES_STORE = 'releases'
export const RELEASES_BY_SOURCE_INDEX = 'by-source'
/**
 * Small facts about this browser's data, one record per key (which preset connections were
 * seeded, so one the person deleted is not seeded again).
 */
export const META_STORE = 'meta'
export type StoreName =
  | typeof CONNECTIONS_STORE
  | typeof SECRETS_STORE
  | typeof RELEASE_SOURCES_STORE
  | typeof BUILDS_STORE
  | typeof WEBHOOK_SECRETS_STORE
  | typeof RELEASES_STORE
  | typeof META_STORE

type Upgrade = (database: IDBDatabase, transaction: IDBTransaction) => void

/**
 * `UPGRADES[n]` takes the database from version n to n + 1. Append a step for each new version
 * (release sources, builds…); never edit a step that has shipped, because a browser that already
 * ran it will not run it again.
 */
const UPGRADES: readonly Upgrade[] = [
  (database) => {
    database.createObjectStore(CONNECTIONS_STORE)
    database.createObjectStore(SECRETS_STORE)
  },
  // Release sources, their builds and their webhook secrets; connections are left as they are.
  (database) => {
    database.createObjectStore(RELEASE_SOURCES_STORE)
    const builds = database.createObjectStore(BUILDS_STORE)
    builds.createIndex(BUILDS_BY_SOURCE_INDEX, 'sourceId')
    database.createObjectStore(WEBHOOK_SECRETS_STORE)
  },
  // The releases and tags release sources have seen; the other stores are left as they are.
  (database) => {
    const releases = database.createObjectStore(RELEASES_STORE)
    releases.createIndex(RELEASES_BY_SOURCE_INDEX, 'sourceId')
  },
  // The meta store (seeded presets); the other stores are left as they are.
  (database) => {
    database.createObjectStore(META_STORE)
  },
]

export const DATABASE_VERSION = UPGRADES.length

/**
 * How long an upgrade waits on another tab before the page says so. The wait itself goes on: when
 * the other tab lets go, the upgrade runs and the status returns to ok.
 */
export const BLOCKED_GRACE_MS = 2_000

/**
 * Where this page keeps its databases: the browser's IndexedDB, or an in-memory one when the
 * browser refuses it. Decided by the page's first open and kept for the page's life, so that one
 * page never shows data from both (a later open that the browser would have allowed must not
 * bring back a second, different set of connections).
 */
let backend: Promise<IDBFactory> | undefined

/** The browser's IndexedDB, or undefined when it has none (or will not even say). */
function browserIndexedDB(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB
  } catch {
    return undefined
  }
}

/**
 * Whether a failed first open means "this browser will not keep data" (fall back to memory), as
 * opposed to a real database that is there but waits on another tab ('blocked') or was upgraded
 * by a newer app (reload): memory then would hide the person's data behind an empty one.
 */
function refusesStorage(error: StorageError): boolean {
  if (error.kind === 'blocked') return false
  const cause: unknown = error.cause
  return !(cause instanceof Object && 'name' in cause && cause.name === 'VersionError')
}

/** Switches this page to memory and says so. A failed chunk load lets the next open decide anew. */
function fallBackToMemory(): Promise<IDBFactory> {
  const memory = memoryIndexedDB().then(
    (factory) => {
      reportStorageEvent({ type: 'memory', reason: 'unavailable' })
      return factory
    },
    (error: unknown) => {
      if (backend === memory) backend = undefined
      throw storageError('unavailable', { cause: error })
    },
  )
  backend = memory
  return memory
}

/**
 * Opens (creating or upgrading as needed) the database called `name`, in the browser's IndexedDB
 * or, when the page's first open found it refused, in memory (see `backend`). Rejects with a
 * StorageError: 'blocked' when another tab holds an older version open past BLOCKED_GRACE_MS,
 * 'unavailable' when a newer app has upgraded the database (or not even memory could be loaded).
 */
export function openDatabase(name: string): Promise<IDBDatabase> {
  if (backend !== undefined) return backend.then((factory) => openIn(factory, name))
  const browser = browserIndexedDB()
  if (browser === undefined) return fallBackToMemory().then((factory) => openIn(factory, name))

  // Opens that start while this one decides wait for the decision.
  let settle: (factory: IDBFactory | Promise<IDBFactory>) => void = () => undefined
  backend = new Promise((resolve) => {
    settle = resolve
  })
  let decided = false
  const useBrowser = () => {
    decided = true
    settle(browser)
  }
  // Blocked means the browser's IndexedDB works: the others may open there (and wait) too.
  return openIn(browser, name, useBrowser).then(
    (db) => {
      useBrowser()
      return db
    },
    (error: unknown) => {
      const failure = toStorageError(error, 'unavailable')
      if (decided || !refusesStorage(failure)) {
        useBrowser()
        throw failure
      }
      const memory = fallBackToMemory()
      settle(memory)
      return memory.then((factory) => openIn(factory, name))
    },
  )
}

/** Opens `name` in `factory`; `onBlocked` hears at once when an upgrade starts waiting. */
function openIn(factory: IDBFactory, name: string, onBlocked?: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest
    try {
      request = factory.open(name, DATABASE_VERSION)
    } catch (error) {
      reject(toStorageError(error, 'unavailable'))
      return
    }
    let settled = false
    let grace: ReturnType<typeof setTimeout> | undefined
    request.onupgradeneeded = (event) => {
      const { transaction } = request
      if (transaction === null) return
      for (let version = event.oldVersion; version < DATABASE_VERSION; version += 1) {
        UPGRADES[version]?.(request.result, transaction)
      }
    }
    // Another tab's open connection holds the upgrade back; a tab of this app lets go at once
    // (see lazyDatabase), so give it a moment before telling the person.
    request.onblocked = () => {
      onBlocked?.()
      grace ??= setTimeout(() => {
        if (settled) return
        settled = true
        reportStorageEvent({ type: 'blocked' })
        reject(storageError('blocked'))
      }, BLOCKED_GRACE_MS)
    }
    request.onsuccess = () => {
      clearTimeout(grace)
      reportStorageEvent({ type: 'opened' })
      // Opened after we gave up waiting: the upgrade is done, but nobody holds this connection.
      if (settled) {
        request.result.close()
        return
      }
      settled = true
      resolve(request.result)
    }
    request.onerror = () => {
      clearTimeout(grace)
      if (settled) return
      settled = true
      reject(toStorageError(request.error, 'unavailable'))
    }
  })
}

/**
 * The database `databaseName`, opened on first use by each store, with its own connection: it
 * lets another tab's upgrade through (and reopens on next use), and does not cache a failed attempt.
 */
export function lazyDatabase(databaseName: string): {
  database: () => Promise<IDBDatabase>
  close: () => void
} {
  let opening: Promise<IDBDatabase> | undefined

  const database = (): Promise<IDBDatabase> => {
    if (opening !== undefined) return opening
    const attempt: Promise<IDBDatabase> = openDatabase(databaseName).then((db) => {
      const forget = () => {
        if (opening === attempt) opening = undefined
      }
      // Another tab upgrades the database: let it, and reopen (or fail clearly) on next use.
      db.onversionchange = () => {
        db.close()
        forget()
      }
      db.onclose = forget
      return db
    })
    attempt.catch(() => {
      if (opening === attempt) opening = undefined
    })
    opening = attempt
    return attempt
  }

  const close = () => {
    const current = opening
    opening = undefined
    void current?.then(
      (db) => db.close(),
      () => undefined,
    )
  }

  return { database, close }
}

/** An idb-keyval store over one object store of a database this module opened. */
export function keyvalStoreOver(
  database: () => Promise<IDBDatabase>,
  storeName: StoreName,
): UseStore {
  return (mode, callback) =>
    database()
      .then((db) => callback(db.transaction(storeName, mode).objectStore(storeName)))
      .then(
        (result) => {
          // idb-keyval's writes resolve once their transaction has committed.
          if (mode === 'readwrite') reportStorageEvent({ type: 'written' })
          return result
        },
        (error: unknown) => {
          if (isQuotaExceeded(error)) reportStorageEvent({ type: 'quota-exceeded' })
          throw error
        },
      )
}

/** What `runTransaction` hands its work: the transaction, and a way to abort it with a reason. */
export interface TransactionScope {
  transaction: IDBTransaction
  /** Aborts the transaction; `runTransaction` then rejects with `error`. */
  fail: (error: StorageError) => void
}

/**
 * Runs `work` in one transaction over `storeNames` and resolves with its return value once the
 * transaction has committed. If `work` throws, a request fails, or `fail` is called, the whole
 * transaction is aborted: nothing it wrote lands. Values read by requests issued in `work` are
 * safe to read from their `result` after this resolves.
 */
export function runTransaction<T>(
  db: IDBDatabase,
  storeNames: readonly StoreName[],
  mode: IDBTransactionMode,
  work: (scope: TransactionScope) => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let failure: StorageError | undefined
    const transaction = db.transaction(storeNames, mode)
    const abort = () => {
      try {
        transaction.abort()
      } catch {
        // Already finished or aborting: the abort or complete handler settles the promise.
      }
    }
    let result: T
    try {
      result = work({
        transaction,
        fail: (error) => {
          failure = error
          abort()
        },
      })
    } catch (error) {
      abort()
      if (isQuotaExceeded(error)) reportStorageEvent({ type: 'quota-exceeded' })
      // Whatever `work` threw goes to the caller unchanged, as a synchronous throw would.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(error)
      return
    }
    transaction.oncomplete = () => {
      if (mode === 'readwrite') reportStorageEvent({ type: 'written' })
      resolve(result)
    }
    transaction.onabort = () => {
      const error =
        failure ??
        transaction.error ??
        new DOMException('The transaction was aborted.', 'AbortError')
      // The browser aborts the whole transaction when the site's quota runs out: nothing landed.
      if (isQuotaExceeded(error)) reportStorageEvent({ type: 'quota-exceeded' })
      reject(error)
    }
  })
}
