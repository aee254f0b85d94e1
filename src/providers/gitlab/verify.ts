/**
 * GitLab.com and self-managed GitLab: who the token belongs to, its scopes and expiry.
 */
import { ProviderError } from '../errors.ts'
import type { Account, Verification } from '../types.ts'
import { gitlabGet, type GitLabApi } from './client.ts'
import { parseGitLabUser, parseTokenInfo, type GitLabTokenInfo } from './parse.ts'

export const NO_READ_API_NOTICE =
  'The token has neither the read_api nor the api scope: browsing repositories needs read_api, ' +
  'and setting up release webhooks needs api.'
export const NO_API_NOTICE =
  'The token has no api scope: it can browse, but setting up release webhooks needs api.'

/** `onAccount` hears about the account, so the provider need not ask for it again. */
export async function verifyGitLab(
  api: GitLabApi,
  signal?: AbortSignal,
  onAccount?: (account: Account) => void,
): Promise<Verification> {
  // Both at once; when both fail, /user's failure is the one that explains the most.
  const [user, token] = await Promise.allSettled([
    gitlabGet(api, '/user', signal),
    readTokenInfo(api, signal),
  ])
  if (user.status === 'rejected') throw user.reason
  const account = parseGitLabUser(user.value, api.notFoundSubject)
  onAccount?.(account)
  if (token.status === 'rejected') throw token.reason
  const scopes = token.value?.scopes ?? null
  return {
    account,
    scopes,
    expiresAt: token.value?.expiresAt ?? null,
    remote: null,
    notices: scopeNotices(scopes),
  }
}

/**
 * Scopes and expiry of a personal, project or group access token. OAuth tokens are not access
 * tokens: GitLab answers 401 or 404 there (403 on some versions), which leaves the scopes unknown,
 * not a failure: /user already proved the token works.
 */
async function readTokenInfo(
  api: GitLabApi,
  signal?: AbortSignal,
): Promise<GitLabTokenInfo | null> {
  try {
    return parseTokenInfo(await gitlabGet(api, '/personal_access_tokens/self', signal))
  } catch (error) {
    if (error instanceof ProviderError && [401, 403, 404].includes(error.status ?? 0)) return null
    throw error
  }
}

function scopeNotices(scopes: string[] | null): string[] {
  if (scopes === null || scopes.includes('api')) return []
  return [scopes.includes('read_api') ? NO_API_NOTICE : NO_READ_API_NOTICE]
}
