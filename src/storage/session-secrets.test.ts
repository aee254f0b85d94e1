/**
 * "Until I close the browser" through the connection store: sealed at rest, readable in every
 * open tab and across reloads, unreadable ("needs token") once every tab has closed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryStorage } from '../../tests/utils/memory-storage.ts'
import { type ConnectionStore, openConnectionStore } from './connection-store.ts'
import { SECRETS_STORE } from './database.ts'
import type { SecretInput } from './schema.ts'
import { sessionKeyring } from './session-key.ts'
import { connectionRecord, freshDatabaseName, rawEntries, rawPut } from './test-fixtures.ts'

const TOKEN = 'glpat-S3ssionOnlyToken0123456789'
const REFRESH = 'refresh-S3ssionOnly-abcdef'
const sessionSecret: SecretInput = {
  token: TOKEN,
  refreshToken: REFRESH,
  // Sealed with the refresh token it belongs to, and read back with it (issue 16).
  tokenEndpoint: 'https://gitlab.example.com/oauth/token',
  expiresAt: '2026-11-22T12:00:00.000Z',
  lifetime: 'session',
}

const opened: ConnectionStore[] = []
/** The store as one tab sees it: its own sessionStorage, the database shared by all tabs. */
function tab(databaseName: string, storage = new MemoryStorage()): ConnectionStore {
  const keyring = sessionKeyring(databaseName, { storage, askTimeoutMs: 50 })
  const store = openConnectionStore(databaseName, { keyring })
  opened.push(store)
  return store
}

function closeAll() {
  for (const store of opened.splice(0)) store.close()
}

afterEach(closeAll)

async function rawSecret(databaseName: string): Promise<unknown> {
  const entries = await rawEntries(databaseName, SECRETS_STORE)
  return entries[0]?.[1]
}

describe('secrets kept until the browser closes', () => {
  it('are stored sealed, and read back whole', async () => {
    const name = freshDatabaseName()
    const store = tab(name)
    const record = { ...connectionRecord('gitlab'), tokenLifetime: 'session' as const }
    await store.save(record, sessionSecret)

    const stored = JSON.stringify(await rawSecret(name))
    expect(stored).not.toContain(TOKEN)
    expect(stored).not.toContain(REFRESH)
    expect(stored).not.toContain('2026-11-22')
    expect(await rawSecret(name)).toMatchObject({ lifetime: 'session', connectionId: record.id })

    expect(await store.readSecret(record.id)).toEqual({
      ...sessionSecret,
      schemaVersion: 1,
      connectionId: record.id,
    })
    expect((await store.list()).connections[0]?.hasSecret).toBe(true)
  })

  it('are read by every open tab and after a reload', async () => {
    const name = freshDatabaseName()
    const firstTabStorage = new MemoryStorage()
    const first = tab(name, firstTabStorage)
    const record = connectionRecord('gitlab')
    await first.save(record, sessionSecret)

    expect((await tab(name).readSecret(record.id))?.token).toBe(TOKEN)
    first.close()
    expect((await tab(name, firstTabStorage).readSecret(record.id))?.token).toBe(TOKEN)
  })

  it('need a token again once every tab has closed, and nothing else is lost', async () => {
    const name = freshDatabaseName()
    const record = connectionRecord('gitlab')
    const remembered = connectionRecord('github')
    const first = tab(name)
    await first.save(record, sessionSecret)
    await first.save(remembered, { token: 'ghp_remembered', lifetime: 'remember' })
    closeAll()

    const next = tab(name)
    const { connections } = await next.list()
    expect(connections.map((entry) => [entry.record.id, entry.hasSecret])).toEqual(
      expect.arrayContaining([
        [record.id, false],
        [remembered.id, true],
      ]),
    )
    expect(await next.readSecret(record.id)).toBeUndefined()
    expect(await next.getWithSecret(record.id)).toEqual({
      record,
      hasSecret: false,
      secret: undefined,
    })
    expect((await next.readSecret(remembered.id))?.token).toBe('ghp_remembered')

    // Re-entered, it is sealed with this session's key and reads again.
    await next.writeSecret(record.id, { token: 'glpat-again', lifetime: 'session' })
    expect((await next.readSecret(record.id))?.token).toBe('glpat-again')
  })

  it('do not open under another connection’s id', async () => {
    const name = freshDatabaseName()
    const store = tab(name)
    const victim = connectionRecord('gitlab')
    const other = connectionRecord('gitlab')
    await store.save(victim, sessionSecret)
    await store.save(other)
    const sealed = (await rawSecret(name)) as Record<string, unknown>
    await rawPut(name, SECRETS_STORE, other.id, { ...sealed, connectionId: other.id })

    expect(await store.readSecret(other.id)).toBeUndefined()
  })

  it('that an earlier version stored in the clear are sealed when read', async () => {
    const name = freshDatabaseName()
    const store = tab(name)
    const record = connectionRecord('gitlab')
    await store.save(record)
    await rawPut(name, SECRETS_STORE, record.id, {
      schemaVersion: 1,
      connectionId: record.id,
      token: TOKEN,
      lifetime: 'session',
    })

    expect((await store.list()).connections[0]?.hasSecret).toBe(true)
    expect(JSON.stringify(await rawSecret(name))).not.toContain(TOKEN)
    expect((await store.readSecret(record.id))?.token).toBe(TOKEN)
  })

  it('move in and out of the seal when the lifetime changes', async () => {
    const name = freshDatabaseName()
    const store = tab(name)
    const record = connectionRecord('gitlab')
    await store.save(record, { token: TOKEN, lifetime: 'remember' })
    expect(JSON.stringify(await rawSecret(name))).toContain(TOKEN)

    await store.writeSecret(record.id, { token: TOKEN, lifetime: 'session' })
    expect(JSON.stringify(await rawSecret(name))).not.toContain(TOKEN)

    await store.writeSecret(record.id, { token: TOKEN, lifetime: 'remember' })
    expect(await store.readSecret(record.id)).toMatchObject({ token: TOKEN, lifetime: 'remember' })
  })
})
