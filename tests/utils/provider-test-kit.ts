/**
 * Shared pieces of the adapter test suites: awaiting a ProviderError and seeing which requests
 * reached the simulated provider.
 */
import { onTestFinished } from 'vitest'
import { server } from '@mocks/node'
import { isProviderError, type ProviderError } from '@/providers/errors.ts'

/** The ProviderError a call rejected with; fails the test if it resolved or threw anything else. */
export async function providerFailure(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => new Error('expected the call to fail with a ProviderError'),
    (reason: unknown) => reason,
  )
  if (!isProviderError(error)) throw error
  return error
}

/**
 * Records every request that reaches the handlers during this test (or only those whose URL,
 * without its query, is `url`), while the regular handlers still answer.
 */
export function recordRequests(url?: string): Request[] {
  const seen: Request[] = []
  const listener = ({ request }: { request: Request }) => {
    if (url === undefined || request.url.split('?')[0] === url) seen.push(request.clone())
  }
  server.events.on('request:start', listener)
  onTestFinished(() => server.events.removeListener('request:start', listener))
  return seen
}
