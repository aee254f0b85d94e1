/**
 * Every way a sign-in can end badly, as a sentence that says what happened and what to do. None
 * of them names a code, a token or a verifier: only the provider's own error text, if any.
 */
import { SignInStateError } from '@/lib/oauth/pending-sign-in.ts'
import { TokenEndpointError } from '@/lib/oauth/token-endpoint.ts'
import type { SignInSetup } from '@/lib/oauth/sign-in-setup.ts'
import { SaveRejected } from '../connections/save-connection.ts'
import { SignInFailure } from './sign-in-failure.ts'

type Described = Exclude<SignInSetup, { kind: 'none' }>

export function providerName(setup: Pick<Described, 'provider'>): string {
  return setup.provider === 'github' ? 'GitHub' : 'GitLab'
}

export function signInFailureMessage(
  error: unknown,
  setup: Pick<Described, 'provider' | 'label'> | null,
): string {
  const provider = setup ? providerName(setup) : 'the provider'
  const again = setup ? `Choose “${setup.label}” to start again.` : 'Start the sign-in again.'
  if (error instanceof SignInStateError) {
    return error.kind === 'stale'
      ? `The sign-in took more than 10 minutes and expired, so nothing was saved. ${again}`
      : `This sign-in reply was refused: it does not belong to a sign-in started in this tab (it was already used, or it was not started here). Nothing was saved. ${again}`
  }
  if (error instanceof TokenEndpointError) {
    switch (error.kind) {
      case 'denied':
        return `You declined access on ${provider}, so nothing was saved. ${again} Or paste a personal access token instead.`
      case 'refused':
        return `${provider} refused to give a token (${error.message}), so nothing was saved. ${again} If it happens again, the OAuth application's settings (client id, callback URL) do not match this deployment.`
      case 'unavailable':
        return `The token could not be fetched: ${error.message} Nothing was saved. Try again in a moment; if it keeps failing, tell whoever runs this deployment${
          setup?.provider === 'github' ? ' that its token-exchange URL is not answering' : ''
        }.`
    }
  }
  if (error instanceof SaveRejected || error instanceof SignInFailure) {
    return `${error.message} Nothing was saved.`
  }
  const detail = error instanceof Error ? ` ${error.message}` : ''
  return `The sign-in did not finish.${detail} Nothing was saved. ${again}`
}
