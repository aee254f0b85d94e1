import { afterEach, describe, expect, it, vi } from 'vitest'
import { openConnectionStore } from './connection-store.ts'
import {
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
import { freshDatabaseName } from './test-fixtures.ts'

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

afterEach(() => {
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

  it('says blocked when an upgrade waits on another tab, and a later attempt can succeed', async () => {
    const name = freshDatabaseName()
    const open = indexedDB.open.bind(indexedDB)
    const spy = vi.spyOn(indexedDB, 'open').mockImplementationOnce((dbName, version) => {
      const request = open(dbName, version)
      queueMicrotask(() => {
        const event = new IDBVersionChangeEvent('blocked', {
          oldVersion: 0,
          newVersion: DATABASE_VERSION,
        })
        request.onblocked?.call(request, event)
      })
      return request
    })
    const store = openConnectionStore(name)

    expect(await rejection(store.list())).toMatchObject({ kind: 'blocked' })
    expect(spy).toHaveBeenCalledTimes(1)
    // The failed attempt is not cached: the next call opens the database again.
    expect(await store.list()).toEqual({ connections: [], quarantined: [] })
    expect(spy).toHaveBeenCalledTimes(2)
    store.close()
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

  it('says unavailable when the browser has no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined)
    expect(await rejection(openDatabase(freshDatabaseName()))).toMatchObject({
      kind: 'unavailable',
    })
  })
})
