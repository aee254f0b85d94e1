import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { server } from '@mocks/node'
import { mockState } from '@mocks/state'
import { connectionStore, selectDatabase } from '@/lib/connection-store.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import type { BuildRecord, ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import { disconnectConnection, sourcesUsing } from './disconnect.ts'
import { canReattachTo, createReleaseSource, reattachReleaseSource } from './source-actions.ts'
import { releaseSourceDraft } from '../../../tests/utils/release-source-draft.ts'

const RECEIVER = 'https://hooks.example.com/receive'
const endpoints = { webhookReceiverUrl: RECEIVER, buildTriggerUrl: null }
const SETTINGS = 'https://github.com/octo-demo/git-connector/settings/hooks'

function buildOf(source: ReleaseSourceRecord): BuildRecord {
  return {
    schemaVersion: 1,
    id: crypto.randomUUID(),
    sourceId: source.id,
    trigger: 'webhook',
    triggeredBy: 'GitHub',
    branch: source.branch,
    commit: { sha: 'a'.repeat(40), message: 'Release 1.0', author: 'mona' },
    requestedAt: new Date().toISOString(),
    result: { state: 'accepted', status: 202, message: 'queued' },
  }
}

const hookUrls = () => [...mockState.webhooks.values()].map((hook) => hook.url)

describe('disconnecting the release sources of a removed connection', () => {
  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('lists the sources that use a connection, and only those', async () => {
    const connection = await storedConnection()
    const other = await storedConnection({ name: 'Other' })
    const docs = await createReleaseSource(
      releaseSourceDraft(connection.id, { name: 'Docs' }),
      endpoints,
    )
    const website = await createReleaseSource(
      releaseSourceDraft(connection.id, { name: 'Website' }),
      endpoints,
    )
    await createReleaseSource(releaseSourceDraft(other.id, { name: 'Elsewhere' }), endpoints)

    expect(await sourcesUsing(connection.id)).toEqual([docs, website])
  })

  it('removes the webhooks from the provider, marks the sources disconnected and keeps their builds', async () => {
    const connection = await storedConnection()
    const other = await storedConnection({ name: 'Other' })
    const hooked = await createReleaseSource(
      releaseSourceDraft(connection.id, { name: 'Website' }),
      endpoints,
    )
    const hookless = await createReleaseSource(
      releaseSourceDraft(connection.id, { name: 'Docs' }),
      {
        ...endpoints,
        webhookReceiverUrl: null,
      },
    )
    const elsewhere = await createReleaseSource(
      releaseSourceDraft(other.id, { name: 'Elsewhere' }),
      endpoints,
    )
    const build = buildOf(hooked)
    await releaseSourceStore().addBuild(build)
    expect(mockState.webhooks.size).toBe(2)

    const outcome = await disconnectConnection(connection.id)

    expect(outcome.removed).toEqual([hooked.id])
    expect(outcome.removeByHand).toEqual([])
    expect(hookUrls()).toEqual([`${RECEIVER}/${elsewhere.id}`])
    expect(outcome.sources.map((source) => source.name)).toEqual(['Docs', 'Website'])
    for (const source of outcome.sources) {
      expect(source.connectionId).toBeNull()
      expect(source.disconnectedAt).not.toBeNull()
      expect(await releaseSourceStore().get(source.id)).toEqual(source)
    }
    const website = await releaseSourceStore().get(hooked.id)
    expect(website?.webhook.state).toBe('removed')
    expect(website?.connectionType).toBe('github')
    expect((await releaseSourceStore().get(hookless.id))?.webhook.state).toBe('failed')
    expect((await releaseSourceStore().listBuilds(hooked.id)).builds).toEqual([build])
    expect(await releaseSourceStore().get(elsewhere.id)).toEqual(elsewhere)
    expect(await sourcesUsing(connection.id)).toEqual([])
  })

  it('counts a hook someone already removed on the provider as removed', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    mockState.webhooks.clear()

    const outcome = await disconnectConnection(connection.id)
    expect(outcome.removed).toEqual([source.id])
    expect(outcome.removeByHand).toEqual([])
    expect(outcome.sources[0]?.webhook.state).toBe('removed')
  })

  it('does not count a 404 as removed when the token may not see the hooks at all', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    // What GitHub answers a token that lost admin rights on the repository.
    const notFound = () =>
      HttpResponse.json(
        { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
        { status: 404 },
      )
    server.use(
      http.delete('https://api.github.com/repos/:owner/:repo/hooks/:hookId', notFound),
      http.get('https://api.github.com/repos/:owner/:repo/hooks', notFound),
    )

    const outcome = await disconnectConnection(connection.id)

    expect(outcome.removed).toEqual([])
    expect(outcome.removeByHand).toEqual([
      {
        sourceId: source.id,
        name: 'Website',
        url: SETTINGS,
        // The adapter reads the list's 404 as a refusal; other providers' 404 get this file's words.
        reason: expect.stringMatching(
          /GitHub hides webhooks from tokens that may not manage them|not found/,
        ) as unknown,
      },
    ])
    expect(outcome.sources[0]?.webhook.state).toBe('provisioned')
    expect(hookUrls()).toEqual([`${RECEIVER}/${source.id}`])
  })

  it('leaves the hook when the token is gone, and says where to remove it by hand', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    await connectionStore().removeSecret(connection.id)

    const outcome = await disconnectConnection(connection.id)

    expect(outcome.removed).toEqual([])
    expect(outcome.removeByHand).toEqual([
      {
        sourceId: source.id,
        name: 'Website',
        url: SETTINGS,
        reason: expect.stringMatching(/no token/) as unknown,
      },
    ])
    expect(hookUrls()).toEqual([`${RECEIVER}/${source.id}`])
    const stored = await releaseSourceStore().get(source.id)
    expect(stored?.connectionId).toBeNull()
    // Not 'removed': the hook is still there, and re-attaching replaces it.
    expect(stored?.webhook.state).toBe('provisioned')
  })

  it('reports the provider’s refusal as a sentence instead of failing', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    server.use(
      http.delete('https://api.github.com/repos/:owner/:repo/hooks/:hookId', () =>
        HttpResponse.json({ message: 'Must have admin rights to Repository.' }, { status: 403 }),
      ),
    )

    const outcome = await disconnectConnection(connection.id)

    expect(outcome.removeByHand).toHaveLength(1)
    expect(outcome.removeByHand[0]?.url).toBe(SETTINGS)
    expect(outcome.removeByHand[0]?.reason).toMatch(/^The webhook could not be removed: GitHub/)
    expect(hookUrls()).toEqual([`${RECEIVER}/${source.id}`])
    expect((await releaseSourceStore().get(source.id))?.connectionId).toBeNull()
  })

  it('rejects when storage fails, leaving the sources attached', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    vi.spyOn(releaseSourceStore(), 'disconnect').mockRejectedValue(
      Object.assign(new Error('The browser could not save the change.'), { name: 'StorageError' }),
    )

    await expect(disconnectConnection(connection.id)).rejects.toThrow(/could not save/)
    expect((await releaseSourceStore().get(source.id))?.connectionId).toBe(connection.id)
  })

  it('does nothing for a connection no source uses', async () => {
    const connection = await storedConnection()
    expect(await disconnectConnection(connection.id)).toEqual({
      sources: [],
      removed: [],
      removeByHand: [],
    })
  })
})

describe('re-attaching a disconnected source', () => {
  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
  })

  async function disconnectedSource() {
    const old = await storedConnection({ name: 'Old' })
    const source = await createReleaseSource(releaseSourceDraft(old.id), endpoints)
    const build = buildOf(source)
    await releaseSourceStore().addBuild(build)
    const [disconnected] = (await disconnectConnection(old.id)).sources
    await connectionStore().remove(old.id)
    return { source: disconnected!, build, oldSecret: await secretOf(source.id) }
  }

  const secretOf = (id: string) => releaseSourceStore().readWebhookSecret(id)

  it('attaches it to a connection of the same type and provisions a new webhook', async () => {
    const { source, build, oldSecret } = await disconnectedSource()
    expect(mockState.webhooks.size).toBe(0)
    const replacement = await storedConnection({ name: 'New' })
    expect(canReattachTo(source, replacement)).toBe(true)

    const attached = await reattachReleaseSource(source, replacement.id, endpoints)

    expect(attached).toMatchObject({
      connectionId: replacement.id,
      disconnectedAt: null,
      webhook: { state: 'provisioned', url: `${RECEIVER}/${source.id}` },
    })
    const hooks = [...mockState.webhooks.values()]
    expect(hooks).toHaveLength(1)
    expect(hooks[0]?.url).toBe(`${RECEIVER}/${source.id}`)
    const secret = await secretOf(source.id)
    expect(secret).not.toBe(oldSecret)
    expect(hooks[0]?.secret).toBe(secret)
    expect(await releaseSourceStore().get(source.id)).toEqual(attached)
    expect((await releaseSourceStore().listBuilds(source.id)).builds).toEqual([build])
    expect(await sourcesUsing(replacement.id)).toEqual([attached])
  })

  it('refuses a connection of another type, and changes nothing', async () => {
    const { source } = await disconnectedSource()
    const gitlab = await storedConnection({ name: 'GitLab', type: 'gitlab' }, 'glpat-demo')
    const enterprise = await storedConnection({
      name: 'Enterprise',
      type: 'github-enterprise',
      baseUrl: 'https://github.example.com',
    })
    expect(canReattachTo(source, gitlab)).toBe(false)
    expect(canReattachTo(source, enterprise)).toBe(false)

    await expect(reattachReleaseSource(source, gitlab.id, endpoints)).rejects.toThrow(
      /made with a GitHub connection.*only be re-attached to a GitHub connection/,
    )
    await expect(reattachReleaseSource(source, enterprise.id, endpoints)).rejects.toThrow(
      /only be re-attached to a GitHub connection/,
    )
    expect(await releaseSourceStore().get(source.id)).toEqual(source)
    expect(mockState.webhooks.size).toBe(0)
  })

  it('refuses a source that still has a connection', async () => {
    const connection = await storedConnection()
    const other = await storedConnection({ name: 'Other' })
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    expect(canReattachTo(source, other)).toBe(false)
    await expect(reattachReleaseSource(source, other.id, endpoints)).rejects.toThrow(
      /only a disconnected source can be re-attached/,
    )
  })
})
