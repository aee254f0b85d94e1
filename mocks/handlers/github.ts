/**
 * Simulated GitHub REST API for Vitest and the demo mode: api.github.com and any GitHub Enterprise
 * Server host (under /api/v3). Any token works except `revoked`; payloads and headers follow
 * https://docs.github.com/en/rest (users, emails, rate limits, CORS).
 */
import { http, HttpResponse, type HttpResponseResolver, type RequestHandler } from 'msw'
import {
  githubClassicScopes,
  githubDemoEmails,
  githubDemoUser,
  githubNoreplyEmail,
} from '../data/github.ts'

const DOTCOM_API = 'https://api.github.com'
const ENTERPRISE_API = '*/api/v3'
const REVOKED_TOKEN = 'revoked'

/** Where a request landed: github.com or a GHES host, and the URLs that host uses. */
interface Site {
  api: string
  web: string
  noreplyDomain: string
  enterprise: boolean
}

function siteOf(request: Request): Site {
  const url = new URL(request.url)
  if (url.origin === DOTCOM_API) {
    return {
      api: DOTCOM_API,
      web: 'https://github.com',
      noreplyDomain: 'github.com',
      enterprise: false,
    }
  }
  return {
    api: `${url.origin}/api/v3`,
    web: url.origin,
    noreplyDomain: url.hostname,
    enterprise: true,
  }
}

/** GitHub accepts `Bearer` and the older `token` scheme. */
function tokenOf(request: Request): string | null {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
  return match?.[1] ?? null
}

/** Fine-grained PATs and GitHub App tokens have no classic scopes, so GitHub sends no header. */
function hasClassicScopes(token: string): boolean {
  return !/^(github_pat_|ghu_|ghs_)/.test(token)
}

/** `2026-10-07 19:07:53 UTC`, GitHub's format for github-authentication-token-expiration. */
function expirationHeader(daysFromNow: number): string {
  const date = new Date(Date.now() + daysFromNow * 86_400_000)
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

function githubHeaders(site: Site, token: string | null): Headers {
  const headers = new Headers({
    'access-control-allow-origin': '*',
    'access-control-expose-headers':
      'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, ' +
      'X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, ' +
      'X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, ' +
      'X-GitHub-Request-Id, Deprecation, Sunset',
    'cache-control': token ? 'private, max-age=60, s-maxage=60' : 'public, max-age=60, s-maxage=60',
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `DEMO:${Math.floor(Math.random() * 0xffffff).toString(16)}`,
  })
  // GHES ships with rate limiting off, and then sends no x-ratelimit-* headers.
  if (!site.enterprise) {
    const limit = token ? 5000 : 60
    headers.set('x-ratelimit-limit', String(limit))
    headers.set('x-ratelimit-remaining', String(limit - 13))
    headers.set('x-ratelimit-used', '13')
    headers.set('x-ratelimit-reset', String(Math.floor(Date.now() / 1000) + 3600))
    headers.set('x-ratelimit-resource', 'core')
  }
  if (token && hasClassicScopes(token))
    headers.set('x-oauth-scopes', githubClassicScopes.join(', '))
  if (token?.startsWith('github_pat_')) {
    // Fine-grained tokens always expire; the demo's run out in 90 days.
    headers.set('github-authentication-token-expiration', expirationHeader(90))
  }
  return headers
}

/** GitHub's 401: "Requires authentication" without a token, "Bad credentials" with a bad one. */
function unauthorized(site: Site, token: string | null): Response {
  const body = token
    ? {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      }
    : {
        message: 'Requires authentication',
        documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        status: '401',
      }
  return HttpResponse.json(body, { status: 401, headers: githubHeaders(site, null) })
}

/** A handler that answers 401 unless the request carries an accepted token. */
function authenticated(
  respond: (context: { request: Request; site: Site; token: string }) => Response,
): HttpResponseResolver {
  return ({ request }) => {
    const site = siteOf(request)
    const token = tokenOf(request)
    if (!token || token === REVOKED_TOKEN) return unauthorized(site, token)
    return respond({ request, site, token })
  }
}

/** The same route on api.github.com and on any GHES host. */
function get(path: string, resolver: HttpResponseResolver): RequestHandler[] {
  return [
    http.get(`${DOTCOM_API}${path}`, resolver),
    http.get(`${ENTERPRISE_API}${path}`, resolver),
  ]
}

function userPayload(site: Site) {
  const { login } = githubDemoUser
  const url = `${site.api}/users/${login}`
  return {
    ...githubDemoUser,
    gravatar_id: '',
    url,
    html_url: `${site.web}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
    user_view_type: 'private',
    site_admin: false,
  }
}

export const githubHandlers: RequestHandler[] = [
  // https://docs.github.com/en/rest/users/users#get-the-authenticated-user
  ...get(
    '/user',
    authenticated(({ site, token }) => {
      const headers = githubHeaders(site, token)
      headers.set('x-accepted-oauth-scopes', '')
      return HttpResponse.json(userPayload(site), { headers })
    }),
  ),
  // https://docs.github.com/en/rest/users/emails#list-email-addresses-for-the-authenticated-user
  ...get(
    '/user/emails',
    authenticated(({ site, token }) => {
      const headers = githubHeaders(site, token)
      headers.set('x-accepted-oauth-scopes', 'user, user:email')
      const noreply = {
        email: githubNoreplyEmail(site.noreplyDomain),
        primary: false,
        verified: true,
        visibility: null,
      }
      return HttpResponse.json([...githubDemoEmails, noreply], { headers })
    }),
  ),
]
