/**
 * The popup protocol of Netlify's GitHub provider and of the authenticators Decap CMS and Sveltia
 * CMS users deploy (e.g. sveltia-cms-auth, decap-proxy): a team that already runs one can point
 * `githubOAuth.authenticatorUrl` at it.
 *
 * 1. The app opens `<authenticatorUrl>?provider=github&site_id=<host>&scope=…` in a popup.
 * 2. The authenticator posts `authorizing:github` to its opener; the app answers with the same
 *    message, which tells the authenticator the origin to send the result to.
 * 3. The authenticator posts `authorization:github:success:{"token":…}` (or `:error:…`).
 *
 * Only messages from the authenticator's own origin are read. Such tokens (OAuth App tokens)
 * do not expire and come without a refresh token.
 */
import type { AuthenticatorSetup } from '@/lib/oauth/sign-in-setup.ts'
import { TokenEndpointError } from '@/lib/oauth/token-endpoint.ts'
import { SignInCancelled } from './sign-in-failure.ts'

const HANDSHAKE = 'authorizing:github'
const RESULT = /^authorization:github:(success|error):([\s\S]*)$/

export function authenticatorUrl(setup: AuthenticatorSetup, siteHost: string): string {
  const url = new URL(setup.authenticatorUrl)
  url.searchParams.set('provider', 'github')
  url.searchParams.set('site_id', setup.siteId ?? siteHost)
  url.searchParams.set('scope', setup.scope)
  return url.href
}

/**
 * Resolves with the token the authenticator hands back in `popup`.
 * @throws TokenEndpointError ('denied' or 'refused' with the authenticator's words)
 */
export function tokenFromAuthenticator(
  setup: AuthenticatorSetup,
  popup: { postMessage(message: string, targetOrigin: string): void },
  signal: AbortSignal,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): Promise<string> {
  const origin = new URL(setup.authenticatorUrl).origin
  return new Promise((resolve, reject) => {
    const stop = () => target.removeEventListener('message', onMessage)
    signal.addEventListener('abort', () => {
      stop()
      reject(new SignInCancelled())
    })
    function onMessage(event: MessageEvent) {
      if (event.origin !== origin || typeof event.data !== 'string') return
      if (event.data === HANDSHAKE) {
        popup.postMessage(HANDSHAKE, origin)
        return
      }
      const result = RESULT.exec(event.data)
      if (!result) return
      stop()
      const payload = parse(result[2] ?? '')
      const token = payload?.token
      if (result[1] === 'success' && typeof token === 'string' && token) resolve(token)
      else reject(refusal(payload))
    }
    target.addEventListener('message', onMessage)
  })
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function refusal(payload: Record<string, unknown> | null): TokenEndpointError {
  const code = typeof payload?.error === 'string' ? payload.error : null
  const said = [payload?.error_description, payload?.message, code].find(
    (value): value is string => typeof value === 'string' && value !== '',
  )
  return new TokenEndpointError(
    code === 'access_denied' ? 'denied' : 'refused',
    said ?? 'the authenticator gave no token',
    code,
  )
}
