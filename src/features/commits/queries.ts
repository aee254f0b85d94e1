/**
 * Queries for one repository of a connection: capabilities, branches, commits, tags, releases.
 * Keys sit under the connection's scope and name the repository by its id. Branches, tags and
 * releases are read whole (collect-all.ts), so a picker that searches locally and "newest" see
 * every item; commits stay paged, as a person scrolls back through them.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { providerForConnection } from '@/lib/connection-provider.ts'
import { STALE } from '@/lib/stale-times.ts'
import { collectAll } from '@/providers/collect-all.ts'
import type { RepoRef } from '@/providers/types.ts'

const COMMIT_PAGE = 50

/** Everything fetched about one repository through one connection: invalidate it to refetch all. */
export const repositoryScopeKey = (connectionId: string, repo: Pick<RepoRef, 'id'>) =>
  [...connectionKeys.scope(connectionId), 'repository', repo.id] as const
const repoKey = repositoryScopeKey

export function capabilitiesQuery(connectionId: string) {
  return queryOptions({
    queryKey: [...connectionKeys.scope(connectionId), 'capabilities'] as const,
    queryFn: async () => (await providerForConnection(connectionId)).capabilities,
    staleTime: Infinity,
  })
}

export function branchListQuery(connectionId: string, repo: RepoRef, search: string) {
  return queryOptions({
    queryKey: [...repoKey(connectionId, repo), 'branches', { search }] as const,
    queryFn: async ({ signal }) => {
      const provider = await providerForConnection(connectionId)
      return collectAll(
        (page) => provider.listBranches(repo, search ? { ...page, search } : page),
        {
          signal,
        },
      )
    },
    staleTime: STALE.providerList,
  })
}

export function commitListQuery(connectionId: string, repo: RepoRef, ref: string) {
  return infiniteQueryOptions({
    queryKey: [...repoKey(connectionId, repo), 'commits', { ref }] as const,
    queryFn: async ({ pageParam, signal }) =>
      (await providerForConnection(connectionId)).listCommits(repo, {
        ref,
        cursor: pageParam,
        pageSize: COMMIT_PAGE,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: STALE.providerList,
  })
}

export function tagListQuery(connectionId: string, repo: RepoRef) {
  return queryOptions({
    queryKey: [...repoKey(connectionId, repo), 'tags'] as const,
    queryFn: async ({ signal }) => {
      const provider = await providerForConnection(connectionId)
      return collectAll((page) => provider.listTags(repo, page), { signal })
    },
    staleTime: STALE.providerList,
  })
}

export function releaseListQuery(connectionId: string, repo: RepoRef) {
  return queryOptions({
    queryKey: [...repoKey(connectionId, repo), 'releases'] as const,
    queryFn: async ({ signal }) => {
      const provider = await providerForConnection(connectionId)
      return collectAll((page) => provider.listReleases(repo, page), { signal })
    },
    staleTime: STALE.providerList,
  })
}
