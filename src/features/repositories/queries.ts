/**
 * Queries for browsing a connection's repositories. Keys hang under the connection's scope, so
 * deleting the connection drops them; every input of a query function is in its key; the token
 * never is (the adapter holds it).
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { providerForConnection } from '@/lib/connection-provider.ts'
import { STALE } from '@/lib/stale-times.ts'
import type { RepositoryFilter } from './filter.ts'

/** 100 is the most any provider returns in one page: fewest round trips to the first rows. */
const PAGE_SIZE = 100

export const repositoryKeys = {
  all: (connectionId: string) => [...connectionKeys.scope(connectionId), 'repositories'] as const,
  list: (connectionId: string, filter: RepositoryFilter) =>
    [...repositoryKeys.all(connectionId), 'list', filter] as const,
  owners: (connectionId: string) => [...connectionKeys.scope(connectionId), 'owners'] as const,
}

export function repositoryListQuery(connectionId: string, filter: RepositoryFilter) {
  return infiniteQueryOptions({
    queryKey: repositoryKeys.list(connectionId, filter),
    queryFn: async ({ pageParam, signal }) => {
      const provider = await providerForConnection(connectionId)
      return provider.listRepositories({
        cursor: pageParam,
        pageSize: PAGE_SIZE,
        signal,
        sort: filter.sort,
        ...(filter.search ? { search: filter.search } : {}),
        ...(filter.owner ? { owner: filter.owner } : {}),
      })
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: STALE.providerList,
  })
}

export function ownerListQuery(connectionId: string) {
  return queryOptions({
    queryKey: repositoryKeys.owners(connectionId),
    queryFn: async ({ signal }) => (await providerForConnection(connectionId)).listOwners(signal),
    staleTime: STALE.providerList,
  })
}
