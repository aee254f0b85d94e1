import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { skippedOf } from '../components/skipped-notice.tsx'
import type { RepositoryFilter } from '../filter.ts'
import { ownerListQuery, repositoryListQuery } from '../queries.ts'

/** The repositories loaded so far, flattened, with what the list needs to page on. */
export function useRepositories(connectionId: string, filter: RepositoryFilter) {
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage } =
    useInfiniteQuery(repositoryListQuery(connectionId, filter))
  const pages = data?.pages ?? []
  return {
    repositories: pages.flatMap((page) => page.items),
    total: pages[0]?.totalCount ?? null,
    /** Repositories the provider sent that could not be read, over the pages loaded. */
    skipped: skippedOf(pages),
    error,
    isPending,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
  }
}

export function useOwners(connectionId: string) {
  return useQuery(ownerListQuery(connectionId))
}
