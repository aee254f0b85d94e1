/**
 * The receiver end to end through its fetch handler, with a real build endpoint: an HTTP server
 * on 127.0.0.1 that records what it is asked. Signatures are computed as each provider documents
 * (see verify.ts); payloads follow the providers' documented examples (see events.ts).
 */
import { createServer, type Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fileStorage } from './file-storage.ts'
import { createReceiver } from './handler.ts'
import { memoryStorage, type ReceiverStorage } from './storage.ts'
import type { ProviderType } from './types.ts'
import { hmacSha256Hex } from './verify.ts'

const APP = 'https://app.example'
const RECEIVER = 'http://receiver.test'
const SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246'
let endpoint: Server
let builds: unknown[] = []
let buildEndpoint = ''

beforeAll(async () => {
  endpoint = createServer((request, reply) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      builds.push(JSON.parse(body))
      reply.writeHead(202).end()
    })
  })
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve))
  const address = endpoint.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  buildEndpoint = `http://127.0.0.1:${String(address.port)}/build`
})
afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())))
beforeEach(() => (builds = []))

function receiverWith(storage: ReceiverStorage = memoryStorage()) {
  return createReceiver(
    {
      buildEndpoint,
      allow: ['github.com/octo', 'gitlab.com', 'bitbucket.org/team/app', 'dev.azure.com/org'],
      appOrigin: APP,
      publicUrl: null,
      maxBodyBytes: 1024,
    },
    storage,
  )
}
type Handle = ReturnType<typeof receiverWith>

async function register(handle: Handle, provider: ProviderType, host: string, repository: string) {
  const response = await handle(
    new Request(`${RECEIVER}/v1/sources`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `src-${provider}`,
        provider,
        host,
        repository,
        branch: 'main',
        tagPattern: 'v*',
      }),
    }),
  )
  expect(response.status).toBe(201)
  expect(response.headers.get('access-control-allow-origin')).toBe(APP)
  return (await response.json()) as { deliveryUrl: string; secret: string; id: string }
}

const deliver = (handle: Handle, url: string, body: string, headers: Record<string, string>) =>
  handle(new Request(url, { method: 'POST', headers, body }))

async function outcomes(handle: Handle, id: string, secret: string) {
  const response = await handle(
    new Request(`${RECEIVER}/v1/sources/${id}/builds`, {
      headers: { authorization: `Bearer ${secret}` },
    }),
  )
  return ((await response.json()) as { deliveries: { outcome: string; reason: string | null }[] })
    .deliveries
}

// github/docs content/webhooks/webhook-events-and-payloads.md, "release" (action published).
const githubRelease = (tag: string) =>
  JSON.stringify({ action: 'published', release: { tag_name: tag, target_commitish: SHA } })
async function githubHeaders(secret: string, body: string, delivery: string, event = 'release') {
  const signature = await hmacSha256Hex(secret, new TextEncoder().encode(body))
  return {
    'x-github-event': event,
    'x-github-delivery': delivery,
    'x-hub-signature-256': `sha256=${signature}`,
  }
}

describe('signatures', () => {
  it("matches GitHub's documented test vector", async () => {
    // validating-webhook-deliveries.md, "Testing the webhook payload validation".
    expect(
      await hmacSha256Hex("It's a Secret to Everybody", new TextEncoder().encode('Hello, World!')),
    ).toBe('757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17')
  })
})

describe('GitHub deliveries', () => {
  it('a signed release whose tag matches starts exactly one build with its tag and commit', async () => {
    const handle = receiverWith()
    const source = await register(handle, 'github', 'github.com', 'octo/app')
    const body = githubRelease('v1.2.0')
    const response = await deliver(
      handle,
      source.deliveryUrl,
      body,
      await githubHeaders(source.secret, body, 'd-1'),
    )
    expect(response.status).toBe(202)
    expect(builds).toEqual([
      {
        source: { id: source.id },
        repository: { provider: 'github', host: 'github.com', fullName: 'octo/app' },
        tag: 'v1.2.0',
        commit: SHA,
        trigger: 'webhook',
      },
    ])
    expect(await outcomes(handle, source.id, source.secret)).toMatchObject([
      { outcome: 'build-requested' },
    ])
  })

  it('refuses forged, replayed, wrong-event, non-matching and oversize deliveries, building nothing', async () => {
    const handle = receiverWith()
    const source = await register(handle, 'github', 'github.com', 'octo/app')
    const body = githubRelease('v2.0.0')
    const forged = await githubHeaders('not-the-secret', body, 'd-forged')
    expect((await deliver(handle, source.deliveryUrl, body, forged)).status).toBe(401)
    const signed = await githubHeaders(source.secret, body, 'd-2')
    expect((await deliver(handle, source.deliveryUrl, body, signed)).status).toBe(202)
    builds = []
    expect((await deliver(handle, source.deliveryUrl, body, signed)).status).toBe(409)
    const ping = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 })
    await deliver(
      handle,
      source.deliveryUrl,
      ping,
      await githubHeaders(source.secret, ping, 'd-3', 'ping'),
    )
    const other = githubRelease('nightly-7')
    await deliver(
      handle,
      source.deliveryUrl,
      other,
      await githubHeaders(source.secret, other, 'd-4'),
    )
    const big = JSON.stringify({ action: 'published', padding: 'x'.repeat(2000) })
    expect(
      (
        await deliver(
          handle,
          source.deliveryUrl,
          big,
          await githubHeaders(source.secret, big, 'd-5'),
        )
      ).status,
    ).toBe(413)
    expect(builds).toEqual([])
    const reasons = (await outcomes(handle, source.id, source.secret)).map((d) => d.reason)
    expect(reasons).toEqual([
      'oversize',
      'tag-mismatch',
      'not-release-event',
      'replay',
      null,
      'signature',
    ])
  })

  it('refuses deliveries for unknown and removed sources', async () => {
    const handle = receiverWith()
    const source = await register(handle, 'github', 'github.com', 'octo/app')
    const body = githubRelease('v3.0.0')
    const headers = await githubHeaders(source.secret, body, 'd-6')
    expect((await deliver(handle, `${RECEIVER}/v1/deliveries/nobody`, body, headers)).status).toBe(
      404,
    )
    const removed = await handle(
      new Request(`${RECEIVER}/v1/sources/${source.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${source.secret}`, origin: APP },
      }),
    )
    expect(removed.status).toBe(204)
    expect((await deliver(handle, source.deliveryUrl, body, headers)).status).toBe(404)
    expect(builds).toEqual([])
  })
})

describe('registration', () => {
  it('refuses repositories the allow-list does not name, and gives no CORS to other origins', async () => {
    const handle = receiverWith()
    const response = await handle(
      new Request(`${RECEIVER}/v1/sources`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
        body: JSON.stringify({
          id: 'x',
          provider: 'github',
          host: 'github.com',
          repository: 'mallory/app',
          branch: 'main',
          tagPattern: null,
        }),
      }),
    )
    expect(response.status).toBe(403)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('re-registering the same id needs the current secret and issues a new one', async () => {
    const handle = receiverWith()
    const first = await register(handle, 'github', 'github.com', 'octo/app')
    const again = (secret: string) =>
      handle(
        new Request(`${RECEIVER}/v1/sources`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}` },
          body: JSON.stringify({
            id: first.id,
            provider: 'github',
            host: 'github.com',
            repository: 'octo/app',
            branch: 'main',
            tagPattern: 'v*',
          }),
        }),
      )
    expect((await again('wrong')).status).toBe(409)
    const second = await again(first.secret)
    expect(second.status).toBe(200)
    const { secret } = (await second.json()) as { secret: string }
    expect(secret).not.toBe(first.secret)
    const body = githubRelease('v1.0.0')
    expect(
      (await deliver(handle, first.deliveryUrl, body, await githubHeaders(first.secret, body, 'o')))
        .status,
    ).toBe(401)
  })
})

describe('GitLab, Bitbucket and Azure DevOps deliveries', () => {
  it('GitLab: a Tag Push Hook with the right X-Gitlab-Token builds; a wrong token does not', async () => {
    const handle = receiverWith()
    const source = await register(handle, 'gitlab', 'gitlab.com', 'group/app')
    // docs.gitlab.com user/project/integrations/webhook_events.md, "Tag events".
    const body = JSON.stringify({
      object_kind: 'tag_push',
      ref: 'refs/tags/v1.0.0',
      checkout_sha: SHA,
      before: '0'.repeat(40),
      after: SHA,
    })
    const headers = { 'x-gitlab-event': 'Tag Push Hook', 'idempotency-key': 'g-1' }
    expect(
      (await deliver(handle, source.deliveryUrl, body, { ...headers, 'x-gitlab-token': 'guess' }))
        .status,
    ).toBe(401)
    expect(builds).toEqual([])
    await deliver(handle, source.deliveryUrl, body, { ...headers, 'x-gitlab-token': source.secret })
    expect(builds).toMatchObject([{ tag: 'v1.0.0', commit: SHA }])
  })

  it('Bitbucket: a signed repo:push with a new tag builds; an unsigned one does not', async () => {
    const handle = receiverWith()
    const source = await register(handle, 'bitbucket', 'bitbucket.org', 'team/app')
    // support.atlassian.com bitbucket-cloud event-payloads, "Push" (changes[].new of type tag).
    const body = JSON.stringify({
      push: { changes: [{ new: { type: 'tag', name: 'v4.1', target: { hash: SHA } }, old: null }] },
    })
    const headers = { 'x-event-key': 'repo:push', 'x-request-uuid': 'b-1' }
    expect((await deliver(handle, source.deliveryUrl, body, headers)).status).toBe(401)
    const signature = await hmacSha256Hex(source.secret, new TextEncoder().encode(body))
    await deliver(handle, source.deliveryUrl, body, {
      ...headers,
      'x-hub-signature': `sha256=${signature}`,
    })
    expect(builds).toMatchObject([{ tag: 'v4.1', commit: SHA }])
  })

  it('Azure DevOps: a git.push of refs/tags with the subscription header builds once', async () => {
    const handle = receiverWith()
    const source = await register(handle, 'azure-devops', 'dev.azure.com', 'org/project/repo')
    // learn.microsoft.com azure/devops/service-hooks/events, "Code pushed" sample payload.
    const body = JSON.stringify({
      subscriptionId: 'sub-1',
      notificationId: 3,
      eventType: 'git.push',
      resource: {
        refUpdates: [{ name: 'refs/tags/v9', oldObjectId: '0'.repeat(40), newObjectId: SHA }],
      },
    })
    const headers = { 'x-git-connector-secret': source.secret }
    await deliver(handle, source.deliveryUrl, body, headers)
    expect((await deliver(handle, source.deliveryUrl, body, headers)).status).toBe(409)
    expect(builds).toMatchObject([{ tag: 'v9', commit: SHA }])
  })
})

describe('file storage', () => {
  it('keeps sources and delivery ids across a restart', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'receiver-'))
    try {
      const path = join(folder, 'state.json')
      const first = receiverWith(await fileStorage(path))
      const source = await register(first, 'github', 'github.com', 'octo/app')
      const body = githubRelease('v5.0.0')
      const headers = await githubHeaders(source.secret, body, 'persisted')
      await deliver(first, source.deliveryUrl, body, headers)
      const restarted = receiverWith(await fileStorage(path))
      expect((await deliver(restarted, source.deliveryUrl, body, headers)).status).toBe(409)
      expect(builds).toHaveLength(1)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
