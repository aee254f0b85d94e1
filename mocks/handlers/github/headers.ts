/** The headers every GitHub answer carries: CORS, caching, rate limits, scopes, expiry. */
import { githubClassicScopes, githubReadOnlyScopes } from '../../data/github.ts'
import { hasClassicScopes, isReadOnlyToken, type Site } from './site.ts'

/** `2026-10-07 19:07:53 UTC`, GitHub's format for github-authentication-token-expiration. */
function expirationHeader(daysFromNow: number): string {
  const date = new Date(Date.now() + daysFromNow * 86_400_000)
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** Search has its own, smaller rate-limit bucket. */
export type RateResource = 'core' | 'search'

export function githubHeaders(
  site: Site,
  token: string | null,
  resource: RateResource = 'core',
): Headers {
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
    const limit = resource === 'search' ? 30 : token ? 5000 : 60
    headers.set('x-ratelimit-limit', String(limit))
    headers.set('x-ratelimit-remaining', String(limit - 1))
    headers.set('x-ratelimit-used', '1')
    const window = resource === 'search' ? 60 : 3600
    headers.set('x-ratelimit-reset', String(Math.floor(Date.now() / 1000) + window))
    headers.set('x-ratelimit-resource', resource)
  }
  if (token && hasClassicScopes(token)) {
    const scopes = isReadOnlyToken(token) ? githubReadOnlyScopes : githubClassicScopes
    headers.set('x-oauth-scopes', scopes.join(', '))
  }
  if (token?.startsWith('github_pat_')) {
    // Fine-grained tokens always expire; the demo's run out in 90 days.
    headers.set('github-authentication-token-expiration', expirationHeader(90))
  }
  return headers
}
