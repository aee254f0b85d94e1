/**
 * Runs one sign-in from the side panel. Loaded on the first click of "Sign in", so none of the
 * OAuth code is in the first load.
 *
 * PKCE (GitHub through the deployment's exchange URL, GitLab directly): the provider's page opens
 * in the popup the click opened; its answer comes back from the callback page over the relay and
 * is finished here, in the tab that holds the verifier. Without a popup (blocked), the whole tab
 * goes to the provider and the callback page finishes the sign-in itself.
 */
import { connectionStore } from '@/lib/connection-store.ts'
import { signInDeployment } from '@/lib/oauth/deployment.ts'
import { abandonSignIn, beginSignIn } from '@/lib/oauth/pending-sign-in.ts'
import type { AuthenticatorSetup, PkceSetup } from '@/lib/oauth/sign-in-setup.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { saveConnection } from '../connections/save-connection.ts'
import { authenticatorUrl, tokenFromAuthenticator } from './authenticator-popup.ts'
import { finishSignIn } from './finish-sign-in.ts'
import { awaitCallback, type Relayed } from './relay.ts'
import { draftFromContext, type SignInContext } from './sign-in-context.ts'

export { signInFailureMessage } from './sign-in-message.ts'
import { SignInCancelled, SignInFailure } from './sign-in-failure.ts'

export interface SignInRun {
  /** The saved connection; never settles when the tab itself went to the provider. */
  done: Promise<ConnectionRecord>
  cancel: () => void
}

export function runSignIn(
  setup: PkceSetup | AuthenticatorSetup,
  context: SignInContext,
  popup: Window | null,
): SignInRun {
  const controller = new AbortController()
  const { signal } = controller
  const running =
    setup.kind === 'pkce'
      ? withPkce(setup, context, popup, signal)
      : withAuthenticator(setup, context, popup, signal)
  const done = running.finally(() => {
    if (popup && !popup.closed) popup.close()
  })
  return { done, cancel: () => controller.abort() }
}

async function withPkce(
  setup: PkceSetup,
  context: SignInContext,
  popup: Window | null,
  signal: AbortSignal,
): Promise<ConnectionRecord> {
  const { redirectUri, authorizeVia } = signInDeployment()
  const mode = popup ? 'popup' : 'redirect'
  const { state, authorizeUrl } = await beginSignIn(setup, { redirectUri, mode, context })
  const url = authorizeVia ? authorizeVia(authorizeUrl) : authorizeUrl
  if (!popup) {
    window.location.assign(url)
    return new Promise<never>(() => {})
  }
  popup.location.href = url
  const relayed = await new Promise<Relayed>((resolve, reject) => {
    const stop = awaitCallback(state, resolve)
    signal.addEventListener('abort', () => {
      stop()
      abandonSignIn(state)
      reject(new SignInCancelled())
    })
  })
  if (relayed.kind === 'callback') return (await finishSignIn(relayed.params)).record
  // The callback page finished it itself: the connection is already stored.
  abandonSignIn(state)
  const stored = await connectionStore().get(relayed.connectionId)
  if (!stored) throw new SignInFailure('The sign-in finished in its window, but nothing was saved.')
  return stored.record
}

async function withAuthenticator(
  setup: AuthenticatorSetup,
  context: SignInContext,
  popup: Window | null,
  signal: AbortSignal,
): Promise<ConnectionRecord> {
  if (!popup) {
    throw new SignInFailure(
      'Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.',
    )
  }
  popup.location.href = authenticatorUrl(setup, window.location.hostname)
  const token = await tokenFromAuthenticator(setup, popup, signal)
  const existing = context.connectionId
    ? await connectionStore().get(context.connectionId)
    : undefined
  return saveConnection({ draft: draftFromContext(context, token), existing })
}
