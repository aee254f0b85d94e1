/** The token check, JSON answers and the small readers of URLs, parameters and times. */
import { HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw'
import { hasLapsed } from '../../oauth/grants.ts'
import { gitlabHeaders } from './headers.ts'

/** Any host, and GitLab installed under a relative URL root too (`https://host/gitlab/api/v4`). */
export const API = '*/api/v4'
const REVOKED_TOKEN = 'revoked'

/** GitLab takes `Authorization: Bearer` (PATs and OAuth) or `PRIVATE-TOKEN` (PATs). */
function tokenOf(request: Request): string | null {
  const bearer = /^bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
  return bearer?.[1] ?? request.headers.get('private-token')
}

type Params = PathParams

/**
 * A demo token whose text contains `read-only` (any case), e.g. `glpat-read-only`: it has
 * `read_api` and `read_user` but not `api`, so it reads everything and may not write (hooks).
 */
export function isReadOnlyToken(token: string): boolean {
  return /read-only/i.test(token)
}

export const READ_ONLY_SCOPES = ['read_api', 'read_user']

const INSUFFICIENT_SCOPE = {
  error: 'insufficient_scope',
  error_description: 'The request requires higher privileges than provided by the access token.',
  scope: 'api',
}

/**
 * GitLab's answer to a request its token's scopes do not cover (a write with `read_api`): 403
 * with the OAuth error body and the same in `WWW-Authenticate`.
 */
export function insufficientScope(request: Request): Response {
  const headers = new Headers({
    'www-authenticate':
      'Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", ' +
      `error_description="${INSUFFICIENT_SCOPE.error_description}", scope="api"`,
  })
  return json(request, INSUFFICIENT_SCOPE, { status: 403, headers })
}

/**
 * A route that needs the `api` scope: GitLab checks scopes before it looks anything up, so a
 * `read-only` token gets the 403 whatever the path names.
 */
export function needsApiScope(
  resolver: HttpResponseResolver<Params>,
): HttpResponseResolver<Params> {
  return (info) => {
    const token = tokenOf(info.request)
    if (token && token !== REVOKED_TOKEN && isReadOnlyToken(token)) {
      return insufficientScope(info.request)
    }
    return resolver(info)
  }
}

export interface Context {
  request: Request
  params: Params
  url: URL
  token: string
}

/** GitLab's 401 to an OAuth token past its two hours. */
function expiredToken(request: Request): Response {
  const description = 'Token is expired. You can either do re-authorization or token refresh.'
  const headers = gitlabHeaders(request)
  headers.set(
    'www-authenticate',
    `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${description}"`,
  )
  return HttpResponse.json(
    { error: 'invalid_token', error_description: description },
    { status: 401, headers },
  )
}

/** A handler that answers GitLab's 401 unless the request carries an accepted token. */
export function authenticated(
  respond: (context: Context) => Response | Promise<Response>,
): HttpResponseResolver<Params> {
  return ({ request, params }) => {
    const token = tokenOf(request)
    if (token && hasLapsed(token)) return expiredToken(request)
    if (!token || token === REVOKED_TOKEN) {
      return HttpResponse.json(
        { message: '401 Unauthorized' },
        { status: 401, headers: gitlabHeaders(request) },
      )
    }
    return respond({ request, params, url: new URL(request.url), token })
  }
}

export function json(
  request: Request,
  body: unknown,
  init: { status?: number; headers?: Headers } = {},
) {
  const headers = gitlabHeaders(request)
  init.headers?.forEach((value, key) => headers.set(key, value))
  return HttpResponse.json(body as DefaultBodyType, { status: init.status ?? 200, headers })
}

export function notFound(request: Request, what: 'Project' | 'Group' | 'User' | 'Branch' | 'Hook') {
  return json(request, { message: `404 ${what} Not Found` }, { status: 404 })
}

/** The web root is whatever precedes /api/v4 (an instance may live under a sub-path). */
export function webRoot(url: URL): string {
  return `${url.origin}${url.pathname.slice(0, url.pathname.indexOf('/api/v4'))}`
}

/** GitLab writes times with an offset: `2026-11-20T08:00:00.000+00:00`. */
export function time(iso: string): string {
  return iso.replace(/Z$/, '+00:00')
}

export function flag(url: URL, name: string): boolean | undefined {
  const value = url.searchParams.get(name)
  if (value === null) return undefined
  return value === 'true' || value === '1'
}

export function param(params: Params, name: string): string {
  const value = params[name]
  const raw = typeof value === 'string' ? value : (value ?? []).join('/')
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
