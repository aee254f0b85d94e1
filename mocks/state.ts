/**
 * Mutable state of the simulated providers: webhooks created during a test or a demo session, the
 * tags and releases published since (mocks/simulate-release.ts), what the webhooks delivered, and
 * the build requests the simulated deployment received. Reset between tests; in demo mode it lives
 * as long as the page.
 */
import type { DemoProvider, DemoRelease, DemoTag } from './data/catalog.ts'

export interface MockWebhook {
  id: number
  provider: DemoProvider
  /** The repository it belongs to, as the provider addresses it (`owner/name`, project id…). */
  repository: string
  url: string
  events: string[]
  secret: string | null
  active: boolean
  createdAt: string
  /** Provider-specific fields kept as they were sent (Azure publisherInputs…). */
  extra: Record<string, unknown>
}

/** A tag or release published during the session, on a catalog repository (by its numeric id). */
export interface Published<T> {
  provider: DemoProvider
  repositoryId: number
  value: T
}

/** One attempt of a provider to reach a webhook's receiver. */
export interface MockDelivery {
  id: number
  hookId: number
  /** Shared by every hook's delivery of the same event (GitHub `guid`, Azure `eventId`). */
  guid: string
  /** The provider's event name: `ping`, `release`, `tag_push_hooks`, `repo:push`, `git.push`… */
  event: string
  action: string | null
  deliveredAt: string
  /** What the simulated receiver answered. */
  statusCode: number
  durationSeconds: number
  /** What was sent, in the provider's payload shape as far as the demo goes. */
  payload: Record<string, unknown>
}

/** A request the simulated build-trigger endpoint accepted, as it was sent. */
export interface MockBuildRequest {
  id: string
  receivedAt: string
  body: Record<string, unknown>
}

export const mockState = {
  webhooks: new Map<number, MockWebhook>(),
  nextWebhookId: 400_000,
  /** Newest last; readers put them first (see mocks/published-refs.ts). */
  tags: [] as Published<DemoTag>[],
  releases: [] as Published<DemoRelease>[],
  /** Clear of the catalog's release ids (repository id × 1000 + index). */
  nextReleaseId: 90_000_000,
  /** Oldest first. */
  deliveries: [] as MockDelivery[],
  nextDeliveryId: 70_000_001,
  buildRequests: [] as MockBuildRequest[],
  /** Authorization codes and refresh tokens already exchanged: each works once. */
  spentGrants: new Set<string>(),
}

export function addMockWebhook(hook: Omit<MockWebhook, 'id' | 'createdAt'>): MockWebhook {
  const stored: MockWebhook = {
    ...hook,
    id: mockState.nextWebhookId++,
    createdAt: new Date().toISOString(),
  }
  mockState.webhooks.set(stored.id, stored)
  return stored
}

export function mockWebhooksOf(provider: DemoProvider, repository: string): MockWebhook[] {
  return [...mockState.webhooks.values()].filter(
    (hook) => hook.provider === provider && hook.repository === repository,
  )
}

/**
 * Records a delivery the simulated receiver answered with 200. The time never goes backwards
 * within a session, so newest-first order by time and by id agree.
 */
export function addMockDelivery(
  delivery: Omit<MockDelivery, 'id' | 'deliveredAt' | 'statusCode' | 'durationSeconds'>,
): MockDelivery {
  const last = mockState.deliveries.at(-1)
  const now = Math.max(Date.now(), last ? Date.parse(last.deliveredAt) + 1 : 0)
  const id = mockState.nextDeliveryId++
  const stored: MockDelivery = {
    ...delivery,
    id,
    deliveredAt: new Date(now).toISOString(),
    statusCode: 200,
    // A plausible round trip, the same on every run.
    durationSeconds: 0.05 + (id % 7) / 100,
  }
  mockState.deliveries.push(stored)
  return stored
}

/** A hook's deliveries, newest first. */
export function mockDeliveriesOf(hookId: number): MockDelivery[] {
  return mockState.deliveries.filter((delivery) => delivery.hookId === hookId).reverse()
}

export function resetMockState(): void {
  mockState.webhooks.clear()
  mockState.nextWebhookId = 400_000
  mockState.tags = []
  mockState.releases = []
  mockState.nextReleaseId = 90_000_000
  mockState.deliveries = []
  mockState.nextDeliveryId = 70_000_001
  mockState.buildRequests = []
  mockState.spentGrants.clear()
}
