import { afterEach, describe, expect, it, vi } from 'vitest'
import { openConnectionStore } from './connection-store.ts'
import {
  BLOCKED_GRACE_MS,
  BUILDS_BY_SOURCE_INDEX,
  BUILDS_STORE,
  CONNECTIONS_STORE,
  DATABASE_VERSION,
  META_STORE,
  openDatabase,
  RELEASE_SOURCES_STORE,
  RELEASES_BY_SOURCE_INDEX,
  RELEASES_STORE,
  SECRETS_STORE,
  WEBHOOK_SECRETS_STORE,
} from './database.ts'
import { StorageError } from './errors.ts'
import type { SecretInput } from './schema.ts'
import { onStorageEvent, type StorageEvent } from './storage-events.ts'
import { connectionRecord, freshDatabaseName, rawEntries } from './test-fixtures.ts'

function rawOpen(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(new Error('open failed'))
    request.onblocked = () => reject(new Error('blocked'))
  })
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
}

const secret: SecretInput = {
  token: 'ghp_s3cretTokenValue0123456789abcdefABCD',
  lifetime: 'remember',
}

const unsubscribes: (() => void)[] = []

/** The storage events reported from now on, in order. */
function listen(subscribe: typeof onStorageEvent = onStorageEvent): StorageEvent[] {
  const heard: StorageEvent[] = []
  unsubscribes.push(subscribe((event) => heard.push(event)))
  // The first listener also hears what earlier tests reported: not this test's business.
  heard.length = 0
  return heard
}

afterEach(() => {
  for (const unsubscribe of unsubscribes.splice(0)) unsubscribe()
  vi.unstubAllGlobals()
})

describe('openDatabase', () => {
  it('creates every object store in one database at the current version', async () => {
    const name = freshDatabaseName()
    const db = await openDatabase(name)
    expect(db.name).toBe(name)
    expect(db.version).toBe(DATABASE_VERSION)
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        BUILDS_STORE,
        CONNECTIONS_STORE,
        META_STORE,
        RELEASE_SOURCES_STORE,
        RELEASES_STORE,
        SECRETS_STORE,
        WEBHOOK_SECRETS_STORE,
      ].sort(),
    )
    const builds = db.transaction(BUILDS_STORE, 'readonly').objectStore(BUILDS_STORE)
    expect([...builds.indexNames]).toEqual([BUILDS_BY_SOURCE_INDEX])
    expect(builds.index(BUILDS_BY_SOURCE_INDEX).keyPath).toBe('sourceId')
    const releases = db.transaction(RELEASES_STORE, 'readonly').objectStore(RELEASES_STORE)
    // Keys are given with each put ([sourceId, tagName]), as in every other store.
    expect(releases.keyPath).toBeNull()
    expect([...releases.indexNames]).toEqual([RELEASES_BY_SOURCE_INDEX])
    expect(releases.index(RELEASES_BY_SOURCE_INDEX).keyPath).toBe('sourceId')
    db.close()
  })

  it('says unavailable, with a reload hint, when a newer app has upgraded the database', async () => {
    const name = freshDatabaseName()
    ;(await rawOpen(name, DATABASE_VERSION + 1)).close()

    const error = await rejection(openDatabase(name))
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({ kind: 'unavailable' })
    expect((error as StorageError).message).toMatch(/Reload/)
  })

  it('waits on a blocked upgrade, then says blocked; the upgrade runs once the other tab lets go', async () => {
    const name = freshDatabaseName()
    const heard = listen()
    // An older version, open in "another tab" that ignores versionchange (as old releases did).
    const older = await rawOpen(name, 1)
    const started = Date.now()

    const error = await rejection(openDatabase(name))
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({ kind: 'blocked' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(BLOCKED_GRACE_MS - 50)
    expect(heard).toEqual([{ type: 'blocked' }])

    // The other tab closes: the waiting upgrade goes through and says so.
    older.close()
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'blocked' }, { type: 'opened' }]))
    const db = await openDatabase(name)
    expect(db.version).toBe(DATABASE_VERSION)
    db.close()
  })

  it('says nothing when the other tab lets go within the grace period', async () => {
    const name = freshDatabaseName()
    const heard = listen()
    const older = await rawOpen(name, 1)
    older.onversionchange = () => setTimeout(() => older.close(), 100)

    const db = await openDatabase(name)
    expect(db.version).toBe(DATABASE_VERSION)
    expect(heard).toEqual([{ type: 'opened' }])
    db.close()
  })

  it('lets another tab upgrade instead of blocking it', async () => {
    const name = freshDatabaseName()
    const store = openConnectionStore(name)
    await store.list()

    // Would reject with 'blocked' if the store kept its connection open through versionchange.
    const newer = await rawOpen(name, DATABASE_VERSION + 1)
    newer.close()

    expect(await rejection(store.list())).toMatchObject({ kind: 'unavailable' })
    store.close()
  })
})

/**
 * The storage modules as a newly loaded page has them: the choice between the browser's IndexedDB
 * and memory is made once per page, so each test of that choice starts from fresh modules.
 */
async function freshPage() {
  vi.resetModules()
  const [database, errors, events, connections] = await Promise.all([
    import('./database.ts'),
    import('./errors.ts'),
    import('./storage-events.ts'),
    import('./connection-store.ts'),
  ])
  return {
    openDatabase: database.openDatabase,
    openConnectionStore: connections.openConnectionStore,
    StorageError: errors.StorageError,
    heard: listen(events.onStorageEvent),
  }
}

/** The databases the browser's IndexedDB (the test global) holds. */
async function browserDatabaseNames(): Promise<(string | undefined)[]> {
  return (await indexedDB.databases()).map((info) => info.name)
}

/** An open request that fails the way Firefox's private windows used to fail every open. */
function failingOpenRequest(name: string): IDBOpenDBRequest {
  const request = {
    error: new DOMException(`A mutation operation was attempted on ${name}.`, 'InvalidStateError'),
    onerror: null as ((event: Event) => void) | null,
  }
  setTimeout(() => request.onerror?.(new Event('error')))
  return request as unknown as IDBOpenDBRequest
}

describe('where a page keeps its data', () => {
  it('uses the browser when it lets the page store data', async () => {
    const page = await freshPage()
    const name = freshDatabaseName()
    const db = await page.openDatabase(name)
    db.close()
    expect(await browserDatabaseNames()).toContain(name)
    expect(page.heard).toEqual([{ type: 'opened' }])
  })

  it('keeps data in memory when the browser has no IndexedDB, and stays there', async () => {
    const page = await freshPage()
    vi.stubGlobal('indexedDB', undefined)
    const name = freshDatabaseName()
    const store = page.openConnectionStore(name)
    const record = connectionRecord('github')
    await store.save(record, secret)
    expect(page.heard[0]).toEqual({ type: 'memory', reason: 'unavailable' })

    // IndexedDB "comes back" (it does not, in a real page): the page still uses its memory one.
    vi.unstubAllGlobals()
    expect((await store.list()).connections.map((entry) => entry.record.id)).toEqual([record.id])
    expect((await store.readSecret(record.id))?.token).toBe(secret.token)
    const other = await page.openDatabase(freshDatabaseName())
    other.close()
    expect(await browserDatabaseNames()).not.toContain(name)
    expect(await browserDatabaseNames()).not.toContain(other.name)
    expect(page.heard.filter((event) => event.type === 'memory')).toHaveLength(1)
    store.close()
  })

  it('keeps data in memory when opening throws (a sandboxed frame, blocked site data)', async () => {
    const page = await freshPage()
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    const name = freshDatabaseName()
    const db = await page.openDatabase(name)
    expect([...db.objectStoreNames]).toContain(CONNECTIONS_STORE)
    expect(page.heard).toEqual([{ type: 'memory', reason: 'unavailable' }, { type: 'opened' }])
    db.close()
  })

  it('keeps data in memory when the open request fails, for every open of the page', async () => {
    const page = await freshPage()
    const spy = vi.spyOn(indexedDB, 'open').mockImplementation(failingOpenRequest)
    const store = page.openConnectionStore(freshDatabaseName())
    // Two opens at once (two stores on the first page): both wait for one decision.
    const [first, second] = await Promise.all([
      store.list(),
      page.openDatabase(freshDatabaseName()),
    ])
    expect(first).toEqual({ connections: [], quarantined: [] })
    second.close()
    expect(spy).toHaveBeenCalledTimes(1)
    expect(page.heard.filter((event) => event.type === 'memory')).toHaveLength(1)
    store.close()
  })

  it('does not hide a database a newer app upgraded behind an empty one in memory', async () => {
    const page = await freshPage()
    const name = freshDatabaseName()
    ;(await rawOpen(name, DATABASE_VERSION + 1)).close()

    const error = await rejection(page.openDatabase(name))
    expect(error).toBeInstanceOf(page.StorageError)
    expect(error).toMatchObject({ kind: 'unavailable' })
    expect(page.heard).toEqual([])
    // The browser's IndexedDB works: the page keeps using it.
    const db = await page.openDatabase(freshDatabaseName())
    expect(await browserDatabaseNames()).toContain(db.name)
    db.close()
  })

  it('does not fall back to memory when an upgrade is blocked', async () => {
    const page = await freshPage()
    const name = freshDatabaseName()
    const older = await rawOpen(name, 1)

    const error = await rejection(page.openDatabase(name))
    expect(error).toMatchObject({ kind: 'blocked' })
    expect(page.heard).toEqual([{ type: 'blocked' }])
    older.close()
    const db = await page.openDatabase(freshDatabaseName())
    expect(await browserDatabaseNames()).toContain(db.name)
    db.close()
  })
})

describe('a write over quota', () => {
  /**
   * Makes the browser refuse to store anything in `storeName` for lack of space, the way it
   * refuses: the request fails with QuotaExceededError and the transaction aborts with it.
   * (fake-indexeddb has no quota; its object store's record writer is the one place to say no.)
   */
  async function refuseWritesTo(databaseName: string, storeName: string) {
    const db = await openDatabase(databaseName)
    const store = db.transaction(storeName, 'readonly').objectStore(storeName)
    const raw = (store as unknown as { _rawObjectStore: object })._rawObjectStore
    const writer = Object.getPrototypeOf(raw) as { storeRecord: (...args: unknown[]) => unknown }
    const storeRecord = writer.storeRecord
    db.close()
    vi.spyOn(writer, 'storeRecord').mockImplementation(function (
      this: { name: string },
      ...args: unknown[]
    ) {
      if (this.name === storeName) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      return storeRecord.apply(this, args)
    })
  }

  it('lands neither the connection nor its token, and says quota-exceeded', async () => {
    const name = freshDatabaseName()
    const heard = listen()
    // The connection is written first; the token, in the same transaction, finds no space.
    await refuseWritesTo(name, SECRETS_STORE)
    const store = openConnectionStore(name)

    const error = await rejection(store.save(connectionRecord('github'), secret))
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({ kind: 'quota-exceeded' })
    expect((error as StorageError).message).toMatch(/no storage space left/)
    expect(heard).toContainEqual({ type: 'quota-exceeded' })
    store.close()

    vi.restoreAllMocks()
    expect(await rawEntries(name, CONNECTIONS_STORE)).toEqual([])
    expect(await rawEntries(name, SECRETS_STORE)).toEqual([])
  })

  it('lands nothing when a put throws for quota in the middle of a save', async () => {
    const name = freshDatabaseName()
    const heard = listen()
    // Called below with the store as `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const put = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (this.name === SECRETS_STORE) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      return put.call(this, value, key)
    })
    const store = openConnectionStore(name)

    const error = await rejection(store.save(connectionRecord('github'), secret))
    expect(error).toMatchObject({ kind: 'quota-exceeded' })
    expect(heard).toContainEqual({ type: 'quota-exceeded' })
    store.close()

    vi.restoreAllMocks()
    expect(await rawEntries(name, CONNECTIONS_STORE)).toEqual([])
    expect(await rawEntries(name, SECRETS_STORE)).toEqual([])
  })

  it('says written once a later write lands', async () => {
    const store = openConnectionStore(freshDatabaseName())
    await store.list()
    const heard = listen()
    await store.save(connectionRecord('github'), secret)
    expect(heard).toContainEqual({ type: 'written' })
    store.close()
  })
})
