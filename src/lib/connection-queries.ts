/**
 * Query keys and options for stored connections. Stored data goes through TanStack Query like
 * server data (networkMode 'always': IndexedDB needs no network), so there is one async cache.
 * Everything about one connection hangs under its scope, so deleting it drops all its cache.
 */
import { queryOptions } from '@tanstack/react-query'
import { connectionStore } from './connection-store.ts'
import { STALE } from './stale-times.ts'

export const connectionKeys = {
  all: ['connections'] as const,
  list: () => [...connectionKeys.all, 'list'] as const,
  /** Everything fetched through one connection (repositories, commits…) lives under this. */
  scope: (connectionId: string) => [...connectionKeys.all, 'scope', connectionId] as const,
}

export function connectionListQuery() {
  return queryOptions({
    queryKey: connectionKeys.list(),
    queryFn: () => connectionStore().list(),
    staleTime: STALE.local,
    networkMode: 'always',
  })
}
