import { useMutation, useQueryClient } from '@tanstack/react-query'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { forgetProvider } from '@/lib/connection-provider.ts'
import { connectionStore } from '@/lib/connection-store.ts'
import type { DisconnectOutcome } from '@/features/release-sources/disconnect.ts'

export interface DeletedConnection {
  connectionId: string
  /** What happened to the release sources that used it, and to their webhooks. */
  disconnected: DisconnectOutcome
}

/** Everything stored about release sources; the disconnect flow changes some of it. */
const releaseSourcesKey = ['release-sources'] as const

/**
 * Disconnects the release sources that use the connection (removing their webhooks, keeping them
 * and their history), then deletes the connection and its token together, and drops everything
 * cached through it. When the sources cannot be disconnected (storage failed), the connection is
 * not deleted: its sources would point at nothing.
 */
export function useDeleteConnection() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (connectionId: string): Promise<DeletedConnection> => {
      // Release sources stay out of the first load. The sources are read again here, not taken
      // from the dialog's list, so one saved since is not left pointing at a deleted connection.
      const { disconnectConnection } = await import('@/features/release-sources/disconnect.ts')
      const disconnected = await disconnectConnection(connectionId)
      await connectionStore().remove(connectionId)
      return { connectionId, disconnected }
    },
    onSuccess: async ({ connectionId }) => {
      forgetProvider(connectionId)
      queryClient.removeQueries({ queryKey: connectionKeys.scope(connectionId) })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: connectionKeys.list() }),
        queryClient.invalidateQueries({ queryKey: releaseSourcesKey }),
      ])
    },
    // A failure after the sources were disconnected still changed them.
    onError: () => queryClient.invalidateQueries({ queryKey: releaseSourcesKey }),
  })
}
