/**
 * Repository webhooks: list, create and delete. A `read-only` demo token gets Bitbucket's scope
 * refusal (context.ts, lacksWebhookScope).
 */
import { http, HttpResponse, type RequestHandler } from 'msw'
import type { DemoRepository } from '../../data/catalog.ts'
import { BITBUCKET_API, bitbucketUuid } from '../../data/bitbucket.ts'
import { addMockWebhook, mockState, mockWebhooksOf, type MockWebhook } from '../../state.ts'
import { authorizedRepository, error, lacksWebhookScope, pathAfter, REPO } from './context.ts'
import { paginate } from './listing.ts'
import { repositoryRef } from './payloads.ts'

function hook(repo: DemoRepository, stored: MockWebhook) {
  const uuid = String(stored.extra.uuid)
  return {
    type: 'webhook_subscription',
    uuid,
    url: stored.url,
    description: typeof stored.extra.description === 'string' ? stored.extra.description : '',
    subject_type: 'repository',
    subject: repositoryRef(repo),
    active: stored.active,
    created_at: stored.createdAt,
    events: stored.events,
    // The secret is never echoed, only whether one is set.
    secret_set: stored.secret !== null,
    skip_cert_verification: false,
    links: {
      self: {
        href: `${BITBUCKET_API}/repositories/${stored.repository}/hooks/${encodeURIComponent(uuid)}`,
      },
    },
  }
}

export const webhookHandlers: RequestHandler[] = [
  http.get(`${REPO}/hooks`, ({ request, params }) => {
    const found = authorizedRepository(request, params)
    if ('refused' in found) return found.refused
    const lacking = lacksWebhookScope(found.caller, 'read')
    if (lacking) return lacking
    const { repo } = found
    const hooks = mockWebhooksOf('bitbucket', `${repo.owner}/${repo.name}`)
    return HttpResponse.json(
      paginate(
        request,
        hooks.map((stored) => hook(repo, stored)),
      ),
    )
  }),

  http.post(`${REPO}/hooks`, async ({ request, params }) => {
    const found = authorizedRepository(request, params)
    if ('refused' in found) return found.refused
    const lacking = lacksWebhookScope(found.caller, 'write')
    if (lacking) return lacking
    const body: unknown = await request.json().catch(() => null)
    const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
    const events = Array.isArray(input.events) ? input.events.map(String) : []
    if (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url) || events.length === 0) {
      return error(400, 'Bad request', 'A webhook needs a url and at least one event.')
    }
    const { repo } = found
    const id = mockState.nextWebhookId
    const stored = addMockWebhook({
      provider: 'bitbucket',
      repository: `${repo.owner}/${repo.name}`,
      url: input.url,
      events,
      secret: typeof input.secret === 'string' && input.secret !== '' ? input.secret : null,
      active: input.active !== false,
      extra: {
        uuid: bitbucketUuid('hook', id),
        description: typeof input.description === 'string' ? input.description : '',
      },
    })
    return HttpResponse.json(hook(repo, stored), { status: 201 })
  }),

  http.delete(`${REPO}/hooks/:uid`, ({ request, params }) => {
    const found = authorizedRepository(request, params)
    if ('refused' in found) return found.refused
    const lacking = lacksWebhookScope(found.caller, 'delete')
    if (lacking) return lacking
    const { repo } = found
    const uid = pathAfter(request, '/hooks/')
    const stored = mockWebhooksOf('bitbucket', `${repo.owner}/${repo.name}`).find(
      (entry) => entry.extra.uuid === uid,
    )
    if (!stored) return error(404, `Webhook ${uid} not found`)
    mockState.webhooks.delete(stored.id)
    return new HttpResponse(null, { status: 204 })
  }),
]
