import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { mockState } from '@mocks/state'
import { connectionStore, selectDatabase } from '@/lib/connection-store.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import {
  createReleaseSource,
  deleteReleaseSource,
  reprovisionWebhook,
  triggerBuild,
  type ReleaseSourceDraft,
} from './source-actions.ts'

const RECEIVER = 'https://hooks.example.com/receive'
const TRIGGER = 'https://builds.example.com/trigger'
const endpoints = { webhookReceiverUrl: RECEIVER, buildTriggerUrl: TRIGGER }

const draft = (connectionId: string): ReleaseSourceDraft => ({
  name: 'Website',
  connectionId,
  repository: {
    id: 'octo-demo/git-connector',
    fullName: 'octo-demo/git-connector',
    webUrl: 'https://github.com/octo-demo/git-connector',
  },
  branch: 'main',
  tagPattern: 'v*',
})

describe('release source actions', () => {
  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
  })

  it('creating a source registers a release webhook with its own address and secret', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(draft(connection.id), endpoints)

    expect(source.webhook).toMatchObject({ state: 'provisioned', url: `${RECEIVER}/${source.id}` })
    const hooks = [...mockState.webhooks.values()]
    expect(hooks).toHaveLength(1)
    expect(hooks[0]).toMatchObject({ url: `${RECEIVER}/${source.id}`, active: true })
    expect(hooks[0]?.events).toContain('release')
    const secret = await releaseSourceStore().readWebhookSecret(source.id)
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(hooks[0]?.secret).toBe(secret)
    expect(await releaseSourceStore().get(source.id)).toEqual(source)
  })

  it('saves the source with the reason when no hook can be made, and re-provisions later', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(draft(connection.id), {
      ...endpoints,
      webhookReceiverUrl: null,
    })
    expect(source.webhook.state).toBe('failed')
    expect(source.webhook.reason).toMatch(/webhookReceiverUrl/)
    expect(mockState.webhooks.size).toBe(0)

    const fixed = await reprovisionWebhook(source, endpoints)
    expect(fixed.webhook.state).toBe('provisioned')
    expect(mockState.webhooks.size).toBe(1)
    // Re-provisioning again replaces the hook rather than adding a second one.
    await reprovisionWebhook(fixed, endpoints)
    expect(mockState.webhooks.size).toBe(1)
  })

  it('deleting a source removes the webhook it created', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(draft(connection.id), endpoints)
    const outcome = await deleteReleaseSource(source)
    expect(outcome).toEqual({ removeByHand: null, reason: null })
    expect(mockState.webhooks.size).toBe(0)
    expect(await releaseSourceStore().get(source.id)).toBeUndefined()
  })

  it('says where to remove the hook by hand when the token is gone', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(draft(connection.id), endpoints)
    await connectionStore().removeSecret(connection.id)
    const outcome = await deleteReleaseSource(source)
    expect(outcome.removeByHand).toBe('https://github.com/octo-demo/git-connector/settings/hooks')
    expect(outcome.reason).toMatch(/no usable token/)
    expect(await releaseSourceStore().get(source.id)).toBeUndefined()
  })

  it('Trigger Build sends the branch’s latest commit and records the answer', async () => {
    const connection = await storedConnection({ username: 'mona' })
    const source = await createReleaseSource(
      { ...draft(connection.id), branch: 'develop' },
      endpoints,
    )
    const sent: unknown[] = []
    server.use(
      http.post(TRIGGER, async ({ request }) => {
        sent.push(await request.json())
        return HttpResponse.json({ id: 'b-7', status: 'queued' }, { status: 202 })
      }),
    )
    const build = await triggerBuild(source, endpoints)
    expect(build.result).toEqual({ state: 'accepted', status: 202, message: 'queued' })
    expect(build.commit?.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(build.triggeredBy).toBe('mona')
    expect(sent).toEqual([
      expect.objectContaining({
        branch: 'develop',
        commit: expect.objectContaining({ sha: build.commit?.sha }) as unknown,
        trigger: 'manual',
      }),
    ])
    expect((await releaseSourceStore().listBuilds(source.id)).builds).toEqual([build])
  })

  it('a Custom Git source has no webhook; its build resolves the branch through the refs', async () => {
    const connection = await storedConnection({
      type: 'custom-git',
      repositoryUrl: 'https://git.example.com/team/app.git',
      branch: 'main',
      account: null,
    })
    const source = await createReleaseSource(
      {
        ...draft(connection.id),
        repository: { id: 'app', fullName: 'team/app', webUrl: null },
      },
      { ...endpoints, buildTriggerUrl: null },
    )
    expect(source.webhook.state).toBe('none')
    const build = await triggerBuild(source, { ...endpoints, buildTriggerUrl: null })
    expect(build.commit).toMatchObject({ message: null })
    expect(build.commit?.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(build.result.state).toBe('not-configured')
  })

  it('does not build a branch that is gone, and says so', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(
      { ...draft(connection.id), branch: 'no-such-branch' },
      endpoints,
    )
    const build = await triggerBuild(source, endpoints)
    expect(build.commit).toBeNull()
    expect(build.result.state).toBe('failed')
    expect(build.result.message).toMatch(/no-such-branch/)
  })
})
