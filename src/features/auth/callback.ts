/**
 * What the callback page does with the provider's answer. In the popup, it hands the answer to
 * the tab that started the sign-in (which holds the verifier) and closes. After a full-page
 * redirect, or when no tab claims the answer (the starting tab was closed), it finishes the
 * sign-in itself: a popup opened by `window.open` starts with a copy of its opener's
 * sessionStorage, so it has the verifier too.
 */
import { peekSignIn, type PendingSignIn } from '@/lib/oauth/pending-sign-in.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import type { PanelResume } from '../connections/panel-store.ts'
import { finishSignIn } from './finish-sign-in.ts'
import { announceFinished, relayCallback } from './relay.ts'
import { readSignInContext } from './sign-in-context.ts'
import { signInFailureMessage } from './sign-in-message.ts'

export type CallbackOutcome =
  /** The starting tab took the answer: this window can close. */
  | { kind: 'handed-over' }
  | { kind: 'saved'; record: ConnectionRecord; inTab: boolean }
  | {
      kind: 'failed'
      message: string
      /** After a full-page redirect: reopen the panel with this, on this connection if any. */
      resume: PanelResume | null
      connectionId: string | undefined
    }

export async function handleCallback(params: URLSearchParams): Promise<CallbackOutcome> {
  const pending = peekSignIn(params.get('state') ?? '')
  const inTab = pending?.mode === 'redirect'
  if (!inTab && (await relayCallback(params.toString()))) return { kind: 'handed-over' }
  try {
    const { record } = await finishSignIn(params)
    // In a popup whose opener did not answer in time: let it know, should it still be there.
    if (!inTab) announceFinished(params.get('state') ?? '', record.id)
    return { kind: 'saved', record, inTab }
  } catch (error) {
    const message = signInFailureMessage(error, pending?.setup ?? null)
    const context = pending ? readSignInContext(pending.context) : null
    return {
      kind: 'failed',
      message,
      resume: pending?.mode === 'redirect' ? resumeOf(pending, message) : null,
      connectionId: context?.connectionId,
    }
  }
}

/** The panel's fields as they were when the person left for the provider's page. */
function resumeOf(pending: PendingSignIn, problem: string): PanelResume | null {
  const context = readSignInContext(pending.context)
  if (!context) return null
  const { target } = context
  return {
    problem,
    values: {
      name: context.name,
      username: context.username ?? '',
      type: target.type,
      authMethod: 'oauth',
      tokenLifetime: context.tokenLifetime,
      ...('baseUrl' in target ? { baseUrl: target.baseUrl } : {}),
      ...(pending.setup.provider === 'gitlab' ? { applicationId: pending.setup.clientId } : {}),
    },
  }
}
