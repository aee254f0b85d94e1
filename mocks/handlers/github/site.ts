/** Where a GitHub request landed (github.com or a GHES host) and the token it carries. */

import { HOSTILE_HOST_PREFIX } from '../../data/hostile.ts'

export const DOTCOM_API = 'https://api.github.com'
export const ENTERPRISE_API = '*/api/v3'
export const REVOKED_TOKEN = 'revoked'

/** Where a request landed: github.com or a GHES host, and the URLs that host uses. */
export interface Site {
  api: string
  web: string
  noreplyDomain: string
  enterprise: boolean
  /** A `hostile.` host: a compromised server whose data attacks the page (data/hostile.ts). */
  hostile: boolean
}

export function siteOf(request: Request): Site {
  const url = new URL(request.url)
  if (url.origin === DOTCOM_API) {
    return {
      api: DOTCOM_API,
      web: 'https://github.com',
      noreplyDomain: 'github.com',
      enterprise: false,
      hostile: false,
    }
  }
  return {
    api: `${url.origin}/api/v3`,
    web: url.origin,
    noreplyDomain: url.hostname,
    enterprise: true,
    hostile: url.hostname.startsWith(HOSTILE_HOST_PREFIX),
  }
}

/** GitHub accepts `Bearer` and the older `token` scheme. */
export function tokenOf(request: Request): string | null {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
  return match?.[1] ?? null
}

/** Fine-grained PATs and GitHub App tokens have no classic scopes, so GitHub sends no header. */
export function hasClassicScopes(token: string): boolean {
  return !/^(github_pat_|ghu_|ghs_)/.test(token)
}

/**
 * A demo token whose text contains `read-only` (any case), e.g. `ghp_demo_read-only` or
 * `github_pat_read-only`: it reads everything, but may not manage webhooks.
 */
export function isReadOnlyToken(token: string): boolean {
  return /read-only/i.test(token)
}
