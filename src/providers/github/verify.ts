/**
 * GitHub and GitHub Enterprise Server: who the token belongs to, its classic scopes and expiry.
 * REST reference: https://docs.github.com/en/rest/users/users#get-the-authenticated-user and
 * https://docs.github.com/en/rest/users/emails#list-email-addresses-for-the-authenticated-user
 */
import { ProviderError } from '../errors.ts'
import type { Account, Verification } from '../types.ts'
import { toProviderError, type ErrorContext } from './client.ts'
import { parseGitHubEmails, parseGitHubUser, parseScopes, parseTokenExpiration } from './parse.ts'
import type { GitHubSession } from './session.ts'

export const EMAILS_UNREADABLE_NOTICE =
  'The token cannot read your email addresses (needs the user:email scope), so your own commits ' +
  'will be matched by your public email only.'
export const NO_REPO_SCOPE_NOTICE =
  'The token has no repo scope: private repositories will not be listed and release webhooks ' +
  'cannot be created.'

/** `verify` for a session: the adapter (adapter.ts) composes it with the other areas. */
export function createVerify(
  session: GitHubSession,
): (signal?: AbortSignal) => Promise<Verification> {
  const { octokit, token, target: githubTarget } = session

  async function verify(signal?: AbortSignal): Promise<Verification> {
    const context: ErrorContext = {
      token,
      signal,
      // A GHES base URL that is not a GHES server answers 404 (or HTML) on /api/v3/user.
      notFoundSubject: githubTarget.type === 'github-enterprise' ? 'base-url' : undefined,
    }
    // Both at once; when both fail, /user's failure is the one that explains the most.
    const [user, emails] = await Promise.allSettled([
      octokit.rest.users.getAuthenticated({ request: { signal } }),
      readEmails(signal, context),
    ])
    if (user.status === 'rejected') throw toProviderError(user.reason, context)
    const { data, headers } = user.value
    const profile = parseGitHubUser(data, context.notFoundSubject)
    if (emails.status === 'rejected') throw emails.reason
    // Classic tokens list their scopes; fine-grained and GitHub App tokens send no header.
    const scopes = parseScopes(headers['x-oauth-scopes'])
    const notices: string[] = []
    if (scopes !== null && !scopes.includes('repo')) notices.push(NO_REPO_SCOPE_NOTICE)
    if (emails.value === null) notices.push(EMAILS_UNREADABLE_NOTICE)
    const account: Account = {
      id: String(profile.id),
      login: profile.login,
      displayName: profile.name,
      avatarUrl: profile.avatarUrl,
      emails: emails.value ?? (profile.email ? [profile.email] : []),
    }
    return {
      account,
      scopes,
      expiresAt: parseTokenExpiration(headers['github-authentication-token-expiration']),
      remote: null,
      notices,
    }
  }

  /**
   * The account's verified addresses, primary first; null when the token may not read them
   * (classic tokens without user:email get 404, fine-grained ones without the permission 403).
   */
  async function readEmails(signal: AbortSignal | undefined, context: ErrorContext) {
    try {
      const { data } = await octokit.rest.users.listEmailsForAuthenticatedUser({
        per_page: 100,
        request: { signal },
      })
      return parseGitHubEmails(data)
    } catch (error) {
      const failure = toProviderError(error, context)
      if (failure instanceof ProviderError && isMissingPermission(failure)) return null
      throw failure
    }
  }

  return verify
}

function isMissingPermission(error: ProviderError): boolean {
  return error.kind === 'forbidden' || error.kind === 'not-found'
}
