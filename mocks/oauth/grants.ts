/**
 * The simulated providers' authorization codes and OAuth tokens. They describe themselves, because
 * the authorize page (in the popup) and the token endpoint (in the tab that exchanges) run in
 * different pages that share no memory:
 *
 * - a code carries its PKCE challenge, client, redirect URI, expiry and what the exchange is to
 *   answer, base64url-encoded (a real code is opaque; this one only has to be checkable);
 * - a token carries its expiry (`…_exp<epoch seconds>_…`), so the simulated APIs refuse it with a
 *   401 once it has lapsed, as GitHub and GitLab do, and a moved clock lets a test see a refresh.
 */

/** What the person chose on the simulated authorize page, for the exchange to act out. */
export type ExchangeOutcome = 'token' | 'refused' | 'server-error'
/** GitHub App user tokens expire (with a refresh token); OAuth App tokens do not. */
export type TokenKind = 'expiring' | 'non-expiring'

export interface DemoCode {
  provider: 'github' | 'gitlab'
  clientId: string
  redirectUri: string
  challenge: string
  /** Epoch ms: GitHub's codes last 10 minutes. */
  expiresAt: number
  outcome: ExchangeOutcome
  tokenKind: TokenKind
}

const CODE_PREFIX = 'demo_code_'

export function encodeCode(code: DemoCode): string {
  return CODE_PREFIX + base64url(JSON.stringify(code))
}

export function decodeCode(text: string): DemoCode | null {
  if (!text.startsWith(CODE_PREFIX)) return null
  try {
    const json = atob(text.slice(CODE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'))
    return JSON.parse(json) as DemoCode
  } catch {
    return null
  }
}

export const ACCESS_TOKEN_SECONDS = { github: 8 * 3600, gitlab: 2 * 3600 } as const
/** GitHub's refresh tokens last 6 months; GitLab's do not expire, but are spent on use. */
export const REFRESH_TOKEN_SECONDS = { github: 15_897_600, gitlab: 10 * 365 * 86_400 } as const

export function mintToken(
  prefix: string,
  lifetimeSeconds: number | null,
  now = Date.now(),
): string {
  const random = crypto.randomUUID().replace(/-/g, '').slice(0, 20)
  if (lifetimeSeconds === null) return `${prefix}${random}`
  return `${prefix}exp${Math.floor(now / 1000) + lifetimeSeconds}_${random}`
}

/** Whether a token minted with a lifetime has run out (tokens without one never do). */
export function hasLapsed(token: string, now = Date.now()): boolean {
  const match = /_exp(\d+)_/.exec(token)
  return match !== null && Number(match[1]) * 1000 <= now
}

export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64url(String.fromCharCode(...new Uint8Array(digest)))
}

function base64url(binary: string): string {
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
