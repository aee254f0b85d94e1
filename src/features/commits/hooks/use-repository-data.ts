import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { RepoRef } from '@/providers/types.ts'
import {
  branchListQuery,
  capabilitiesQuery,
  commitListQuery,
  releaseListQuery,
  tagListQuery,
} from '../queries.ts'

export function useCapabilities(connectionId: string) {
  return useQuery(capabilitiesQuery(connectionId))
}

export function useBranches(connectionId: string, repo: RepoRef, search: string) {
  return useQuery(branchListQuery(connectionId, repo, search))
}

/** The commits loaded so far on a ref, flattened. Waits until the ref is known. */
export function useCommits(connectionId: string, repo: RepoRef, ref: string) {
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage } =
    useInfiniteQuery(commitListQuery(connectionId, repo, ref))
  return {
    commits: data?.pages.flatMap((page) => page.items) ?? [],
    /** Commits the provider sent that could not be read, over the pages loaded. */
    skipped: data?.pages.reduce((sum, page) => sum + (page.skipped ?? 0), 0) ?? 0,
    error,
    isPending,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
  }
}

export function useTags(connectionId: string, repo: RepoRef, enabled: boolean) {
  return useQuery({ ...tagListQuery(connectionId, repo), enabled })
}

export function useReleases(connectionId: string, repo: RepoRef, enabled: boolean) {
  return useQuery({ ...releaseListQuery(connectionId, repo), enabled })
}
