import { useMutation, useQueryClient } from '@tanstack/react-query'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { saveConnection } from '../save-connection.ts'

export function useSaveConnection() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveConnection,
    onSuccess: async (record) => {
      // What was fetched with the old token or target is no longer trustworthy. Reset, not
      // remove: a page on screen (the token was re-entered from it) refetches at once.
      await queryClient.invalidateQueries({ queryKey: connectionKeys.list() })
      await queryClient.resetQueries({ queryKey: connectionKeys.scope(record.id) })
    },
  })
}
