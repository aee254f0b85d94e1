/** Service-hook subscriptions: list, create and delete. */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  azureDemoRepositories,
  azureGuid,
  azureRepositoryId,
  azureServerDemoUser,
  azureServicesDemoUser,
} from '../../data/azure-devops.ts'
import {
  addMockWebhook,
  mockDeliveriesOf,
  mockState,
  type MockDelivery,
  type MockWebhook,
} from '../../state.ts'
import { azureError, notFound } from './errors.ts'
import { guarded } from './guard.ts'
import { projectOf } from './projects.ts'
import type { Site } from './site.ts'

/** The subscription's secret header, masked the way Azure masks confidential inputs. */
function maskedConsumerInputs(stored: MockWebhook) {
  const inputs = (stored.extra.consumerInputs ?? {}) as Record<string, string>
  return {
    ...inputs,
    ...(inputs.httpHeaders === undefined ? {} : { httpHeaders: '********' }),
  }
}

function subscription(site: Site, stored: MockWebhook) {
  const id = String(stored.extra.subscriptionId)
  const user = site.server ? azureServerDemoUser : azureServicesDemoUser
  const by = { displayName: user.providerDisplayName, id: user.id }
  return {
    id,
    url: `${site.base}/_apis/hooks/subscriptions/${id}`,
    status: stored.active ? 'enabled' : 'disabledByUser',
    publisherId: stored.extra.publisherId,
    eventType: stored.events[0],
    resourceVersion: stored.extra.resourceVersion,
    eventDescription: `Any push to repository ${String(stored.extra.repositoryName)}`,
    consumerId: stored.extra.consumerId,
    consumerActionId: stored.extra.consumerActionId,
    actionDescription: `To host ${new URL(stored.url).host}`,
    createdBy: by,
    createdDate: stored.createdAt,
    modifiedBy: by,
    modifiedDate: stored.createdAt,
    publisherInputs: stored.extra.publisherInputs,
    consumerInputs: maskedConsumerInputs(stored),
  }
}

function lines(...parts: string[]): string {
  return parts.join('\r\n')
}

/**
 * A service-hook Notification with its details: the request sent to the consumer and the answer,
 * recorded as text. The layout of `response` is not documented; this is the one Azure's history
 * view shows (status code, reason phrase, HTTP version, headers, content).
 */
function notification(site: Site, stored: MockWebhook, delivery: MockDelivery) {
  const user = site.server ? azureServerDemoUser : azureServicesDemoUser
  const sent = delivery.deliveredAt
  const done = new Date(
    Date.parse(sent) + Math.round(delivery.durationSeconds * 1000),
  ).toISOString()
  return {
    id: delivery.id,
    subscriptionId: String(stored.extra.subscriptionId),
    eventId: delivery.guid,
    subscriberId: user.id,
    status: 'completed',
    result: delivery.statusCode >= 200 && delivery.statusCode < 300 ? 'succeeded' : 'failed',
    createdDate: sent,
    modifiedDate: done,
    details: {
      publisherId: stored.extra.publisherId,
      eventType: delivery.event,
      consumerId: stored.extra.consumerId,
      consumerActionId: stored.extra.consumerActionId,
      publisherInputs: stored.extra.publisherInputs,
      consumerInputs: maskedConsumerInputs(stored),
      queuedDate: sent,
      dequeuedDate: sent,
      processedDate: sent,
      completedDate: done,
      requestAttempts: 1,
      requestDuration: delivery.durationSeconds,
      request: lines(
        'Method: POST',
        `URI: ${stored.url}`,
        'HTTP Version: 1.1',
        'Headers:',
        '{',
        '  Content-Type: application/json; charset=utf-8',
        '}',
        'Content:',
        JSON.stringify(delivery.payload),
      ),
      response: lines(
        `Status Code: ${delivery.statusCode}`,
        'Reason Phrase: OK',
        'HTTP Version: 1.1',
        'Headers:',
        '{',
        '  Content-Type: application/json',
        '}',
        'Content:',
        '{"ok":true}',
      ),
      event: { id: delivery.guid, ...delivery.payload },
    },
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record(value)).filter(
      (pair): pair is [string, string] => typeof pair[1] === 'string',
    ),
  )
}

/** `Name:value` lines; the demo keeps the value of the header the adapter sends. */
function secretHeader(headers: string | undefined): string | null {
  const line = headers
    ?.split(/\r?\n/)
    .find((entry) => entry.toLowerCase().startsWith('x-git-connector-secret:'))
  return line ? line.slice(line.indexOf(':') + 1) : null
}

/** The stored subscription a path's `:subscriptionId` names, if any. */
function subscriptionAt(id: unknown): MockWebhook | undefined {
  return [...mockState.webhooks.values()].find(
    (hook) => hook.provider === 'azure-devops' && hook.extra.subscriptionId === id,
  )
}

function subscriptionNotFound(id: unknown): Response {
  return notFound('SubscriptionNotFoundException', `Subscription ${String(id)} does not exist.`)
}

export const webhookHandlers: RequestHandler[] = [
  http.get(
    '*/_apis/hooks/subscriptions',
    guarded((request, site) => {
      const publisher = new URL(request.url).searchParams.get('publisherId')
      const value = [...mockState.webhooks.values()]
        .filter((hook) => hook.provider === 'azure-devops')
        .filter((hook) => publisher === null || hook.extra.publisherId === publisher)
        .map((hook) => subscription(site, hook))
      return HttpResponse.json({ count: value.length, value })
    }),
  ),

  http.post(
    '*/_apis/hooks/subscriptions',
    guarded(async (request, site) => {
      const body = record(await request.json().catch(() => null))
      const publisherInputs = strings(body.publisherInputs)
      const consumerInputs = strings(body.consumerInputs)
      const repo = azureDemoRepositories().find(
        (entry) => azureRepositoryId(entry) === publisherInputs.repository,
      )
      const url = consumerInputs.url ?? ''
      if (
        typeof body.eventType !== 'string' ||
        !repo ||
        publisherInputs.projectId !== projectOf(repo).id ||
        !/^https?:\/\//.test(url)
      ) {
        return azureError(
          400,
          'InvalidSubscriptionException',
          'The subscription is not valid: check the publisher and consumer inputs.',
        )
      }
      const id = mockState.nextWebhookId
      const stored = addMockWebhook({
        provider: 'azure-devops',
        repository: azureRepositoryId(repo),
        url,
        events: [body.eventType],
        secret: secretHeader(consumerInputs.httpHeaders),
        active: true,
        extra: {
          subscriptionId: azureGuid('subscription', id),
          repositoryName: repo.name,
          publisherId: body.publisherId,
          resourceVersion: body.resourceVersion,
          consumerId: body.consumerId,
          consumerActionId: body.consumerActionId,
          publisherInputs: { ...publisherInputs, tfsSubscriptionId: azureGuid('tfs', id) },
          consumerInputs,
        },
      })
      return HttpResponse.json(subscription(site, stored))
    }),
  ),

  // https://learn.microsoft.com/en-us/rest/api/azure/devops/hooks/notifications/list
  http.get(
    '*/_apis/hooks/subscriptions/:subscriptionId/notifications',
    guarded((request, site, params) => {
      const stored = subscriptionAt(params.subscriptionId)
      if (!stored) return subscriptionNotFound(params.subscriptionId)
      const max = Math.max(Number(new URL(request.url).searchParams.get('maxResults')) || 100, 1)
      const value = mockDeliveriesOf(stored.id)
        .slice(0, max)
        .map((delivery) => notification(site, stored, delivery))
      return HttpResponse.json({ count: value.length, value })
    }),
  ),

  http.delete(
    '*/_apis/hooks/subscriptions/:subscriptionId',
    guarded((_request, _site, params) => {
      const stored = subscriptionAt(params.subscriptionId)
      if (!stored) return subscriptionNotFound(params.subscriptionId)
      mockState.webhooks.delete(stored.id)
      return new HttpResponse(null, { status: 204 })
    }),
  ),
]
