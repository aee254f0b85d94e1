/**
 * Re-provisioning replaces the source's hook: delete, then create. When the provider refuses the
 * delete, the hook is still on the repository, so the source keeps it (its id, for a later
 * removal) and says why it could not be replaced; it never reads "No webhook is registered".
 */
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { mockState } from '@mocks/state'
import { selectDatabase } from '@/lib/connection-store.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import { releaseSourceDraft } from '../../../tests/utils/release-source-draft.ts'
import { createReleaseSource, reprovisionWebhook } from './source-actions.ts'

const endpoints = {
  webhookReceiverUrl: 'https://hooks.example.com/receive',
  buildTriggerUrl: 'https://builds.example.com/trigger',
}

describe('re-provisioning when the provider refuses to delete the old hook', () => {
  beforeEach(() => selectDatabase(`test-${crypto.randomUUID()}`))

  it('keeps the hook, its id and secret, and says it is still on the repository', async () => {
    const connection = await storedConnection()
    const source = await createReleaseSource(releaseSourceDraft(connection.id), endpoints)
    const secret = await releaseSourceStore().readWebhookSecret(source.id)
    server.use(
      // GitHub's answer to a token that may read hooks but not remove them (OpenAPI `basic-error`).
      http.delete('https://api.github.com/repos/:owner/:repo/hooks/:id', () =>
        HttpResponse.json(
          {
            message: 'Resource not accessible by personal access token',
            documentation_url:
              'https://docs.github.com/rest/repos/webhooks#delete-a-repository-webhook',
            status: '403',
          },
          { status: 403 },
        ),
      ),
    )

    const after = await reprovisionWebhook(source, endpoints)
    expect(after.webhook).toMatchObject({ state: 'provisioned', id: source.webhook.id })
    expect(after.webhook.reason).toMatch(/still on the repository/)
    expect(after.webhook.reason).toMatch(/Resource not accessible by personal access token/)
    expect(mockState.webhooks.size).toBe(1)
    expect(await releaseSourceStore().readWebhookSecret(source.id)).toBe(secret)
    expect((await releaseSourceStore().get(source.id))?.webhook.id).toBe(source.webhook.id)
  })
})
