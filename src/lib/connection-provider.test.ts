import { beforeEach, describe, expect, it } from 'vitest'
import { CONNECTION_SCHEMA_VERSION, type ConnectionRecord } from '@/storage/schema.ts'
import { forgetProvider, providerForConnection, TokenMissingError } from './connection-provider.ts'
import { connectionStore, selectDatabase } from './connection-store.ts'

function record(fields: Partial<ConnectionRecord> = {}): ConnectionRecord {
  const now = new Date().toISOString()
  return {
    schemaVersion: CONNECTION_SCHEMA_VERSION,
    id: crypto.randomUUID(),
    type: 'github',
    name: 'Work',
    authMethod: 'pat',
    tokenLifetime: 'remember',
    verification: 'verified',
    account: null,
    scopes: null,
    tokenExpiresAt: null,
    lastVerifiedAt: now,
    notices: [],
    createdAt: now,
    updatedAt: now,
    ...fields,
  } as ConnectionRecord
}

describe('providerForConnection', () => {
  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
  })

  it('builds the adapter from the stored record and token, and keeps it while unchanged', async () => {
    const stored = record()
    await connectionStore().save(stored, { token: 'ghp_x', lifetime: 'remember' })
    const first = await providerForConnection(stored.id)
    expect(first.type).toBe('github')
    expect((await first.verify()).account?.login).toBe('octo-demo')
    expect(await providerForConnection(stored.id)).toBe(first)
  })

  it('builds a new adapter after the connection was edited', async () => {
    const stored = record()
    await connectionStore().save(stored, { token: 'ghp_x', lifetime: 'remember' })
    const first = await providerForConnection(stored.id)
    await connectionStore().save({
      ...stored,
      updatedAt: new Date(Date.now() + 1000).toISOString(),
    })
    expect(await providerForConnection(stored.id)).not.toBe(first)
  })

  it('says the token is missing when the browser lost it', async () => {
    const stored = record()
    await connectionStore().save(stored, { token: 'ghp_x', lifetime: 'remember' })
    await providerForConnection(stored.id)
    await connectionStore().removeSecret(stored.id)
    await expect(providerForConnection(stored.id)).rejects.toBeInstanceOf(TokenMissingError)
  })

  it('fails with not-found for a deleted connection, and forgets adapters on request', async () => {
    const stored = record()
    await connectionStore().save(stored, { token: 'ghp_x', lifetime: 'remember' })
    const first = await providerForConnection(stored.id)
    forgetProvider(stored.id)
    expect(await providerForConnection(stored.id)).not.toBe(first)
    await connectionStore().remove(stored.id)
    await expect(providerForConnection(stored.id)).rejects.toMatchObject({ kind: 'not-found' })
  })

  it('lets a public Custom Git remote work without a token', async () => {
    const stored = record({
      type: 'custom-git',
      repositoryUrl: 'https://git.example.com/team/app.git',
      branch: 'main',
    })
    await connectionStore().save(stored)
    const provider = await providerForConnection(stored.id)
    const branches = await provider.listBranches({ id: 'x', fullName: 'x' }, {})
    expect(branches.items[0]?.name).toBe('main')
  })
})
