/** The headers every GitLab answer carries: CORS, caching, request id and rate limits. */

export function gitlabHeaders(request: Request): Headers {
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
