import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { server } from '@mocks/node'
import { mockState } from '@mocks/state'
import { onConnectionRefused } from '@/lib/connection-provider.ts'
import { connectionStore, selectDatabase } from '@/lib/connection-store.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import { releaseSourceDraft } from '../../../tests/utils/release-source-draft.ts'
import { createReleaseSource, reprovisionWebhook, triggerBuild } from './source-actions.ts'

const endpoints = {
  webhookReceiverUrl: 'https://hooks.example.com/receive',
  buildTriggerUrl: 'https://builds.example.com/trigger',
}

/** Every connection id announced as refused during this test. */
function refusals(): string[] {
  const seen: string[] = []
  onTestFinished(onConnectionRefused((id) => seen.push(id)))
  return seen
}

/** The token is revoked at the provider: the simulated providers refuse `revoked` with a 401. */
async function revoke(connection: Awaited<ReturnType<typeof storedConnection>>) {
  // A new updatedAt stands for "time passed": the adapter built with the old token is not reused.
  await storedConnection(
    { ...connection, updatedAt: new Date(Date.parse(connection.updatedAt) + 1000).toISOString() },
    'revoked',
  )
}

describe('Trigger Build records every outcome, and a refused token is announced once', () => {
  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
  })

  it('records a trigger that met a revoked token, and marks the connection refused', async () => {
    const announced = refusals()
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    await revoke(connection)

    const build = await triggerBuild(source, endpoints)

    expect(build.result).toEqual({
      state: 'failed',
      status: null,
      message: expect.stringMatching(
        /^Nothing was sent\. GitHub did not accept this token/,
      ) as unknown,
    })
    expect(mockState.buildRequests).toEqual([])
    expect((await releaseSourceStore().listBuilds(source.id)).builds).toEqual([build])
    expect((await connectionStore().get(connection.id))?.record.verification).toBe('refused')
    expect(announced).toEqual([connection.id])

    // The connection is known refused now: a second try is recorded too, and sends nothing.
    const again = await triggerBuild(source, endpoints)
    expect(again.result.message).toMatch(/^Nothing was sent\. GitHub refused the stored token/)
    expect((await releaseSourceStore().listBuilds(source.id)).builds).toHaveLength(2)
    expect(announced).toEqual([connection.id])
  })

  it('records a trigger whose CORS proxy is down, in the proxy’s terms', async () => {
    const connection = await storedConnection({
      type: 'custom-git',
      repositoryUrl: 'https://git.example.com/team/app.git',
      branch: 'main',
      corsProxyUrl: 'https://proxy.example.com',
    })
    const source = await createReleaseSource(
      releaseSourceDraft(connection.id, { branch: 'main' }),
      endpoints,
    )
    server.use(http.get('https://proxy.example.com/*', () => HttpResponse.error()))

    const build = await triggerBuild(source, endpoints)

    expect(build.result.state).toBe('failed')
    expect(build.result.message).toMatch(
      /^Nothing was sent\. The CORS proxy at proxy\.example\.com is not answering/,
    )
    expect((await releaseSourceStore().listBuilds(source.id)).builds).toEqual([build])
  })

  it('announces a refusal met by Re-provision, whose own error is kept as the hook’s state', async () => {
    const announced = refusals()
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    await revoke(connection)

    const updated = await reprovisionWebhook(source, endpoints)

    expect(updated.webhook.state).toBe('failed')
    expect(announced).toEqual([connection.id])
  })
})
