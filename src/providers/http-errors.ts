/**
 * Shared translation of HTTP outcomes into ProviderError, used by every adapter (SDK-based or
 * fetch-based) so that a 401 or a 429 means the same thing everywhere.
 */
import { ProviderError, type ErrorSubject } from './errors.ts'

export interface HttpFailure {
  status: number
  headers: Headers
  /** The provider's error text, if it sent one; never contains our token. */
  providerMessage?: string
}

export interface FailureContext {
  /** The field a 401 points at (the token, or for Bitbucket the email + token pair). */
  unauthorizedSubject?: ErrorSubject
  /** The field a 404 points at (a wrong base URL, organization, repository…). */
  notFoundSubject?: ErrorSubject
}

/** Epoch ms at which a rate limit lifts, from Retry-After or x-ratelimit-reset, if readable. */
export function rateLimitResetAt(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')
  if (retryAfter) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return now + seconds * 1000
    const date = Date.parse(retryAfter)
    if (Number.isFinite(date)) return date
  }
  const reset = Number(headers.get('x-ratelimit-reset'))
  // GitHub and Bitbucket send an epoch in seconds; never treat it as a duration.
  if (Number.isFinite(reset) && reset > 1_000_000_000) return reset * 1000
  return undefined
}

export function errorFromHttpFailure(failure: HttpFailure, context: FailureContext = {}) {
  const { status, headers, providerMessage } = failure
  const base = providerMessage === undefined ? { status } : { status, providerMessage }
  if (status === 401) {
    return new ProviderError('unauthorized', 'The provider did not accept the token.', {
      ...base,
      subject: context.unauthorizedSubject ?? 'token',
    })
  }
  const remaining = headers.get('x-ratelimit-remaining')
  // GitHub's documented wording for its secondary limit is all there is to tell it by.
  const secondary = /secondary rate limit|abuse/i.test(providerMessage ?? '')
  if (status === 429 || (status === 403 && (remaining === '0' || secondary))) {
    const resetAt = rateLimitResetAt(headers)
    return new ProviderError('rate-limited', 'The provider is rate limiting requests.', {
      ...base,
      secondary,
      ...(resetAt === undefined ? {} : { resetAt }),
    })
  }
  if (status === 403) {
    return new ProviderError('forbidden', 'The token is not allowed to do this.', {
      ...base,
      subject: 'token',
    })
  }
  if (status === 404 || status === 410) {
    return new ProviderError('not-found', 'The provider has no such resource.', {
      ...base,
      ...(context.notFoundSubject ? { subject: context.notFoundSubject } : {}),
    })
  }
  // The provider read the request and refused it as invalid (GitHub's 422 "Validation Failed",
  // GitLab's 400/422, Bitbucket's 400, Azure DevOps' 400/409): its own words say what was wrong.
  if (status === 400 || status === 409 || status === 422) {
    return new ProviderError(
      'invalid-request',
      'The provider refused the request as invalid.',
      base,
    )
  }
  if (status >= 500) {
    return new ProviderError('server', 'The provider failed to answer.', base)
  }
  return new ProviderError('invalid-response', `The provider answered with status ${status}.`, base)
}

/**
 * A fetch that rejected never reached an HTTP status: offline, a timeout, DNS, TLS or CORS. The
 * browser hides which, so we say what we can.
 */
export function errorFromFetchFailure(cause: unknown, signal?: AbortSignal): ProviderError {
  if (signal?.aborted && hasErrorName(signal.reason, 'TimeoutError')) {
    return new ProviderError('network', 'The provider did not answer in time.', {
      networkCause: 'timeout',
    })
  }
  if (hasErrorName(cause, 'TimeoutError')) {
    return new ProviderError('network', 'The provider did not answer in time.', {
      networkCause: 'timeout',
    })
  }
  const offline = typeof navigator !== 'undefined' && !navigator.onLine
  return new ProviderError('network', 'The provider could not be reached.', {
    networkCause: offline ? 'offline' : 'unreachable',
  })
}

/** Abort errors are not failures to report: the caller cancelled on purpose. */
export function isAbortError(error: unknown): boolean {
  return hasErrorName(error, 'AbortError')
}

/**
 * Checked by name, not `instanceof DOMException`: the DOMException a fetch rejects with can come
 * from another realm (Node's fetch under Vitest's jsdom, whose global DOMException is jsdom's).
 */
function hasErrorName(value: unknown, name: 'AbortError' | 'TimeoutError'): boolean {
  return typeof value === 'object' && value !== null && 'name' in value && value.name === name
}
