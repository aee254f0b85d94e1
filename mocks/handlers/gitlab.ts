/**
 * Simulated GitLab REST API (v4) for Vitest and the demo mode: gitlab.com and any self-managed
 * host, which all serve the API under /api/v4. Any token works except `revoked`; payloads follow
 * https://docs.gitlab.com/api/users/ and https://docs.gitlab.com/api/personal_access_tokens/.
 */
import { http, HttpResponse, type HttpResponseResolver, type RequestHandler } from 'msw'
import { gitlabDemoToken, gitlabDemoUser, gitlabNoreplyEmail } from '../data/gitlab.ts'

/** Any host, and GitLab installed under a relative URL root too (`https://host/gitlab/api/v4`). */
const API = '*/api/v4'
const REVOKED_TOKEN = 'revoked'

/** GitLab takes `Authorization: Bearer` (PATs and OAuth) or `PRIVATE-TOKEN` (PATs). */
function tokenOf(request: Request): string | null {
  const bearer = /^bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
  return bearer?.[1] ?? request.headers.get('private-token')
}

function gitlabHeaders(request: Request): Headers {
  const url = new URL(request.url)
  const headers = new Headers({
    // GitLab's Rack::Cors rule for /api/*: any origin, no credentials (config/application.rb).
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-expose-headers':
      'Link, X-Total, X-Total-Pages, X-Per-Page, X-Page, X-Next-Page, X-Prev-Page, ' +
      'X-Gitlab-Blob-Id, X-Gitlab-Commit-Id, X-Gitlab-Content-Sha256, X-Gitlab-Encoding, ' +
      'X-Gitlab-File-Name, X-Gitlab-File-Path, X-Gitlab-Last-Commit-Id, X-Gitlab-Ref, ' +
      'X-Gitlab-Size, X-Request-Id, ETag',
    'access-control-max-age': '7200',
    'cache-control': 'max-age=0, private, must-revalidate',
    vary: 'Origin, Accept-Encoding',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'x-request-id': `01DEMO${Math.floor(Math.random() * 0xffffff)
      .toString(16)
      .toUpperCase()}`,
  })
  // GitLab.com rate-limits authenticated API use (2,000 requests a minute); self-managed
  // instances ship with user limits off and send no RateLimit-* headers.
  if (url.hostname === 'gitlab.com') {
    const reset = Math.ceil(Date.now() / 60_000) * 60
    headers.set('ratelimit-name', 'throttle_authenticated_api')
    headers.set('ratelimit-limit', '2000')
    headers.set('ratelimit-observed', '3')
    headers.set('ratelimit-remaining', '1997')
    headers.set('ratelimit-reset', String(reset))
    headers.set('ratelimit-resettime', new Date(reset * 1000).toUTCString())
  }
  return headers
}

/** A handler that answers GitLab's 401 unless the request carries an accepted token. */
function authenticated(
  respond: (context: { request: Request; token: string }) => Response,
): HttpResponseResolver {
  return ({ request }) => {
    const token = tokenOf(request)
    if (!token || token === REVOKED_TOKEN) {
      return HttpResponse.json(
        { message: '401 Unauthorized' },
        { status: 401, headers: gitlabHeaders(request) },
      )
    }
    return respond({ request, token })
  }
}

function userPayload(request: Request) {
  const url = new URL(request.url)
  // The web root is whatever precedes /api/v4 (an instance may live under a sub-path).
  const web = `${url.origin}${url.pathname.slice(0, url.pathname.indexOf('/api/v4'))}`
  return {
    ...gitlabDemoUser,
    web_url: `${web}/${gitlabDemoUser.username}`,
    commit_email: gitlabNoreplyEmail(url.hostname),
  }
}

function dateFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

export const gitlabHandlers: RequestHandler[] = [
  // https://docs.gitlab.com/api/users/#get-the-current-user
  http.get(
    `${API}/user`,
    authenticated(({ request }) =>
      HttpResponse.json(userPayload(request), { headers: gitlabHeaders(request) }),
    ),
  ),
  // https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token
  http.get(
    `${API}/personal_access_tokens/self`,
    authenticated(({ request }) =>
      HttpResponse.json(
        {
          ...gitlabDemoToken,
          last_used_at: new Date().toISOString(),
          // About a year from now; GitLab stores a date, and the token dies at midnight UTC.
          expires_at: dateFromNow(365),
        },
        { headers: gitlabHeaders(request) },
      ),
    ),
  ),
]
