/**
 * Octokit set up for browsers, and the translation of its failures into ProviderError. Only this
 * folder imports @octokit/*.
 */
import { Octokit } from '@octokit/rest'
import type { ErrorSubject } from '../errors.ts'
import { ProviderError } from '../errors.ts'
import {
  errorFromFetchFailure,
  errorFromHttpFailure,
  isAbortError,
  rateLimitResetAt,
} from '../http-errors.ts'
import { reviseProviderError } from '../http.ts'
import { isRedirect, redirectRefused } from '../redirects.ts'
import type { ProviderTarget } from '../types.ts'

export type GitHubTarget = Extract<ProviderTarget, { type: 'github' | 'github-enterprise' }>

export function githubApiUrl(target: GitHubTarget): string {
  if (target.type === 'github') return 'https://api.github.com'
  return `${target.baseUrl.replace(/\/+$/, '')}/api/v3`
}

export function createOctokit(apiUrl: string, token: string): Octokit {
  return new Octokit({
    baseUrl: apiUrl,
    request: { fetch: browserSafeFetch(token) },
    // @octokit/rest logs every failed request as an error; failures reach the caller as
    // ProviderError instead, and some (a 403 on /user/emails) are expected.
    log: { debug: noop, info: noop, warn: console.warn.bind(console), error: noop },
  })
}

function noop(): void {}

/**
 * Octokit always sets User-Agent; a browser that honours it (Firefox) must then preflight it, and
 * GitHub's CORS answer does not allow it (octokit/octokit.js#817, #961), so it is dropped. The
 * token goes out as `Bearer`, GitHub's documented scheme (Octokit's own auth sends `token`).
 * globalThis.fetch is looked up per call so that MSW, installed later, sees the request.
 *
 * Redirects are not followed (redirects.ts): a renamed repository's 301 comes back as an error
 * rather than the token going wherever the Location says. Octokit wraps what this throws in a
 * RequestError; toProviderError unwraps it.
 */
function browserSafeFetch(token: string): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers)
    headers.delete('user-agent')
    headers.set('authorization', `Bearer ${token}`)
    const response = await globalThis.fetch(input, { ...init, headers, redirect: 'manual' })
    if (isRedirect(response)) throw redirectRefused(requestUrl(input), response)
    return response
  }
}

function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input
  return input instanceof URL ? input.href : input.url
}

/** The parts of Octokit's RequestError we read; duck-typed to avoid a transitive import. */
interface OctokitErrorLike {
  status: number
  response?: { headers: Record<string, unknown>; data: unknown }
  cause?: unknown
}

function isOctokitError(error: unknown): error is OctokitErrorLike {
  return (
    error instanceof Error &&
    error.name === 'HttpError' &&
    'status' in error &&
    typeof error.status === 'number'
  )
}

export interface ErrorContext {
  token: string
  signal?: AbortSignal | undefined
  /** What a 404 (a wrong GHES base URL answers 404 on /api/v3) points at. */
  notFoundSubject?: ErrorSubject | undefined
}

/**
 * Any failure from an Octokit call as a ProviderError; a cancellation is handed back untouched so
 * callers can tell it apart from a failure.
 */
export function toProviderError(error: unknown, context: ErrorContext): unknown {
  if (isAbortError(error) || error instanceof ProviderError) return error
  if (!isOctokitError(error)) return errorFromFetchFailure(error, context.signal)
  // A redirect refused in browserSafeFetch: on verify, a self-managed address that sends us on.
  if (error.cause instanceof ProviderError) {
    const subject = context.notFoundSubject
    return subject ? reviseProviderError(error.cause, { subject }) : error.cause
  }
  const { response } = error
  // Octokit turns a rejected fetch into a RequestError with status 500 and no response.
  if (!response) {
    return isAbortError(error.cause)
      ? error.cause
      : errorFromFetchFailure(error.cause, context.signal)
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(response.headers)) {
    if (typeof value === 'string' || typeof value === 'number') headers.set(name, String(value))
  }
  const providerMessage = githubMessage(response.data, context.token)
  const missing = missingClassicScope(error.status, headers, providerMessage)
  if (missing) return missing
  const failure = errorFromHttpFailure(
    {
      status: error.status,
      headers,
      ...(providerMessage === undefined ? {} : { providerMessage }),
    },
    context.notFoundSubject ? { notFoundSubject: context.notFoundSubject } : {},
  )
  return asSecondaryRateLimit(failure, headers) ?? failure
}

/**
 * GitHub answers 404, not 403, when a classic token lacks the scope an endpoint needs, and then
 * says which scopes it accepts (`x-accepted-oauth-scopes`) next to those the token has
 * (`x-oauth-scopes`); both are CORS-exposed. When the token has none of the accepted ones, the
 * 404 is a missing scope, not a missing resource: `forbidden` with reason `missing-scope`, GitHub's
 * words as they were, and both lists in our hint. Fine-grained and GitHub App tokens send no `x-oauth-scopes`, so they are left
 * alone, as is a 404 that accepts no scope at all (an empty header).
 */
function missingClassicScope(
  status: number,
  headers: Headers,
  providerMessage: string | undefined,
): ProviderError | null {
  if (status !== 404) return null
  const accepted = scopeList(headers.get('x-accepted-oauth-scopes'))
  const granted = headers.has('x-oauth-scopes') ? scopeList(headers.get('x-oauth-scopes')) : null
  if (accepted.length === 0 || granted === null) return null
  if (accepted.some((scope) => granted.includes(scope))) return null
  const has = granted.length === 0 ? '(none)' : granted.join(', ')
  return new ProviderError('forbidden', 'The token lacks the scope GitHub asks for here.', {
    status,
    subject: 'token',
    reason: 'missing-scope',
    providerMessage: providerMessage ?? 'Not Found',
    hint: `GitHub refused this token here because it lacks a scope: GitHub accepts ${accepted.join(' or ')}, and the token has ${has}. Create a token with one of those scopes and enter it on the connection.`,
  })
}

function scopeList(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '')
}

/**
 * GitHub's two kinds of rate limit answer 403 or 429 alike. The hourly (primary) one always says
 * `x-ratelimit-remaining: 0` and lifts at `x-ratelimit-reset`; errorFromHttpFailure reads that, and
 * the secondary one when its message says so. A 403/429 that carries `retry-after` while quota
 * remains is a secondary limit too, even when its message is missing or reworded
 * (docs.github.com, "Rate limits for the REST API").
 */
function asSecondaryRateLimit(failure: ProviderError, headers: Headers): ProviderError | null {
  const { status } = failure
  if (status !== 403 && status !== 429) return null
  if (failure.secondary || !headers.has('retry-after')) return null
  if (headers.get('x-ratelimit-remaining') === '0') return null
  const resetAt = rateLimitResetAt(headers)
  return new ProviderError('rate-limited', 'The provider is rate limiting requests.', {
    status,
    secondary: true,
    ...(failure.providerMessage === undefined ? {} : { providerMessage: failure.providerMessage }),
    ...(resetAt === undefined ? {} : { resetAt }),
  })
}

/**
 * GitHub's error bodies: `basic-error` (`{ message, documentation_url }`) and, for a 422,
 * `validation-error`, whose `errors[]` items carry `code` and optionally `resource`, `field` and
 * `message` (components/schemas in @octokit/openapi's api.github.com.json). The message, then each
 * item's own message (or, when it has none, what it names: `Hook url missing_field`).
 */
function githubMessage(data: unknown, token: string): string | undefined {
  if (typeof data !== 'object' || data === null || !('message' in data)) return undefined
  if (typeof data.message !== 'string' || data.message === '') return undefined
  const items = 'errors' in data && Array.isArray(data.errors) ? (data.errors as unknown[]) : []
  const details = items
    .slice(0, 5)
    .map(validationItem)
    .filter((item) => item !== '')
  const text = details.length > 0 ? `${data.message}: ${details.join('; ')}` : data.message
  return token ? text.split(token).join('[token]') : text
}

function validationItem(item: unknown): string {
  if (typeof item === 'string') return item
  if (typeof item !== 'object' || item === null) return ''
  const fields = item as Record<string, unknown>
  if (typeof fields.message === 'string' && fields.message !== '') return fields.message
  return [fields.resource, fields.field, fields.code]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' ')
}
