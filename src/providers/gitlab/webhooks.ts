/**
 * Project webhooks (https://docs.gitlab.com/api/project_webhooks/). A release webhook listens to
 * tag pushes and releases only; `push_events` defaults to true and is turned off. The secret goes
 * in `token`, which GitLab sends back to the receiver as `X-Gitlab-Token` and never shows again.
 * Managing hooks needs the Maintainer role and a token with the `api` scope.
 */
import { z } from 'zod'
import { ProviderError, isProviderError } from '../errors.ts'
import type { RepoRef, Webhook, WebhookInput } from '../types.ts'
import {
  gitlabJson,
  gitlabRequest,
  projectPath,
  segment,
  type GitLabApi,
  type GitLabResponse,
} from './client.ts'
import { MAX_PER_PAGE, nextPage } from './pagination.ts'
import { GitLabHook } from './schemas.ts'

export const HOOKS_FORBIDDEN_DETAIL =
  'Managing webhooks on GitLab needs the Maintainer (or Owner) role on the project and a token ' +
  'with the api scope.'

export async function listWebhooks(
  api: GitLabApi,
  repo: RepoRef,
  signal?: AbortSignal,
): Promise<Webhook[]> {
  const hooks: Webhook[] = []
  // Projects rarely have more than a few hooks; follow the pages anyway, up to a sane bound.
  let page: number | null = 1
  for (let count = 0; page !== null && count < 10; count++) {
    const response: GitLabResponse<GitLabHook[]> = await explainForbidden(
      gitlabJson(api, `${projectPath(repo)}/hooks`, z.array(GitLabHook), {
        query: { per_page: MAX_PER_PAGE, page },
        signal,
      }),
    )
    const { data, headers } = response
    hooks.push(...data.map(toWebhook))
    page = data.length === 0 ? null : nextPage(headers)
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
      ...(error.status === undefined ? {} : { status: error.status }),
      subject: 'token',
      detail: error.detail
        ? `${HOOKS_FORBIDDEN_DETAIL} (GitLab: ${error.detail})`
        : HOOKS_FORBIDDEN_DETAIL,
    })
  }
}
