import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { askForPersistence } from '@/lib/persistent-storage.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { saveConnection } from '../save-connection.ts'

export function useSaveConnection() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveConnection,
    onSuccess: (record) => afterConnectionSaved(queryClient, record),
  })
}

/** After a save (typed or signed in): the list shows it, and its pages fetch with the new token. */
export async function afterConnectionSaved(queryClient: QueryClient, record: ConnectionRecord) {
  // What was fetched with the old token or target is no longer trustworthy. Reset, not remove: a
  // page on screen (the token was re-entered from it) refetches at once.
  await queryClient.invalidateQueries({ queryKey: connectionKeys.list() })
  await queryClient.resetQueries({ queryKey: connectionKeys.scope(record.id) })
  // A remembered token is worth keeping: ask the browser not to clear the site's data by itself.
  if (record.tokenLifetime === 'remember') void askForPersistence(queryClient)
}
