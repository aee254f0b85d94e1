import { QueryClient } from '@tanstack/react-query'
import { isProviderError } from '@/providers/errors.ts'

/** How long data counts as fresh before a revisit refetches it. */
export const STALE = {
  /** Stored connections change only through this app, which invalidates on every write. */
  local: Infinity,
  /** Provider lists (repositories, branches) move slowly; revisits within a minute are free. */
  providerList: 60_000,
} as const

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Most provider failures (401, 403, 404) will not fix themselves; only retry the network.
        retry: (failureCount, error) =>
          failureCount < 2 && isProviderError(error) && error.kind === 'network',
        refetchOnWindowFocus: false,
      },
    },
  })
}
