/**
 * The end of a sign-in: the provider's answer (code and state) becomes a token through the token
 * endpoint, the token is checked with the provider like a pasted one, and the connection is saved
 * with it. Nothing is stored unless every step succeeds.
 */
import { connectionStore } from '@/lib/connection-store.ts'
import { takeSignIn } from '@/lib/oauth/pending-sign-in.ts'
import { exchangeCode } from '@/lib/oauth/token-endpoint.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { saveConnection } from '../connections/save-connection.ts'
import { draftFromContext, readSignInContext, type SignInContext } from './sign-in-context.ts'
import { SignInFailure } from './sign-in-failure.ts'

export interface FinishedSignIn {
  record: ConnectionRecord
  context: SignInContext
}

/**
 * @throws SignInStateError (unknown or stale state), TokenEndpointError (denied, refused,
 *   unavailable), SaveRejected (the token failed the provider check), StorageError
 */
export async function finishSignIn(callback: URLSearchParams): Promise<FinishedSignIn> {
  const pending = takeSignIn(callback.get('state') ?? '')
  const context = readSignInContext(pending.context)
  if (!context) throw new SignInFailure('This sign-in was started by another version of the app.')
  const grant = await exchangeCode(pending.setup, callback, pending)
  const existing = context.connectionId
    ? await connectionStore().get(context.connectionId)
    : undefined
  if (context.connectionId && !existing) {
    throw new SignInFailure('The connection was deleted while you were signing in.')
  }
  const record = await saveConnection({
    draft: draftFromContext(context, grant.accessToken),
    existing,
    grant: {
      clientId: pending.setup.clientId,
      refreshToken: grant.refreshToken,
      expiresAt: grant.expiresAt,
      tokenUrl: pending.setup.tokenUrl,
    },
  })
  return { record, context }
}
