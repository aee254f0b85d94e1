/**
 * Webhooks are service-hook subscriptions (`_apis/hooks/subscriptions`): publisher `tfs`, event
 * `git.push` (tags arrive as pushes of `refs/tags/…`; there is no tag event), consumer `webHooks`.
 * Azure does not sign deliveries, so the shared secret travels as a request header the receiver
 * checks. It is sent once, masked in what Azure returns, and kept out of every error message.
 */
import type { RepoRef, Webhook, WebhookInput } from '../types.ts'
import { lookupRepository, type AzureContext } from './context.ts'
import { list, Subscription } from './schemas.ts'

export const SECRET_HEADER = 'X-Git-Connector-Secret'

function toWebhook(subscription: Subscription): Webhook {
  return {
    id: subscription.id,
    url: subscription.consumerInputs?.url ?? '',
    events: [subscription.eventType],
    active: subscription.status === 'enabled',
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
