/**
 * Mutable state of the simulated providers: webhooks created during a test or a demo session.
 * Reset between tests; in demo mode it lives as long as the page.
 */
import type { DemoProvider } from './data/catalog.ts'

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

export const mockState = {
  webhooks: new Map<number, MockWebhook>(),
  nextWebhookId: 400_000,
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

export function resetMockState(): void {
  mockState.webhooks.clear()
  mockState.nextWebhookId = 400_000
}
