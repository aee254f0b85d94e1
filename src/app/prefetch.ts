/** What the route loaders start: the same queries, with the same keys, as the pages they lead to. */
import type { QueryClient } from '@tanstack/react-query'
import { repositoryFilterFrom } from '@/features/repositories/filter.ts'
import { ownerListQuery, repositoryListQuery } from '@/features/repositories/queries.ts'

export { preloadAdapter } from '@/lib/provider-for-connection.ts'

export function prefetchRepositories(
  queryClient: QueryClient,
  connectionId: string,
  query: URLSearchParams,
): void {
  const filter = repositoryFilterFrom(query)
  // Failures are the pages' to show: their queries hold the same error and retry on mount.
  queryClient.infiniteQuery(repositoryListQuery(connectionId, filter)).catch(ignore)
  queryClient.query(ownerListQuery(connectionId)).catch(ignore)
}

const ignore = () => undefined
