import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { findDemoRepository } from '@mocks/data/catalog.ts'
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
} from './source-actions.ts'
import { releaseSourceDraft } from '../../../tests/utils/release-source-draft.ts'

const RECEIVER = 'https://hooks.example.com/receive'
const TRIGGER = 'https://builds.example.com/trigger'
const endpoints = { webhookReceiverUrl: RECEIVER, buildTriggerUrl: TRIGGER }

describe('release source actions', () => {
  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
  })

  it('creating a source registers a release webhook with its own address and secret', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)

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
    const source = await createReleaseSource(releaseSourceDraft(connection.id), {
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
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    const outcome = await deleteReleaseSource(source)
    expect(outcome).toEqual({ removeByHand: null, reason: null })
    expect(mockState.webhooks.size).toBe(0)
    expect(await releaseSourceStore().get(source.id)).toBeUndefined()
  })

  it('says where to remove the hook by hand when the token is gone', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    await connectionStore().removeSecret(connection.id)
    const outcome = await deleteReleaseSource(source)
    expect(outcome.removeByHand).toBe('https://github.com/octo-demo/git-connector/settings/hooks')
    expect(outcome.reason).toMatch(/no usable token/)
    expect(await releaseSourceStore().get(source.id)).toBeUndefined()
  })

  it('Trigger Build sends the branch’s latest commit and records the answer', async () => {
    const connection = await storedConnection({ username: 'mona' })
    const source = await createReleaseSource(
      { ...releaseSourceDraft(connection.id), branch: 'develop' },
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
    expect(build.result).toMatchObject({ state: 'accepted', status: 202 })
    expect(build.result.message).toMatch(/: “queued”$/)
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
        ...releaseSourceDraft(connection.id),
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

  it('a read-only GitHub token leaves the source failed with what it lacks; a better token fixes it', async () => {
    const connection = await storedConnection({}, 'ghp_demo_read-only')
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)

    expect(source.webhook.state).toBe('failed')
    expect(source.webhook.reason).toMatch(
      new RegExp(
        '^GitHub did not let this token manage webhooks on octo-demo/git-connector\\. ' +
          'A classic token needs the admin:repo_hook scope \\(or repo\\); a fine-grained token ' +
          'needs the “Webhooks: Read and write” repository permission; and you must be an admin ' +
          'of the repository\\. Enter a token with that access, then Re-provision\\. ' +
          // GitHub's own words, and only them: the scope lists are the adapter's, not GitHub's.
          'GitHub said: “Not Found”\\.$',
      ),
    )
    expect(mockState.webhooks.size).toBe(0)
    expect(await releaseSourceStore().get(source.id)).toEqual(source)

    // The person enters a token with hook rights (the record changes with it), then re-provisions.
    await storedConnection(
      { ...connection, updatedAt: new Date(Date.now() + 1000).toISOString() },
      'ghp_demo',
    )
    const fixed = await reprovisionWebhook(source, endpoints)
    expect(fixed.webhook).toMatchObject({ state: 'provisioned', reason: null })
    expect([...mockState.webhooks.values()].map((hook) => hook.url)).toEqual([
      `${RECEIVER}/${source.id}`,
    ])
    expect(await releaseSourceStore().readWebhookSecret(source.id)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('a read-only fine-grained GitHub token: GitHub’s own 403 words end the reason', async () => {
    const connection = await storedConnection({}, 'github_pat_read-only')
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    expect(source.webhook.state).toBe('failed')
    expect(source.webhook.reason).toMatch(
      /^GitHub did not let this token manage webhooks on octo-demo\/git-connector\. .* GitHub said: “Resource not accessible by personal access token”\.$/,
    )
  })

  it('a read-only GitLab or Bitbucket token: the reason names the scope and quotes the provider', async () => {
    const project = findDemoRepository('gitlab', 'platform', 'deploy-pipeline')!
    const gitlab = await storedConnection({ type: 'gitlab' }, 'glpat-read-only')
    const fromGitLab = await createReleaseSource(
      {
        ...releaseSourceDraft(gitlab.id),
        repository: { id: String(project.id), fullName: 'platform/deploy-pipeline', webUrl: null },
      },
      endpoints,
    )
    expect(fromGitLab.webhook.state).toBe('failed')
    expect(fromGitLab.webhook.reason).toMatch(
      /^GitLab did not let this token manage webhooks on platform\/deploy-pipeline\. The token needs the api scope .* Maintainer or Owner role .* GitLab said: “The request requires higher privileges than provided by the access token”\.$/,
    )

    const bitbucket = await storedConnection(
      { type: 'bitbucket', credentialKind: 'api-token', email: 'bea@example.com' },
      'ATATT-read-only',
    )
    const fromBitbucket = await createReleaseSource(
      {
        ...releaseSourceDraft(bitbucket.id),
        repository: {
          id: 'tidewater-labs/tide-api',
          fullName: 'tidewater-labs/tide-api',
          webUrl: null,
        },
      },
      endpoints,
    )
    expect(fromBitbucket.webhook.state).toBe('failed')
    expect(fromBitbucket.webhook.reason).toMatch(
      /^Bitbucket did not let this token manage webhooks on tidewater-labs\/tide-api\. An API token needs the read:webhook:bitbucket, write:webhook:bitbucket and delete:webhook:bitbucket scopes.* Bitbucket said: “Your credentials lack one or more required privilege scopes\. Required: write:webhook:bitbucket”\.$/,
    )
    expect(mockState.webhooks.size).toBe(0)
  })

  it('does not build a branch that is gone, and says so', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(
      { ...releaseSourceDraft(connection.id), branch: 'no-such-branch' },
      endpoints,
    )
    const build = await triggerBuild(source, endpoints)
    expect(build.commit).toBeNull()
    expect(build.result.state).toBe('failed')
    expect(build.result.message).toMatch(/no-such-branch/)
  })
})
