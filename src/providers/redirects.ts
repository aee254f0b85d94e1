/**
 * Redirects are not followed with a token. GitHub and GitLab calls go out with
 * `redirect: 'manual'` (as http.ts does for the other providers): a redirect to another host
 * would otherwise carry the request there, and with a 307/308 its body too. What comes back is
 * turned into an error that says what happened.
 *
 * Browsers hand a manual redirect back as an opaque response (`type: 'opaqueredirect'`, status 0,
 * no Location), so where it pointed is only known outside them (Node, the tests). A 304 is not a
 * redirect: it answers a conditional request (GitHub's ETags).
 */
import { ProviderError, type ErrorSubject } from './errors.ts'

export function isRedirect(response: Response): boolean {
  if (response.type === 'opaqueredirect') return true
  return response.status >= 300 && response.status < 400 && response.status !== 304
}

/**
 * The error for a redirect answered to `requestUrl`. `subject`: the field the address came from
 * (a self-managed server's base URL), when there is one.
 */
export function redirectRefused(
  requestUrl: string,
  response: Response,
  subject?: ErrorSubject,
): ProviderError {
  const target = locationOf(requestUrl, response)
  const elsewhere = target !== null && target.origin !== new URL(requestUrl).origin
  const hint = elsewhere
    ? `The server redirected the request to another host (${target.origin}); the token was not sent there.`
    : 'The server answered with a redirect; the app does not follow redirects with the token.'
  // Our sentence, not the provider's words: the server sent only a status and a Location.
  return new ProviderError('invalid-response', hint, {
    ...(response.status === 0 ? {} : { status: response.status }),
    ...(subject ? { subject } : {}),
    hint,
  })
}

function locationOf(requestUrl: string, response: Response): URL | null {
  const location = response.headers.get('location')
  if (!location || !URL.canParse(location, requestUrl)) return null
  return new URL(location, requestUrl)
}
