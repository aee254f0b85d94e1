/**
 * Repository webhooks (`/repositories/{workspace}/{slug}/hooks`); managing them needs repository
 * admin. Bitbucket signs deliveries with the secret (HMAC-SHA256 in `X-Hub-Signature`) and never
 * echoes it back.
 */
import type { RepoRef, Webhook, WebhookInput } from '../types.ts'
import { repositoryPath } from './client.ts'
import type { BitbucketContext } from './context.ts'
import { linkedPage, type LinkedPage } from './paging.ts'
import { BitbucketHook, page } from './schemas.ts'

const MAX_PAGES = 10

function toWebhook(hook: BitbucketHook): Webhook {
  return {
    // The uuid keeps its braces (`{…}`): it is the id Bitbucket takes back on delete.
    id: hook.uuid,
    url: hook.url,
    events: hook.events,
    active: hook.active ?? true,
    createdAt: hook.created_at ?? null,
  }
}

export async function listWebhooks(
  context: BitbucketContext,
  repo: RepoRef,
  signal?: AbortSignal,
): Promise<Webhook[]> {
  const api = context.api()
  const hooks: Webhook[] = []
  let cursor: string | null = null
  for (let pages = 0; pages === 0 || (cursor !== null && pages < MAX_PAGES); pages++) {
    const result: LinkedPage<BitbucketHook> = await linkedPage(api, {
      path: `${repositoryPath(repo)}/hooks`,
      query: { pagelen: 100 },
      cursor,
      validate: (v) => page(BitbucketHook).parse(v),
      signal,
    })
    hooks.push(...result.values.map(toWebhook))
    cursor = result.nextCursor
  }
  return hooks
}

export async function createWebhook(
  context: BitbucketContext,
  repo: RepoRef,
  input: WebhookInput,
  signal?: AbortSignal,
): Promise<Webhook> {
  // The secret joins the strings that must never reach an error message.
  const { data } = await context.api([input.secret]).request(`${repositoryPath(repo)}/hooks`, {
    method: 'POST',
    body: {
      description: 'Git Connector release webhook',
      url: input.url,
      active: true,
      secret: input.secret,
      // Bitbucket has no tag event: a new tag arrives as `repo:push` with a change whose
      // `new.type` is "tag" (research §3.3), so the receiver filters pushes.
      events: ['repo:push'],
    },
    validate: (v) => BitbucketHook.parse(v),
    signal,
  })
  return toWebhook(data)
}

export async function deleteWebhook(
  context: BitbucketContext,
  repo: RepoRef,
  webhookId: string,
  signal?: AbortSignal,
): Promise<void> {
  await context.api().request(`${repositoryPath(repo)}/hooks/${encodeURIComponent(webhookId)}`, {
    method: 'DELETE',
    validate: () => null,
    signal,
  })
}
