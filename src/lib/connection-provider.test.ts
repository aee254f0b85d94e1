import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { connectionRecordWith as record } from '../../tests/utils/stored-connection.ts'
import { forgetProvider, providerForConnection, TokenMissingError } from './connection-provider.ts'
import { connectionStore, selectDatabase } from './connection-store.ts'

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

  describe('a token the provider refuses', () => {
    const sent: string[] = []
    const count = ({ request }: { request: Request }) => {
      sent.push(new URL(request.url).pathname)
    }
    beforeEach(() => {
      sent.length = 0
      server.events.on('request:start', count)
    })
    afterEach(() => server.events.removeListener('request:start', count))

    it('marks the stored connection refused, and is not sent again', async () => {
      const stored = record()
      // The simulated GitHub answers 401 to the token "revoked".
      await connectionStore().save(stored, { token: 'revoked', lifetime: 'remember' })
      const provider = await providerForConnection(stored.id)
      await expect(provider.listRepositories({ pageSize: 10 })).rejects.toMatchObject({
        kind: 'unauthorized',
      })
      const after = await connectionStore().get(stored.id)
      expect(after?.record.verification).toBe('refused')
      // The token itself is kept: only a new one replaces it.
      expect((await connectionStore().readSecret(stored.id))?.token).toBe('revoked')

      const before = sent.length
      await expect(providerForConnection(stored.id)).rejects.toMatchObject({
        name: 'TokenMissingError',
        reason: 'refused',
      })
      expect(sent.length).toBe(before)
    })

    it('does not mark a token re-entered while a refused request was in flight', async () => {
      const stored = record()
      await connectionStore().save(stored, { token: 'revoked', lifetime: 'remember' })
      const old = await providerForConnection(stored.id)
      // The person re-enters a good token before the old request's 401 arrives.
      await connectionStore().save(
        { ...stored, updatedAt: new Date(Date.now() + 1000).toISOString() },
        { token: 'ghp_good', lifetime: 'remember' },
      )
      await expect(old.listOwners()).rejects.toMatchObject({ kind: 'unauthorized' })
      expect((await connectionStore().get(stored.id))?.record.verification).toBe('verified')
      const fresh = await providerForConnection(stored.id)
      expect((await fresh.listOwners()).length).toBeGreaterThan(0)
    })
  })
})
