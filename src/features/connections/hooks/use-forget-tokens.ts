import { useMutation, useQueryClient } from '@tanstack/react-query'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { forgetAllProviders } from '@/lib/connection-provider.ts'
import { connectionStore } from '@/lib/connection-store.ts'

/**
 * "Forget all tokens on this browser": every stored token goes, in one transaction, and with it
 * every adapter that held one and everything fetched with them. Connections, their settings,
 * release sources and their history stay; each connection then "needs token".
 */
export function useForgetTokens() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => connectionStore().clearSecrets(),
    onSuccess: async () => {
      forgetAllProviders()
      queryClient.removeQueries({
        predicate: ({ queryKey }) =>
          queryKey[0] === connectionKeys.all[0] && queryKey[1] === 'scope',
      })
      await queryClient.invalidateQueries({ queryKey: connectionKeys.list() })
    },
  })
}
