/**
 * Project webhooks (https://docs.gitlab.com/api/project_webhooks/). A release webhook listens to
 * tag pushes and releases only; `push_events` defaults to true and is turned off. The secret goes
 * in `token`, which GitLab sends back to the receiver as `X-Gitlab-Token` and never shows again.
 * Managing hooks needs the Maintainer role and a token with the `api` scope.
 */
import { ProviderError, isProviderError } from '../errors.ts'
import type {
  Page,
  PageRequest,
  RepoRef,
  Webhook,
  WebhookDelivery,
  WebhookInput,
} from '../types.ts'
import {
  gitlabJson,
  gitlabRequest,
  projectPath,
  segment,
  type GitLabApi,
  type GitLabResponse,
} from './client.ts'
import { MAX_PER_PAGE, nextPage, pageQuery, toPage } from './pagination.ts'
import { itemsOf, type ParsedItems } from '../parse-items.ts'
import { GitLabHook, GitLabHookEvent } from './schemas.ts'

export const HOOKS_FORBIDDEN_DETAIL =
  'Managing webhooks on GitLab needs the Maintainer (or Owner) role on the project and a token ' +
  'with the api scope: enter such a token on the connection, then try again.'

export async function listWebhooks(
  api: GitLabApi,
  repo: RepoRef,
  signal?: AbortSignal,
): Promise<Webhook[]> {
  const hooks: Webhook[] = []
  // Projects rarely have more than a few hooks; follow the pages anyway, up to a sane bound.
  let page: number | null = 1
  for (let count = 0; page !== null && count < 10; count++) {
    const response: GitLabResponse<ParsedItems<GitLabHook>> = await explainForbidden(
      gitlabJson(api, `${projectPath(repo)}/hooks`, itemsOf(GitLabHook), {
        query: { per_page: MAX_PER_PAGE, page },
        signal,
      }),
    )
    const { data, headers } = response
    hooks.push(...data.items.map(toWebhook))
    page = data.items.length + data.skipped === 0 ? null : nextPage(headers)
  }
  return hooks
}

export async function createWebhook(
  api: GitLabApi,
  repo: RepoRef,
  input: WebhookInput,
  signal?: AbortSignal,
): Promise<Webhook> {
  const { data } = await explainForbidden(
    gitlabJson(api, `${projectPath(repo)}/hooks`, GitLabHook, {
      method: 'POST',
      body: {
        url: input.url,
        token: input.secret,
        push_events: false,
        tag_push_events: true,
        releases_events: true,
        enable_ssl_verification: true,
      },
      signal,
    }),
  )
  return toWebhook(data)
}

export async function deleteWebhook(
  api: GitLabApi,
  repo: RepoRef,
  webhookId: string,
  signal?: AbortSignal,
): Promise<void> {
  await explainForbidden(
    gitlabRequest(api, `${projectPath(repo)}/hooks/${segment(webhookId)}`, {
      method: 'DELETE',
      signal,
    }),
  )
}

export const HOOK_EVENTS_MISSING_DETAIL =
  "GitLab lists a webhook's events from version 17.2 on; an older self-managed GitLab answers " +
  '404 here, as it does for a webhook that no longer exists.'

/**
 * The events GitLab recorded for a hook over the last 7 days, newest first (its finder orders
 * by `created_at` descending), paged like every GitLab list.
 */
export async function listWebhookDeliveries(
  api: GitLabApi,
  repo: RepoRef,
  webhookId: string,
  query: PageRequest,
): Promise<Page<WebhookDelivery>> {
  const path = `${projectPath(repo)}/hooks/${segment(webhookId)}/events`
  try {
    const { data, headers } = await explainForbidden(
      gitlabJson(api, path, itemsOf(GitLabHookEvent), {
        query: pageQuery(query),
        signal: query.signal,
      }),
    )
    return toPage(data.items.map(toWebhookDelivery), headers, { skipped: data.skipped })
  } catch (error) {
    if (!isProviderError(error) || error.kind !== 'not-found') throw error
    throw new ProviderError('not-found', error.message, {
      ...error.options(),
      hint: HOOK_EVENTS_MISSING_DETAIL,
    })
  }
}

/** `"200"` → 200; GitLab's words for "no answer" (`"internal error"`) → null. */
function statusCodeOf(status: string | number | null | undefined): number | null {
  const code = typeof status === 'number' ? status : Number(status ?? '')
  return Number.isInteger(code) && code >= 100 && code <= 599 ? code : null
}

/**
 * `trigger` is GitLab's name for the hook kind (`tag_push_hooks`, `release_hooks`…). Release
 * payloads carry an `action` (`create`, `update`, `delete`); tag pushes have none.
 */
function toWebhookDelivery(event: GitLabHookEvent): WebhookDelivery {
  const statusCode = statusCodeOf(event.response_status)
  const data = event.request_data
  const action =
    typeof data === 'object' && data !== null && 'action' in data && typeof data.action === 'string'
      ? data.action
      : null
  return {
    id: String(event.id),
    event: event.trigger,
    action,
    deliveredAt: event.created_at,
    statusCode,
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
    durationSeconds: event.execution_duration ?? null,
  }
}

/** The enabled `…_events` flags, in GitLab's order, e.g. `['tag_push_events', 'releases_events']`. */
function toWebhook(hook: GitLabHook): Webhook {
  const events = Object.entries(hook)
    .filter(([key, value]) => key.endsWith('_events') && value === true)
    .map(([key]) => key)
  // `alert_status` is `executable` unless GitLab disabled the hook after failed deliveries.
  const status = hook.alert_status
  return {
    id: String(hook.id),
    url: hook.url,
    events,
    active: !status || status === 'executable',
    createdAt: hook.created_at || null,
  }
}

/** A 403 here nearly always means the role or the scope: say which is needed. */
async function explainForbidden<T>(call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (error) {
    if (!isProviderError(error) || error.kind !== 'forbidden') throw error
    throw new ProviderError('forbidden', error.message, {
      ...error.options(),
      subject: 'token',
      reason: 'missing-scope',
      hint: HOOKS_FORBIDDEN_DETAIL,
    })
  }
}
