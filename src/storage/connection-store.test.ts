import { afterEach, describe, expect, it, vi } from 'vitest'
import { CONNECTION_TYPES } from '../providers/types.ts'
import { type ConnectionStore, openConnectionStore } from './connection-store.ts'
import { CONNECTIONS_STORE, DATABASE_VERSION, SECRETS_STORE } from './database.ts'
import { StorageError } from './errors.ts'
import { type ConnectionRecord, type SecretInput, targetOf } from './schema.ts'
import {
  connectionRecord,
  freshDatabaseName,
  rawEntries,
  rawPut,
  targets,
  without,
} from './test-fixtures.ts'

const TOKEN = 'ghp_s3cretTokenValue0123456789abcdefABCD'
const secret: SecretInput = { token: TOKEN, lifetime: 'remember' }

const opened: ConnectionStore[] = []
function storeFor(databaseName: string): ConnectionStore {
  const store = openConnectionStore(databaseName)
  opened.push(store)
  return store
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close()
  vi.unstubAllGlobals()
})

async function expectStorageError(promise: Promise<unknown>, kind: StorageError['kind']) {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(StorageError)
  expect(error).toHaveProperty('kind', kind)
  return error as StorageError
}

describe('connection store', () => {
  it.each(CONNECTION_TYPES)('saves and lists a %s connection', async (type) => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const record = connectionRecord(type)
    await store.save(record)

    const { connections, quarantined } = await store.list()
    expect(quarantined).toEqual([])
    expect(connections).toEqual([{ record, hasSecret: false }])
    expect(targetOf(connections[0]!.record)).toEqual(targets[type])
    expect(await store.get(record.id)).toEqual({ record, hasSecret: false })
  })

  it('saves a connection and its secret together', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const record = connectionRecord('gitlab')
    await store.save(record, { ...secret, refreshToken: 'refresh-me', expiresAt: null })

    expect(await store.get(record.id)).toEqual({ record, hasSecret: true })
    expect(await store.readSecret(record.id)).toEqual({
      schemaVersion: 1,
      connectionId: record.id,
      token: TOKEN,
      refreshToken: 'refresh-me',
      expiresAt: null,
      lifetime: 'remember',
    })
    expect(await rawEntries(name, CONNECTIONS_STORE)).toHaveLength(1)
    const secrets = await rawEntries(name, SECRETS_STORE)
    expect(secrets.map(([key]) => key)).toEqual([record.id])
    expect(secrets[0]?.[1]).toMatchObject({ token: TOKEN })
  })

  it('keeps the token out of the connections store', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const records = CONNECTION_TYPES.map((type) => connectionRecord(type))
    for (const record of records) await store.save(record, secret)

    const stored = await rawEntries(name, CONNECTIONS_STORE)
    expect(stored).toHaveLength(records.length)
    expect(JSON.stringify(stored)).not.toContain(TOKEN)
    // The token did reach the database, just not this store: the check above looked in the right place.
    expect(JSON.stringify(await rawEntries(name, SECRETS_STORE))).toContain(TOKEN)
  })

  it('removes a connection and its secret together', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const kept = connectionRecord('github', { name: 'Kept' })
    const removed = connectionRecord('gitlab', { name: 'Removed' })
    await store.save(kept, secret)
    await store.save(removed, secret)

    await store.remove(removed.id)

    expect(await store.get(removed.id)).toBeUndefined()
    expect(await store.readSecret(removed.id)).toBeUndefined()
    expect((await rawEntries(name, CONNECTIONS_STORE)).map(([key]) => key)).toEqual([kept.id])
    expect((await rawEntries(name, SECRETS_STORE)).map(([key]) => key)).toEqual([kept.id])
  })

  it('removing the secret leaves the connection, which then needs a token', async () => {
    const store = storeFor(freshDatabaseName())
    const record = connectionRecord('bitbucket')
    await store.save(record, secret)
    expect((await store.list()).connections[0]?.hasSecret).toBe(true)

    await store.removeSecret(record.id)

    expect((await store.list()).connections).toEqual([{ record, hasSecret: false }])
    expect(await store.readSecret(record.id)).toBeUndefined()
  })

  it('clearSecrets removes every token and keeps every connection', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const records = [connectionRecord('github'), connectionRecord('gitlab')]
    for (const record of records) await store.save(record, secret)

    await store.clearSecrets()

    expect(await rawEntries(name, SECRETS_STORE)).toEqual([])
    const { connections } = await store.list()
    expect(connections.map((stored) => stored.hasSecret)).toEqual([false, false])
    expect(connections).toHaveLength(2)
  })

  it('writeSecret stores a token for an existing connection only', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const record = connectionRecord('azure-devops')
    await store.save(record)

    await store.writeSecret(record.id, { token: 'new-token', lifetime: 'session' })
    expect(await store.readSecret(record.id)).toMatchObject({
      token: 'new-token',
      lifetime: 'session',
    })
    expect(await store.get(record.id)).toEqual({ record, hasSecret: true })

    const error = await expectStorageError(
      store.writeSecret(crypto.randomUUID(), { token: 'orphan', lifetime: 'remember' }),
      'invalid-record',
    )
    expect(error.message).not.toContain('orphan')
    expect(await rawEntries(name, SECRETS_STORE)).toHaveLength(1)
  })

  it('refuses a record with a stray token field, and says so without the token', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const withToken = { ...connectionRecord('github'), token: TOKEN }

    const error = await expectStorageError(store.save(withToken), 'invalid-record')
    expect(error.message).toContain('token')
    expect(error.message).not.toContain(TOKEN)
    expect(await rawEntries(name, CONNECTIONS_STORE)).toEqual([])
  })

  it('refuses invalid records', async () => {
    const store = storeFor(freshDatabaseName())
    const tooLong = { ...connectionRecord('github'), name: 'x'.repeat(81) }
    const badUrl: ConnectionRecord = {
      ...connectionRecord('gitlab-self-managed'),
      type: 'gitlab-self-managed',
      baseUrl: 'https://gitlab.example.com/',
    }
    const notUuid = { ...connectionRecord('gitlab'), id: 'connection-1' }

    expect((await expectStorageError(store.save(tooLong), 'invalid-record')).message).toContain(
      'name',
    )
    expect((await expectStorageError(store.save(badUrl), 'invalid-record')).message).toContain(
      'baseUrl',
    )
    expect((await expectStorageError(store.save(notUuid), 'invalid-record')).message).toContain(
      'id',
    )
    expect((await store.list()).connections).toEqual([])
  })

  it('quarantines a damaged record, keeps it in place, and still lists the others', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const good = connectionRecord('github', { name: 'Good' })
    await store.save(good, secret)
    const damagedId = crypto.randomUUID()
    const damaged = {
      ...connectionRecord('github-enterprise', { id: damagedId }),
      baseUrl: 'not a url',
      token: TOKEN,
    }
    await rawPut(name, CONNECTIONS_STORE, damagedId, damaged)
    await rawPut(name, CONNECTIONS_STORE, 'garbage', 'just a string')

    const { connections, quarantined } = await store.list()

    expect(connections).toEqual([{ record: good, hasSecret: true }])
    expect(quarantined).toHaveLength(2)
    const entry = quarantined.find((item) => item.key === damagedId)
    expect(entry?.reason).toMatch(/baseUrl/)
    expect(entry?.reason).toMatch(/token/)
    expect(entry?.raw).toMatchObject({ baseUrl: 'not a url', token: '[redacted]' })
    expect(JSON.stringify(quarantined)).not.toContain(TOKEN)
    expect(quarantined.find((item) => item.key === 'garbage')?.reason).toMatch(/not an object/)

    const stored = new Map(await rawEntries(name, CONNECTIONS_STORE))
    expect(stored.get(damagedId)).toEqual(damaged)
    expect(stored.get('garbage')).toBe('just a string')
    await expectStorageError(store.get(damagedId), 'invalid-record')
  })

  it('quarantines a record stored under a key that is not its id', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const record = connectionRecord('gitlab')
    await rawPut(name, CONNECTIONS_STORE, crypto.randomUUID(), record)

    const { connections, quarantined } = await store.list()
    expect(connections).toEqual([])
    expect(quarantined[0]?.reason).toMatch(/^id:/)
  })

  it('migrates a v0 record on read and writes it back', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const current = connectionRecord('gitlab-self-managed', { name: 'Old' })
    const v0 = without(current, 'schemaVersion', 'verification', 'notices')
    const unverified = { ...connectionRecord('github', { name: 'Older' }), lastVerifiedAt: null }
    const v0Unverified = without(unverified, 'schemaVersion', 'verification', 'notices')
    expect(v0).not.toHaveProperty('verification')
    await rawPut(name, CONNECTIONS_STORE, current.id, v0)
    await rawPut(name, CONNECTIONS_STORE, unverified.id, v0Unverified)

    const { connections, quarantined } = await store.list()

    expect(quarantined).toEqual([])
    expect(connections.map((item) => item.record)).toEqual([
      current,
      { ...unverified, verification: 'unverified' },
    ])
    const stored = new Map(await rawEntries(name, CONNECTIONS_STORE))
    expect(stored.get(current.id)).toEqual(current)
    expect(stored.get(unverified.id)).toMatchObject({ schemaVersion: 1, notices: [] })
  })

  it('leaves a record from a newer schema version alone', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const future = { ...connectionRecord('github'), schemaVersion: 2, shinyNewField: true }
    await rawPut(name, CONNECTIONS_STORE, future.id, future)

    const { quarantined } = await store.list()

    expect(quarantined.map(({ key, raw }) => ({ key, raw }))).toEqual([
      { key: future.id, raw: future },
    ])
    expect(quarantined[0]?.reason).toMatch(/newer version/)
    expect(await rawEntries(name, CONNECTIONS_STORE)).toEqual([[future.id, future]])
  })

  it('counts a damaged or mismatched secret as no secret', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const damaged = connectionRecord('github', { name: 'A' })
    const mismatched = connectionRecord('gitlab', { name: 'B' })
    await store.save(damaged, secret)
    await store.save(mismatched, secret)
    await rawPut(name, SECRETS_STORE, damaged.id, { schemaVersion: 1, connectionId: damaged.id })
    await rawPut(name, SECRETS_STORE, mismatched.id, {
      schemaVersion: 1,
      connectionId: damaged.id,
      token: TOKEN,
      lifetime: 'remember',
    })

    expect((await store.list()).connections.map((item) => item.hasSecret)).toEqual([false, false])
    expect(await store.readSecret(damaged.id)).toBeUndefined()
    expect(await store.readSecret(mismatched.id)).toBeUndefined()
    expect((await store.get(damaged.id))?.hasSecret).toBe(false)
  })

  it('writes nothing when the secret of a save is invalid', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const record = connectionRecord('github', { name: 'Before' })
    await store.save(record, secret)
    const before = [
      await rawEntries(name, CONNECTIONS_STORE),
      await rawEntries(name, SECRETS_STORE),
    ]

    await expectStorageError(
      store.save({ ...record, name: 'After' }, { token: '', lifetime: 'remember' }),
      'invalid-record',
    )

    expect([
      await rawEntries(name, CONNECTIONS_STORE),
      await rawEntries(name, SECRETS_STORE),
    ]).toEqual(before)
  })

  it('rolls back the connection when writing its secret fails inside the transaction', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const record = connectionRecord('github', { name: 'Before' })
    await store.save(record, secret)
    const before = [
      await rawEntries(name, CONNECTIONS_STORE),
      await rawEntries(name, SECRETS_STORE),
    ]

    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
    const put = IDBObjectStore.prototype.put
    const putInto: string[] = []
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      putInto.push(this.name)
      if (this.name === SECRETS_STORE) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      return put.call(this, value, key)
    })

    const error = await expectStorageError(
      store.save({ ...record, name: 'After' }, { token: 'next-token', lifetime: 'remember' }),
      'quota-exceeded',
    )
    // The connection was put before the secret failed: the rollback is what undid it.
    expect(putInto).toEqual([CONNECTIONS_STORE, SECRETS_STORE])
    expect(error.message).not.toContain('next-token')
    vi.restoreAllMocks()

    expect([
      await rawEntries(name, CONNECTIONS_STORE),
      await rawEntries(name, SECRETS_STORE),
    ]).toEqual(before)
    expect((await store.get(record.id))?.record.name).toBe('Before')
  })

  it('keeps everything across close and reopen', async () => {
    const name = freshDatabaseName()
    const first = storeFor(name)
    const records = [connectionRecord('github'), connectionRecord('custom-git')]
    await first.save(records[0]!, secret)
    await first.save(records[1]!)
    const listed = await first.list()
    first.close()

    const second = storeFor(name)
    expect(await second.list()).toEqual(listed)
    expect(await second.readSecret(records[0]!.id)).toMatchObject({ token: TOKEN })

    // The closed store opens the database again when used.
    expect(await first.list()).toEqual(listed)
  })

  it('keeps its object stores in the one database of the app', async () => {
    const name = freshDatabaseName()
    await storeFor(name).list()

    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error('open failed'))
    })
    expect(db.version).toBe(DATABASE_VERSION)
    expect([...db.objectStoreNames]).toEqual(
      expect.arrayContaining([CONNECTIONS_STORE, SECRETS_STORE]),
    )
    db.close()
    const databases = await indexedDB.databases()
    expect(databases.filter((info) => info.name === name)).toHaveLength(1)
  })

  it('keeps databases apart by name (demo data never mixes with real data)', async () => {
    const real = storeFor(freshDatabaseName())
    const demo = storeFor(freshDatabaseName())
    await demo.save(connectionRecord('github'), secret)

    expect(await real.list()).toEqual({ connections: [], quarantined: [] })
    expect((await demo.list()).connections).toHaveLength(1)
  })

  it('lists by name, ignoring case', async () => {
    const store = storeFor(freshDatabaseName())
    for (const name of ['beta', 'Alpha', 'gamma', 'Beta 2', 'alpha 10', 'alpha 9']) {
      await store.save(connectionRecord('github', { name }))
    }
    const { connections } = await store.list()
    expect(connections.map((item) => item.record.name)).toEqual([
      'Alpha',
      'alpha 9',
      'alpha 10',
      'beta',
      'Beta 2',
      'gamma',
    ])
  })

  it('get returns undefined for an unknown id', async () => {
    expect(await storeFor(freshDatabaseName()).get(crypto.randomUUID())).toBeUndefined()
  })
})
