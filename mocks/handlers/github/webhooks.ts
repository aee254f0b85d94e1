/**
 * Repository webhooks: list, create, get and delete, and their deliveries, for repository admins
 * only. Creating a hook records GitHub's `ping` delivery. A `read-only` demo token is refused the
 * way GitHub refuses a token without hook rights (see refuseReadOnly).
 */
import { HttpResponse, type RequestHandler } from 'msw'
import { demoGuid, type DemoRepository } from '../../data/catalog.ts'
import {
  addMockDelivery,
  addMockWebhook,
  mockDeliveriesOf,
  mockState,
  mockWebhooksOf,
  type MockDelivery,
  type MockWebhook,
} from '../../state.ts'
import { failure, notFound, route, type Context } from './context.ts'
import { jsonWithEtag } from './etag.ts'
import { githubHeaders } from './headers.ts'
import { paginate } from './pagination.ts'
import { permissionsOf } from './payloads.ts'
import { fullNameOf, repositoryOf } from './repositories.ts'
import { hasClassicScopes, isReadOnlyToken, type Site } from './site.ts'

const HOOK_DOCS = 'repos/webhooks'

function hookPayload(site: Site, hook: MockWebhook) {
  const url = `${site.api}/repos/${hook.repository}/hooks/${hook.id}`
  const config: Record<string, unknown> = {
    content_type: hook.extra.content_type ?? 'form',
    insecure_ssl: hook.extra.insecure_ssl ?? '0',
    url: hook.url,
  }
  // GitHub never shows a secret back, only that there is one.
  if (hook.secret) config.secret = '********'
  return {
    type: 'Repository',
    id: hook.id,
    name: 'web',
    active: hook.active,
    events: hook.events,
    config,
    updated_at: typeof hook.extra.updated_at === 'string' ? hook.extra.updated_at : hook.createdAt,
    created_at: hook.createdAt,
    url,
    test_url: `${url}/test`,
    ping_url: `${url}/pings`,
    deliveries_url: `${url}/deliveries`,
    last_response: lastResponse(hook),
  }
}

/** `unused` until the hook delivered something; then the receiver's last answer. */
function lastResponse(hook: MockWebhook) {
  const last = mockDeliveriesOf(hook.id)[0]
  if (!last) return { code: null, status: 'unused', message: null }
  return { code: last.statusCode, status: 'active', message: statusText(last.statusCode) }
}

/** GitHub's words for a delivery's outcome. */
function statusText(code: number): string {
  return code >= 200 && code < 300 ? 'OK' : `Invalid HTTP Response: ${code}`
}

/** https://docs.github.com/en/rest/repos/webhooks#list-deliveries-for-a-repository-webhook */
function deliveryPayload(repo: DemoRepository, delivery: MockDelivery) {
  return {
    id: delivery.id,
    guid: delivery.guid,
    delivered_at: delivery.deliveredAt.replace(/\.\d{3}Z$/, 'Z'),
    redelivery: false,
    duration: delivery.durationSeconds,
    status: statusText(delivery.statusCode),
    status_code: delivery.statusCode,
    event: delivery.event,
    action: delivery.action,
    installation_id: null,
    repository_id: repo.id,
    throttled_at: null,
  }
}

/**
 * Deliveries newest first, paged by `cursor`: `v1_{id}` names the delivery a page starts from, and
 * the `Link` header's next URL carries the next one (GitHub's cursors are opaque the same way).
 */
function listDeliveries(context: Context, repo: DemoRepository, hook: MockWebhook): Response {
  const url = new URL(context.request.url)
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page')) || 30, 1), 100)
  const deliveries = mockDeliveriesOf(hook.id)
  const cursor = url.searchParams.get('cursor')
  let start = 0
  if (cursor) {
    start = deliveries.findIndex((delivery) => `v1_${delivery.id}` === cursor)
    if (start < 0) {
      return failure(
        context,
        400,
        'Invalid cursor',
        `${HOOK_DOCS}#list-deliveries-for-a-repository-webhook`,
      )
    }
  }
  const slice = deliveries.slice(start, start + perPage)
  const next = deliveries[start + perPage]
  let link: string | null = null
  if (next) {
    url.searchParams.set('cursor', `v1_${next.id}`)
    link = `<${url.toString()}>; rel="next"`
  }
  return jsonWithEtag(
    context,
    slice.map((delivery) => deliveryPayload(repo, delivery)),
    { link },
  )
}

/** What a hook endpoint does: read (list, get, deliveries), write (create) or delete. */
type HookAccess = 'read' | 'write' | 'delete'

/**
 * The classic scopes GitHub accepts per kind of hook request, sent back in
 * `x-accepted-oauth-scopes` to classic tokens: `admin:repo_hook` may do all, `write:repo_hook`
 * read/write/ping, `read:repo_hook` read; `repo` (and `public_repo` on a public repository) covers
 * hooks too (docs "Scopes for OAuth apps"; a create answers `admin:repo_hook, repo,
 * write:repo_hook`, octokit/octokit.js#1541).
 */
const ACCEPTED_SCOPES: Record<HookAccess, string[]> = {
  read: ['admin:repo_hook', 'read:repo_hook', 'repo', 'write:repo_hook'],
  write: ['admin:repo_hook', 'repo', 'write:repo_hook'],
  delete: ['admin:repo_hook', 'repo'],
}

/**
 * The fine-grained permission GitHub names in `x-accepted-github-permissions` ("Webhooks" is
 * `repository_hooks`). GitHub does not list that header in Access-Control-Expose-Headers, so a
 * browser cannot read it; it is sent all the same.
 */
const ACCEPTED_PERMISSION: Record<HookAccess, string> = {
  read: 'repository_hooks=read',
  write: 'repository_hooks=write',
  delete: 'repository_hooks=write',
}

function acceptedScopes(access: HookAccess, repo: DemoRepository | undefined): string {
  const scopes = [...ACCEPTED_SCOPES[access]]
  if (repo && !repo.private) scopes.push('public_repo')
  return scopes.sort().join(', ')
}

/** GitHub's 404, with the accepted scopes a classic token is told about. */
function hookNotFound(
  context: Context,
  docs: string,
  access: HookAccess,
  repo: DemoRepository | undefined,
): Response {
  const response = notFound(context, docs)
  if (hasClassicScopes(context.token)) {
    response.headers.set('x-accepted-oauth-scopes', acceptedScopes(access, repo))
  }
  return response
}

/**
 * A token without hook rights: a classic one (no hook scope) gets the 404 GitHub gives for
 * whatever it hides, naming the scopes it would accept; a fine-grained one that reaches the
 * repository gets 403 "Resource not accessible by personal access token" (GitHub App tokens:
 * "… by integration") naming the permission.
 */
function refuseReadOnly(
  context: Context,
  docs: string,
  access: HookAccess,
  repo: DemoRepository | undefined,
): Response {
  if (hasClassicScopes(context.token) || !repo) return hookNotFound(context, docs, access, repo)
  const message = context.token.startsWith('github_pat_')
    ? 'Resource not accessible by personal access token'
    : 'Resource not accessible by integration'
  const response = failure(context, 403, message, docs)
  response.headers.set('x-accepted-github-permissions', ACCEPTED_PERMISSION[access])
  return response
}

/** Hooks are for repository admins only; everyone else gets a 404, not a 403. */
function withHookAccess(
  docs: string,
  access: HookAccess,
  respond: (context: Context, repo: DemoRepository) => Response | Promise<Response>,
): (context: Context) => Response | Promise<Response> {
  return (context) => {
    const repo = repositoryOf(context)
    if (isReadOnlyToken(context.token)) return refuseReadOnly(context, docs, access, repo)
    if (!repo || !permissionsOf(repo).admin) return hookNotFound(context, docs, access, repo)
    return respond(context, repo)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function validationFailed(context: Context, message: string): Response {
  return failure(context, 422, 'Validation Failed', `${HOOK_DOCS}#create-a-repository-webhook`, {
    errors: [{ resource: 'Hook', code: 'custom', message }],
  })
}

/** https://docs.github.com/en/rest/repos/webhooks#create-a-repository-webhook */
async function createHook(context: Context, repo: DemoRepository): Promise<Response> {
  const body: unknown = await context.request.json().catch(() => null)
  if (!isRecord(body)) {
    return failure(
      context,
      400,
      'Problems parsing JSON',
      `${HOOK_DOCS}#create-a-repository-webhook`,
    )
  }
  const config = isRecord(body.config) ? body.config : {}
  if (body.name !== undefined && body.name !== 'web') {
    return validationFailed(context, `Name must be "web"`)
  }
  if (typeof config.url !== 'string' || !/^https?:\/\//.test(config.url)) {
    return validationFailed(context, 'Config must have a url')
  }
  const fullName = fullNameOf(repo)
  if (mockWebhooksOf('github', fullName).some((hook) => hook.url === config.url)) {
    return validationFailed(context, 'Hook already exists on this repository')
  }
  const events = Array.isArray(body.events)
    ? body.events.filter((event): event is string => typeof event === 'string')
    : ['push']
  const stored = addMockWebhook({
    provider: 'github',
    repository: fullName,
    url: config.url,
    events,
    secret: typeof config.secret === 'string' && config.secret !== '' ? config.secret : null,
    active: body.active !== false,
    extra: {
      content_type: config.content_type === 'json' ? 'json' : 'form',
      insecure_ssl: config.insecure_ssl === '1' || config.insecure_ssl === 1 ? '1' : '0',
    },
  })
  if (stored.active) {
    // GitHub pings a new hook right away:
    // https://docs.github.com/en/webhooks/webhook-events-and-payloads#ping
    addMockDelivery({
      hookId: stored.id,
      guid: demoGuid('ping', stored.id),
      event: 'ping',
      action: null,
      payload: {
        zen: 'Keep it logically awesome.',
        hook_id: stored.id,
        repository: { id: repo.id, full_name: fullName },
      },
    })
  }
  const payload = hookPayload(context.site, stored)
  const headers = githubHeaders(context.site, context.token)
  headers.set('location', payload.url)
  return HttpResponse.json(payload, { status: 201, headers })
}

function hookOf(context: Context, repo: DemoRepository): MockWebhook | undefined {
  const hook = mockState.webhooks.get(Number(context.params.hookId))
  return hook?.provider === 'github' && hook.repository === fullNameOf(repo) ? hook : undefined
}

export const webhookHandlers: RequestHandler[] = [
  // https://docs.github.com/en/rest/repos/webhooks#list-repository-webhooks
  ...route(
    'get',
    '/repos/:owner/:repo/hooks',
    withHookAccess(`${HOOK_DOCS}#list-repository-webhooks`, 'read', (context, repo) => {
      const hooks = mockWebhooksOf('github', fullNameOf(repo)).map((hook) =>
        hookPayload(context.site, hook),
      )
      const { slice, link } = paginate(context.request, hooks)
      return jsonWithEtag(context, slice, { link })
    }),
  ),
  ...route(
    'post',
    '/repos/:owner/:repo/hooks',
    withHookAccess(`${HOOK_DOCS}#create-a-repository-webhook`, 'write', createHook),
  ),
  // https://docs.github.com/en/rest/repos/webhooks#get-a-repository-webhook
  ...route(
    'get',
    '/repos/:owner/:repo/hooks/:hookId',
    withHookAccess(`${HOOK_DOCS}#get-a-repository-webhook`, 'read', (context, repo) => {
      const hook = hookOf(context, repo)
      if (!hook) return notFound(context, `${HOOK_DOCS}#get-a-repository-webhook`)
      return jsonWithEtag(context, hookPayload(context.site, hook))
    }),
  ),
  // https://docs.github.com/en/rest/repos/webhooks#list-deliveries-for-a-repository-webhook
  ...route(
    'get',
    '/repos/:owner/:repo/hooks/:hookId/deliveries',
    withHookAccess(
      `${HOOK_DOCS}#list-deliveries-for-a-repository-webhook`,
      'read',
      (context, repo) => {
        const hook = hookOf(context, repo)
        if (!hook) return notFound(context, `${HOOK_DOCS}#list-deliveries-for-a-repository-webhook`)
        return listDeliveries(context, repo, hook)
      },
    ),
  ),
  // https://docs.github.com/en/rest/repos/webhooks#delete-a-repository-webhook
  ...route(
    'delete',
    '/repos/:owner/:repo/hooks/:hookId',
    withHookAccess(`${HOOK_DOCS}#delete-a-repository-webhook`, 'delete', (context, repo) => {
      const hook = hookOf(context, repo)
      if (!hook) return notFound(context, `${HOOK_DOCS}#delete-a-repository-webhook`)
      mockState.webhooks.delete(hook.id)
      return new HttpResponse(null, {
        status: 204,
        headers: githubHeaders(context.site, context.token),
      })
    }),
  ),
]
