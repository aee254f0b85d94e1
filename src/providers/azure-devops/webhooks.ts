/**
 * Webhooks are service-hook subscriptions (`_apis/hooks/subscriptions`): publisher `tfs`, event
 * `git.push` (tags arrive as pushes of `refs/tags/…`; there is no tag event), consumer `webHooks`.
 * Azure does not sign deliveries, so the shared secret travels as a request header the receiver
 * checks. It is sent once, masked in what Azure returns, and kept out of every error message.
 */
import { skippedPart } from '../parse-items.ts'
import { z } from 'zod'
import { decodeCursor, encodeCursor } from '../cursor.ts'
import type {
  Page,
  PageRequest,
  RepoRef,
  Webhook,
  WebhookDelivery,
  WebhookInput,
} from '../types.ts'
import { lookupRepository, type AzureContext } from './context.ts'
import { HookNotification, list, Subscription } from './schemas.ts'

export const SECRET_HEADER = 'X-Git-Connector-Secret'

function toWebhook(subscription: Subscription): Webhook {
  return {
    id: subscription.id,
    url: subscription.consumerInputs?.url ?? '',
    events: [subscription.eventType],
    // No status is the default one, enabled (see the schema).
    active: (subscription.status ?? 'enabled') === 'enabled',
    createdAt: subscription.createdDate ?? null,
  }
}

/** Subscriptions of the collection, narrowed to webhooks on this repository. */
export async function listWebhooks(
  context: AzureContext,
  repo: RepoRef,
  signal?: AbortSignal,
): Promise<Webhook[]> {
  const { data } = await context.send('_apis/hooks/subscriptions', {
    validate: (v) => list(Subscription).parse(v),
    query: { publisherId: 'tfs' },
    signal,
  })
  // Subscriptions of the whole collection come back; one that cannot be read (another team's
  // consumer, a new shape) is skipped and must not stop anyone setting up a webhook here.
  return data.value
    .filter(
      (subscription) =>
        subscription.publisherInputs?.repository === repo.id &&
        subscription.consumerInputs?.url !== undefined,
    )
    .map(toWebhook)
}

export async function createWebhook(
  context: AzureContext,
  repoRef: RepoRef,
  input: WebhookInput,
  signal?: AbortSignal,
): Promise<Webhook> {
  const repo = await lookupRepository(context, repoRef.id, signal)
  const { data } = await context.send(
    '_apis/hooks/subscriptions',
    {
      method: 'POST',
      body: {
        publisherId: 'tfs',
        eventType: 'git.push',
        resourceVersion: '1.0',
        consumerId: 'webHooks',
        consumerActionId: 'httpRequest',
        // An empty branch means every ref, tags included.
        publisherInputs: { projectId: repo.project.id, repository: repo.id, branch: '' },
        consumerInputs: { url: input.url, httpHeaders: `${SECRET_HEADER}:${input.secret}` },
      },
      validate: (v) => Subscription.parse(v),
      signal,
    },
    [input.secret],
  )
  return toWebhook(data)
}

export async function deleteWebhook(
  context: AzureContext,
  _repo: RepoRef,
  webhookId: string,
  signal?: AbortSignal,
): Promise<void> {
  await context.send(`_apis/hooks/subscriptions/${encodeURIComponent(webhookId)}`, {
    method: 'DELETE',
    validate: () => null,
    signal,
  })
}

/** What the notifications list returns at most; it has no paging of its own. */
const MAX_NOTIFICATIONS = 100
const DEFAULT_PAGE = 30
const OffsetCursor = z.object({ o: z.number().int().nonnegative() })

/**
 * The consumer's HTTP status, read from the response text Azure records. Its exact layout is not
 * documented: both `Status Code: 200` and an `HTTP/1.1 200 OK` status line are understood.
 */
export function responseStatus(response: string | null | undefined): number | null {
  if (!response) return null
  const match =
    /status code:\s*(\d{3})/i.exec(response) ?? /HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(response)
  return match?.[1] ? Number(match[1]) : null
}

function toDelivery(notification: HookNotification): WebhookDelivery {
  const { details } = notification
  const statusCode = responseStatus(details?.response)
  return {
    id: String(notification.id),
    // The list carries the details Azure kept; a subscription of this app is always git.push.
    event: details?.eventType ?? 'git.push',
    action: null,
    deliveredAt: details?.completedDate ?? notification.createdDate,
    statusCode,
    ok: notification.result === 'succeeded',
    durationSeconds: details?.requestDuration ?? null,
  }
}

/**
 * A subscription's notifications (`_apis/hooks/subscriptions/{id}/notifications`), newest first.
 * The endpoint returns up to `maxResults` and cannot skip, so the most recent 100 are read and
 * paged here. Filtered notifications (the event did not match) never reached the receiver and are
 * left out.
 */
export async function listWebhookDeliveries(
  context: AzureContext,
  _repo: RepoRef,
  webhookId: string,
  query: PageRequest,
): Promise<Page<WebhookDelivery>> {
  const offset = decodeCursor(query.cursor, OffsetCursor)?.o ?? 0
  const size = Math.min(Math.max(Math.floor(query.pageSize ?? DEFAULT_PAGE), 1), MAX_NOTIFICATIONS)
  const { data } = await context.send(
    `_apis/hooks/subscriptions/${encodeURIComponent(webhookId)}/notifications`,
    {
      validate: (v) => list(HookNotification).parse(v),
      query: { maxResults: MAX_NOTIFICATIONS },
      signal: query.signal,
    },
  )
  const deliveries = data.value
    .filter((notification) => notification.result !== 'filtered')
    .map(toDelivery)
    .sort(
      (a, b) =>
        Date.parse(b.deliveredAt ?? '') - Date.parse(a.deliveredAt ?? '') ||
        Number(b.id) - Number(a.id),
    )
  const end = offset + size
  return {
    items: deliveries.slice(offset, end),
    nextCursor: end < deliveries.length ? encodeCursor({ o: end }) : null,
    // At the limit, older notifications may exist that the endpoint did not return.
    totalCount: data.value.length + data.skipped < MAX_NOTIFICATIONS ? deliveries.length : null,
    // The unreadable ones are counted once, with the first page.
    ...skippedPart(offset === 0 ? data.skipped : 0),
  }
}
