import { useMutation, useQueryClient } from '@tanstack/react-query'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { forgetProvider } from '@/lib/connection-provider.ts'
import { connectionStore } from '@/lib/connection-store.ts'

/** Deletes the connection and its token together, and drops everything cached through it. */
export function useDeleteConnection() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (connectionId: string) => {
      await connectionStore().remove(connectionId)
      return connectionId
    },
    onSuccess: async (connectionId) => {
      forgetProvider(connectionId)
      queryClient.removeQueries({ queryKey: connectionKeys.scope(connectionId) })
      await queryClient.invalidateQueries({ queryKey: connectionKeys.list() })
    },
  })
}
