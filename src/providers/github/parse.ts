/**
 * Reading GitHub's answers as `unknown`: a wrong GHES base URL can answer 200 with anything, and
 * nothing typed by Octokit is trusted before it is checked here.
 */
import { ProviderError, type ErrorSubject } from '../errors.ts'

export interface GitHubUser {
  id: number
  login: string
  name: string | null
  avatarUrl: string | null
  /** The public profile email, if the user set one. */
  email: string | null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function invalid(what: string, subject: ErrorSubject | undefined): ProviderError {
  return new ProviderError('invalid-response', `GitHub sent ${what} that could not be read.`, {
    ...(subject ? { subject } : {}),
  })
}

export function parseGitHubUser(data: unknown, subject?: ErrorSubject): GitHubUser {
  if (!isRecord(data) || typeof data.id !== 'number' || typeof data.login !== 'string') {
    throw invalid('an account', subject)
  }
  return {
    id: data.id,
    login: data.login,
    name: nonEmptyString(data.name),
    avatarUrl: nonEmptyString(data.avatar_url),
    email: nonEmptyString(data.email),
  }
}

/**
 * Verified addresses only (GitHub links commits to verified addresses only), primary first, each
 * once. Includes the `ID+login@users.noreply.github.com` address when GitHub lists it.
 */
export function parseGitHubEmails(data: unknown): string[] {
  if (!Array.isArray(data)) throw invalid('an email list', undefined)
  const entries = data.filter(isRecord).filter((entry) => entry.verified === true)
  const ordered = [
    ...entries.filter((entry) => entry.primary === true),
    ...entries.filter((entry) => entry.primary !== true),
  ]
  const emails = ordered.map((entry) => nonEmptyString(entry.email)).filter((e) => e !== null)
  return [...new Set(emails)]
}

/**
 * `x-oauth-scopes: repo, read:user` → ['repo', 'read:user']. An absent header means the token has
 * no classic scopes to tell (fine-grained PAT, GitHub App token): null, "unknown". A present but
 * empty header is a classic token with no scopes: [].
 */
export function parseScopes(header: unknown): string[] | null {
  if (typeof header !== 'string') return null
  return header
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '')
}

/**
 * `github-authentication-token-expiration: 2026-10-07 19:07:53 UTC` (or `+0200`) → ISO. GitHub
 * does not list this header in Access-Control-Expose-Headers, so browsers usually cannot read it
 * and expiry stays unknown there; Node and the demo mode can.
 */
export function parseTokenExpiration(header: unknown): string | null {
  if (typeof header !== 'string') return null
  const match =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(
      header.trim(),
    )
  if (!match) return null
  const [, date, time, zone = 'UTC'] = match
  const offset = zone === 'UTC' || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  const parsed = new Date(`${date}T${time}${offset}`)
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString()
}
