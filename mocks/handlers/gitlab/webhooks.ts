/** Webhooks and their events (https://docs.gitlab.com/api/project_webhooks/) */
import { http, HttpResponse, type RequestHandler } from 'msw'
import type { DemoRepository } from '../../data/catalog.ts'
import {
  addMockWebhook,
  mockDeliveriesOf,
  mockState,
  mockWebhooksOf,
  type MockDelivery,
  type MockWebhook,
} from '../../state.ts'
import { API, json, needsApiScope, notFound, param, time, type Context } from './context.ts'
import { gitlabHeaders } from './headers.ts'
import { pageOf } from './pagination.ts'
import { withProject } from './projects.ts'

/** The event flags GitLab's hooks carry, and their defaults when a create leaves them out. */
const HOOK_EVENTS: Record<string, boolean> = {
  push_events: true,
  issues_events: false,
  confidential_issues_events: false,
  merge_requests_events: false,
  tag_push_events: false,
  note_events: false,
  confidential_note_events: false,
  job_events: false,
  pipeline_events: false,
  wiki_page_events: false,
  deployment_events: false,
  feature_flag_events: false,
  releases_events: false,
  milestone_events: false,
  emoji_events: false,
  resource_access_token_events: false,
  repository_update_events: false,
}

/** The hook as GitLab shows it: every flag, and never the token. */
function hookPayload(hook: MockWebhook) {
  const flags = Object.fromEntries(
    Object.keys(HOOK_EVENTS).map((name) => [name, hook.events.includes(name)]),
  )
  return {
    id: hook.id,
    url: hook.url,
    name: null,
    description: null,
    project_id: Number(hook.repository),
    ...flags,
    push_events_branch_filter: '',
    branch_filter_strategy: 'wildcard',
    enable_ssl_verification: hook.extra.enable_ssl_verification !== false,
    alert_status: hook.active ? 'executable' : 'disabled',
    disabled_until: null,
    url_variables: [],
    custom_webhook_template: null,
    custom_headers: [],
    created_at: time(hook.createdAt),
  }
}

/** The `X-Gitlab-Event` header GitLab sends for each hook trigger. */
const EVENT_HEADERS: Record<string, string> = {
  push_hooks: 'Push Hook',
  tag_push_hooks: 'Tag Push Hook',
  release_hooks: 'Release Hook',
}

/**
 * One webhook event as `GET /projects/:id/hooks/:hook_id/events` shows it (GitLab 17.2+): the
 * request with its token redacted, and the receiver's answer. `response_status` is a string.
 */
function eventPayload(hook: MockWebhook, delivery: MockDelivery) {
  return {
    id: delivery.id,
    url: hook.url,
    trigger: delivery.event,
    request_headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'GitLab/18.6.0',
      'X-Gitlab-Event': EVENT_HEADERS[delivery.event] ?? 'System Hook',
      'X-Gitlab-Webhook-UUID': delivery.guid,
      'X-Gitlab-Event-UUID': delivery.guid,
      'Idempotency-Key': delivery.guid,
      ...(hook.secret ? { 'X-Gitlab-Token': '[REDACTED]' } : {}),
    },
    request_data: delivery.payload,
    response_headers: { 'Content-Type': 'application/json' },
    response_body: '{"ok":true}',
    execution_duration: delivery.durationSeconds,
    response_status: String(delivery.statusCode),
    created_at: time(delivery.deliveredAt),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

async function createHook(context: Context, repo: DemoRepository): Promise<Response> {
  const { request } = context
  let body: unknown
  try {
    body = await request.json()
  } catch {
    body = {}
  }
  const input = isRecord(body) ? body : {}
  if (typeof input.url !== 'string' || input.url === '') {
    return json(request, { error: 'url is missing' }, { status: 400 })
  }
  if (!/^https?:\/\/[^\s/]+/i.test(input.url)) {
    return json(
      request,
      { message: { url: ['is blocked: Only allowed schemes are http, https'] } },
      { status: 422 },
    )
  }
  const events = Object.entries(HOOK_EVENTS)
    .filter(([name, fallback]) => (typeof input[name] === 'boolean' ? input[name] : fallback))
    .map(([name]) => name)
  const hook = addMockWebhook({
    provider: 'gitlab',
    repository: String(repo.id),
    url: input.url,
    events,
    secret: typeof input.token === 'string' ? input.token : null,
    active: true,
    extra: { enable_ssl_verification: input.enable_ssl_verification !== false },
  })
  return json(request, hookPayload(hook), { status: 201 })
}

export const webhookHandlers: RequestHandler[] = [
  // https://docs.gitlab.com/api/project_webhooks/
  http.get(
    `${API}/projects/:id/hooks`,
    withProject(({ request, url }, repo) =>
      pageOf(request, url, mockWebhooksOf('gitlab', String(repo.id)), hookPayload),
    ),
  ),
  http.get(
    `${API}/projects/:id/hooks/:hookId`,
    withProject(({ request, params }, repo) => {
      const hook = mockState.webhooks.get(Number(param(params, 'hookId')))
      if (!hook || hook.provider !== 'gitlab' || hook.repository !== String(repo.id)) {
        return notFound(request, 'Hook')
      }
      return json(request, hookPayload(hook))
    }),
  ),
  http.get(
    `${API}/projects/:id/hooks/:hookId/events`,
    withProject(({ request, url, params }, repo) => {
      const hook = mockState.webhooks.get(Number(param(params, 'hookId')))
      if (!hook || hook.provider !== 'gitlab' || hook.repository !== String(repo.id)) {
        return notFound(request, 'Hook')
      }
      return pageOf(request, url, mockDeliveriesOf(hook.id), (delivery) =>
        eventPayload(hook, delivery),
      )
    }),
  ),
  // Writes need the `api` scope; reads are fine with `read_api`.
  http.post(`${API}/projects/:id/hooks`, needsApiScope(withProject(createHook))),
  http.delete(
    `${API}/projects/:id/hooks/:hookId`,
    needsApiScope(
      withProject(({ request, params }, repo) => {
        const id = Number(param(params, 'hookId'))
        const hook = mockState.webhooks.get(id)
        if (!hook || hook.provider !== 'gitlab' || hook.repository !== String(repo.id)) {
          return notFound(request, 'Hook')
        }
        mockState.webhooks.delete(id)
        return new HttpResponse(null, { status: 204, headers: gitlabHeaders(request) })
      }),
    ),
  ),
]
