/**
 * Queries for release sources. What lives in this browser (sources, builds, the releases seen)
 * hangs under `['release-sources']`; what comes from a provider (tags, releases, commits, hook
 * deliveries) hangs under the connection's scope, like browsing, so deleting or re-authorising
 * the connection drops it.
 */
import { queryOptions } from '@tanstack/react-query'
import { repositoryScopeKey } from '@/features/commits/queries.ts'
import { providerForConnection } from '@/lib/connection-provider.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import { STALE } from '@/lib/stale-times.ts'
import type { RepoRef } from '@/providers/types.ts'

export const releaseSourceKeys = {
  all: ['release-sources'] as const,
  list: () => [...releaseSourceKeys.all, 'list'] as const,
  source: (id: string) => [...releaseSourceKeys.all, 'source', id] as const,
  builds: (id: string) => [...releaseSourceKeys.source(id), 'builds'] as const,
  seenReleases: (id: string) => [...releaseSourceKeys.source(id), 'seen-releases'] as const,
}

const local = { staleTime: STALE.local, networkMode: 'always' } as const

export function releaseSourceListQuery() {
  return queryOptions({
    queryKey: releaseSourceKeys.list(),
    queryFn: () => releaseSourceStore().list(),
    ...local,
  })
}

export function releaseSourceQuery(id: string) {
  return queryOptions({
    queryKey: releaseSourceKeys.source(id),
    // null, not undefined: TanStack Query refuses undefined as data.
    queryFn: async () => (await releaseSourceStore().get(id)) ?? null,
    ...local,
  })
}

export function buildListQuery(sourceId: string) {
  return queryOptions({
    queryKey: releaseSourceKeys.builds(sourceId),
    queryFn: () => releaseSourceStore().listBuilds(sourceId),
    ...local,
  })
}

export function seenReleasesQuery(sourceId: string) {
  return queryOptions({
    queryKey: releaseSourceKeys.seenReleases(sourceId),
    queryFn: () => releaseSourceStore().listReleases(sourceId),
    ...local,
  })
}

const repoKey = repositoryScopeKey

/**
 * One commit by sha: the newest entry of the history that starts there (every adapter can list
 * from a sha). A commit never changes, so it never goes stale.
 */
export function commitAtQuery(connectionId: string, repo: RepoRef, sha: string) {
  return queryOptions({
    queryKey: [...repoKey(connectionId, repo), 'commit', sha] as const,
    queryFn: async ({ signal }) => {
      const provider = await providerForConnection(connectionId)
      const page = await provider.listCommits(repo, { ref: sha, pageSize: 1, signal })
      return page.items[0] ?? null
    },
    staleTime: Infinity,
  })
}

export function webhookDeliveriesQuery(connectionId: string, repo: RepoRef, webhookId: string) {
  return queryOptions({
    queryKey: [...repoKey(connectionId, repo), 'webhook', webhookId, 'deliveries'] as const,
    queryFn: async ({ signal }) => {
      const provider = await providerForConnection(connectionId)
      return provider.listWebhookDeliveries(repo, webhookId, { pageSize: 10, signal })
    },
    staleTime: 15_000,
  })
}
