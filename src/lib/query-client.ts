import { QueryClient } from '@tanstack/react-query'
import { isProviderError } from '@/providers/errors.ts'
import { connectionKeys } from './connection-queries.ts'
import { onConnectionRefused } from './connection-provider.ts'

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // Most provider failures (401, 403, 404) will not fix themselves; only retry the network.
        retry: (failureCount, error) =>
          failureCount < 2 && isProviderError(error) && error.kind === 'network',
        refetchOnWindowFocus: false,
      },
    },
  })
  followRefusals(queryClient)
  return queryClient
}

/**
 * A call that met a refused token (any call: a page's query, Trigger Build, Re-provision, a delete)
 * has just marked its connection "refused" in storage (connection-provider.ts): the connections
 * list, and with it every "Re-enter token" on screen, must show it at once. Held weakly, so a
 * client that is dropped (a test's) stops listening.
 */
function followRefusals(queryClient: QueryClient): void {
  const client = new WeakRef(queryClient)
  const stop = onConnectionRefused(() => {
    const current = client.deref()
    if (!current) {
      stop()
      return
    }
    void current.invalidateQueries({ queryKey: connectionKeys.list() })
  })
}
