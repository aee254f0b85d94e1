/**
 * What another tab's change makes stale in this one: the same drops and refetches the writing
 * tab's own hooks make after the write.
 */
import type { QueryClient } from '@tanstack/react-query'
import { connectionKeys } from './connection-queries.ts'
import { forgetAllProviders, forgetProvider } from './connection-provider.ts'
import { onOtherTabsChange, type StoreChange } from './tab-channel.ts'

const releaseSourcesKey = ['release-sources'] as const

export async function applyChange(queryClient: QueryClient, change: StoreChange): Promise<void> {
  switch (change.kind) {
    case 'connection-saved':
      forgetProvider(change.connectionId)
      // Refetched in the background: a page on screen keeps its rows until the new ones come,
      // and one that said "needs token" recovers once the token was entered in the other tab.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: connectionKeys.list() }),
        queryClient.invalidateQueries({ queryKey: connectionKeys.scope(change.connectionId) }),
      ])
      return
    case 'connection-removed':
      forgetProvider(change.connectionId)
      queryClient.removeQueries({ queryKey: connectionKeys.scope(change.connectionId) })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: connectionKeys.list() }),
        queryClient.invalidateQueries({ queryKey: releaseSourcesKey }),
      ])
      return
    case 'connections-added':
      await queryClient.invalidateQueries({ queryKey: connectionKeys.list() })
      return
    case 'tokens-cleared':
      forgetAllProviders()
      queryClient.removeQueries({
        predicate: ({ queryKey }) =>
          queryKey[0] === connectionKeys.all[0] && queryKey[1] === 'scope',
      })
      await queryClient.invalidateQueries({ queryKey: connectionKeys.list() })
      return
    case 'release-sources-changed':
      await queryClient.invalidateQueries({ queryKey: releaseSourcesKey })
  }
}

/** Applies the other tabs' changes to this tab's cache until the returned function is called. */
export function followOtherTabs(queryClient: QueryClient): () => void {
  return onOtherTabsChange((change) => void applyChange(queryClient, change))
}
