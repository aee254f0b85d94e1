/**
 * Reading GitLab's answers as `unknown`: a self-managed base URL can point at anything, so nothing
 * is trusted before it is checked here.
 */
import { ProviderError, type ErrorSubject } from '../errors.ts'
import type { Account } from '../types.ts'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/**
 * GET /user (https://docs.gitlab.com/api/users/#get-the-current-user). Emails: `email` (the
 * account's primary, shown to the user themself), `commit_email` (what web edits use, often a
 * `…@users.noreply.<host>` address) and `public_email`, each once, empty ones dropped.
 */
export function parseGitLabUser(data: unknown, subject?: ErrorSubject): Account {
  if (!isRecord(data) || typeof data.id !== 'number' || typeof data.username !== 'string') {
    throw new ProviderError('invalid-response', 'GitLab sent an account that could not be read.', {
      ...(subject ? { subject } : {}),
    })
  }
  const seen = new Set<string>()
  const emails: string[] = []
  for (const candidate of [data.email, data.commit_email, data.public_email]) {
    const email = nonEmptyString(candidate)
    if (email && !seen.has(email.toLowerCase())) {
      seen.add(email.toLowerCase())
      emails.push(email)
    }
  }
  return {
    id: String(data.id),
    login: data.username,
    displayName: nonEmptyString(data.name),
    avatarUrl: nonEmptyString(data.avatar_url),
    emails,
  }
}

export interface GitLabTokenInfo {
  scopes: string[]
  expiresAt: string | null
}

/**
 * GET /personal_access_tokens/self (https://docs.gitlab.com/api/personal_access_tokens/). Its
 * `expires_at` is a date; GitLab tokens "expire on the date you define, at midnight UTC", so
 * `2027-01-15` becomes `2027-01-15T00:00:00.000Z`. Unreadable fields count as unknown.
 */
export function parseTokenInfo(data: unknown): GitLabTokenInfo | null {
  if (!isRecord(data) || !Array.isArray(data.scopes)) return null
  const scopes = data.scopes.filter((scope): scope is string => typeof scope === 'string')
  return { scopes, expiresAt: parseExpiry(data.expires_at) }
}

function parseExpiry(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value
  const time = Date.parse(text)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}
