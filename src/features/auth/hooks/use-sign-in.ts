import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { AuthenticatorSetup, PkceSetup } from '@/lib/oauth/sign-in-setup.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import type { ConnectionDraft } from '../../connections/form/validate-form.ts'
import { afterConnectionSaved } from '../../connections/hooks/use-save-connection.ts'
import { signInContext } from '../sign-in-context.ts'
import { SignInCancelled } from '../sign-in-failure.ts'

export type SignInPhase = 'idle' | 'waiting' | 'finishing'

interface Handlers {
  onSaved: (record: ConnectionRecord) => void
  onFailed: (message: string) => void
}

/**
 * "Sign in with GitHub/GitLab" from the side panel. `start` must run inside the click: the popup
 * is opened there, before anything is awaited, or the browser blocks it.
 */
export function useSignIn({ onSaved, onFailed }: Handlers) {
  const queryClient = useQueryClient()
  const [phase, setPhase] = useState<SignInPhase>('idle')
  const cancelRef = useRef<(() => void) | null>(null)
  // A panel closed mid-flow stops listening; a late callback then finds no taker.
  useEffect(() => () => cancelRef.current?.(), [])

  const start = (
    setup: PkceSetup | AuthenticatorSetup,
    draft: ConnectionDraft,
    connectionId?: string,
  ) => {
    const popup = window.open('', 'git-connector-sign-in', 'popup,width=760,height=760')
    setPhase('waiting')
    void (async () => {
      try {
        // The OAuth code (oauth4webapi, the flow, its messages) loads on this first click.
        const { runSignIn, signInFailureMessage } = await import('../sign-in-flow.ts')
        const run = runSignIn(setup, signInContext(draft, connectionId), popup)
        cancelRef.current = run.cancel
        try {
          const record = await run.done
          setPhase('finishing')
          await afterConnectionSaved(queryClient, record)
          onSaved(record)
        } catch (error) {
          if (!(error instanceof SignInCancelled)) onFailed(signInFailureMessage(error, setup))
        }
      } catch {
        // The flow's chunk did not load (offline, or a new deployment replaced it).
        popup?.close()
        onFailed(
          'The sign-in could not start: this page could not load its sign-in code. Check your connection and reload the page.',
        )
      } finally {
        cancelRef.current = null
        setPhase('idle')
      }
    })()
  }

  const cancel = () => {
    cancelRef.current?.()
    setPhase('idle')
  }

  return { phase, start, cancel }
}
