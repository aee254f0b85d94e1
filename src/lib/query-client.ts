import { QueryCache, QueryClient } from '@tanstack/react-query'
import { isProviderError } from '@/providers/errors.ts'
import { connectionKeys } from './connection-queries.ts'

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // A 401 has just marked the connection "refused" in storage (connection-provider.ts):
        // the connections list must show it wherever it is on screen.
        if (isProviderError(error) && error.kind === 'unauthorized') {
          void queryClient.invalidateQueries({ queryKey: connectionKeys.list() })
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Most provider failures (401, 403, 404) will not fix themselves; only retry the network.
        retry: (failureCount, error) =>
          failureCount < 2 && isProviderError(error) && error.kind === 'network',
        refetchOnWindowFocus: false,
      },
    },
  })
  return queryClient
}
