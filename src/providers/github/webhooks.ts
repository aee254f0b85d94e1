/**
 * Repository webhooks for release sources, and what GitHub recorded of their deliveries.
 * https://docs.github.com/en/rest/repos/webhooks
 * https://docs.github.com/en/rest/repos/webhooks#list-deliveries-for-a-repository-webhook
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#release and #create
 */
import { skippedPart } from '../parse-items.ts'
import { ProviderError, isProviderError } from '../errors.ts'
import type {
  Page,
  PageRequest,
  RepoRef,
  Webhook,
  WebhookDelivery,
  WebhookInput,
} from '../types.ts'
import { repoPath, toWebhook, toWebhookDelivery } from './mappers.ts'
import { clampPageSize, collectPages, parseLinkHeader } from './paging.ts'
import type { RepositoryApi } from './repositories.ts'
import { GitHubHook, GitHubHookDeliveries, GitHubHooks, parserFor } from './schemas.ts'
import type { GitHubSession, Resource } from './session.ts'

const hooksResource: Resource<GitHubHooks> = {
  name: 'hooks',
  parse: parserFor(GitHubHooks, 'a webhook list'),
}
const deliveriesResource: Resource<GitHubHookDeliveries> = {
  name: 'deliveries',
  parse: parserFor(GitHubHookDeliveries, 'a webhook delivery list'),
}
const parseHook = parserFor(GitHubHook, 'a webhook')

/**
 * `release` fires when a release is published (and created, edited, pre-released…; the receiver
 * reads `action`), `create` when a tag (or a branch: `ref_type` tells) is created. Together they
 * mean "a release or a tag appeared". `push` would say the same about tags but also fires on every
 * commit pushed to every branch: far too noisy for a release source.
 */
export const GITHUB_RELEASE_EVENTS = ['release', 'create']

/** GitHub answers 404, not 403, when the token may not manage a repository's hooks. */
export const HOOKS_NOT_ALLOWED_DETAIL =
  'GitHub hides webhooks from tokens that may not manage them (it answers 404): the token needs ' +
  'admin rights on the repository and the admin:repo_hook (or repo) scope, or for a ' +
  'fine-grained token the Webhooks: read and write permission. Enter such a token on the ' +
  'connection, then try again.'

export interface WebhookApi {
  listWebhooks(repo: RepoRef, signal?: AbortSignal): Promise<Webhook[]>
  createWebhook(repo: RepoRef, input: WebhookInput, signal?: AbortSignal): Promise<Webhook>
  deleteWebhook(repo: RepoRef, webhookId: string, signal?: AbortSignal): Promise<void>
  listWebhookDeliveries(
    repo: RepoRef,
    webhookId: string,
    query: PageRequest,
  ): Promise<Page<WebhookDelivery>>
}

/**
 * GitHub pages deliveries by cursor, not by page number: the `Link` header's next URL carries a
 * `cursor` parameter (the delivery the next page starts from), which is handed out as it is.
 */
function deliveryCursor(link: string | null): string | null {
  const next = parseLinkHeader(link).next
  if (next === undefined) return null
  try {
    return new URL(next, 'https://api.github.com').searchParams.get('cursor') || null
  } catch {
    return null
  }
}

/** Cursors are GitHub's own (`v1_…`); anything else was not made by this adapter. */
const CURSOR_PATTERN = /^[\w.=-]{1,200}$/

export function createWebhookApi(session: GitHubSession, repositories: RepositoryApi): WebhookApi {
  /**
   * A 404 from a hooks endpoint on a repository that exists means missing rights, unless it is a
   * delete or a deliveries list by a repository admin: then the hook itself is gone.
   */
  async function explainNotFound(
    error: unknown,
    repo: RepoRef,
    action: 'list' | 'create' | 'delete' | 'deliveries',
    signal?: AbortSignal,
  ): Promise<unknown> {
    if (!isProviderError(error) || error.kind !== 'not-found') return error
    let admin: boolean | undefined
    try {
      admin = (await repositories.readRepository(repo, signal)).permissions?.admin
    } catch (lookup) {
      // The repository itself is missing (or another failure): that is the better answer.
      return lookup
    }
    if ((action === 'delete' || action === 'deliveries') && admin === true) {
      return new ProviderError('not-found', 'GitHub has no such webhook.', {
        ...error.options(),
        reason: 'hook-not-found',
      })
    }
    return new ProviderError('forbidden', 'The token is not allowed to manage webhooks here.', {
      status: 404,
      subject: 'token',
      reason: 'missing-scope',
      hint: HOOKS_NOT_ALLOWED_DETAIL,
      ...(error.providerMessage === undefined ? {} : { providerMessage: error.providerMessage }),
    })
  }

  async function listWebhooks(repo: RepoRef, signal?: AbortSignal): Promise<Webhook[]> {
    const path = repoPath(repo)
    try {
      const { items } = await collectPages(async (position) => {
        const { value, link } = await session.getPage(
          'GET /repos/{owner}/{repo}/hooks',
          { ...path, per_page: position.perPage, page: position.page },
          hooksResource,
          signal,
        )
        // A hook that cannot be read is left out; the others are still listed.
        return { value: value.items, link }
      })
      return items.map(toWebhook)
    } catch (error) {
      throw await explainNotFound(error, repo, 'list', signal)
    }
  }

  async function createWebhook(
    repo: RepoRef,
    input: WebhookInput,
    signal?: AbortSignal,
  ): Promise<Webhook> {
    let data: unknown
    try {
      data = await session.send(
        'POST /repos/{owner}/{repo}/hooks',
        {
          ...repoPath(repo),
          name: 'web',
          active: true,
          events: GITHUB_RELEASE_EVENTS,
          config: { url: input.url, content_type: 'json', secret: input.secret, insecure_ssl: '0' },
        },
        signal,
      )
    } catch (error) {
      throw await explainNotFound(error, repo, 'create', signal)
    }
    return toWebhook(parseHook(data))
  }

  async function deleteWebhook(
    repo: RepoRef,
    webhookId: string,
    signal?: AbortSignal,
  ): Promise<void> {
    if (!/^\d+$/.test(webhookId)) {
      throw new ProviderError('not-found', 'GitHub has no such webhook.')
    }
    try {
      await session.send(
        'DELETE /repos/{owner}/{repo}/hooks/{hook_id}',
        { ...repoPath(repo), hook_id: Number(webhookId) },
        signal,
      )
    } catch (error) {
      throw await explainNotFound(error, repo, 'delete', signal)
    }
  }

  /** GitHub lists deliveries newest first, and only recent ones (it keeps a few days). */
  async function listWebhookDeliveries(
    repo: RepoRef,
    webhookId: string,
    query: PageRequest,
  ): Promise<Page<WebhookDelivery>> {
    const { cursor, signal } = query
    if (!/^\d+$/.test(webhookId)) {
      throw new ProviderError('not-found', 'GitHub has no such webhook.')
    }
    if (cursor && !CURSOR_PATTERN.test(cursor)) {
      throw new ProviderError(
        'invalid-response',
        'The page cursor was not made by this connection.',
      )
    }
    try {
      const { value, link } = await session.getPage(
        'GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries',
        {
          ...repoPath(repo),
          hook_id: Number(webhookId),
          per_page: clampPageSize(query.pageSize),
          cursor: cursor || undefined,
        },
        deliveriesResource,
        signal,
      )
      return {
        items: value.items.map(toWebhookDelivery),
        nextCursor: deliveryCursor(link),
        totalCount: null,
        ...skippedPart(value.skipped),
      }
    } catch (error) {
      throw await explainNotFound(error, repo, 'deliveries', signal)
    }
  }

  return { listWebhooks, createWebhook, deleteWebhook, listWebhookDeliveries }
}
