/**
 * Bitbucket Cloud adapter: verify(). Two credentials exist since app passwords stopped working on
 * 2026-06-09 (research/provider-apis.md §3.2), and they behave differently:
 * - a user API token authenticates as `Basic email:token` and acts as the user;
 * - a repository/project/workspace access token authenticates as `Bearer token`, is its own
 *   pseudo-user, and cannot list the workspaces it belongs to, so the form asks for the workspace.
 */
import { isProviderError } from '../errors.ts'
import { reviseProviderError } from '../http.ts'
import type { Account, Verification } from '../types.ts'
import { requireEmail, requireWorkspace } from './client.ts'
import type { BitbucketContext } from './context.ts'
import { listAllWorkspaces } from './workspaces.ts'
import { BitbucketEmails, BitbucketRepositories, BitbucketUser } from './schemas.ts'

/**
 * Bitbucket reports a token's scopes in `x-oauth-scopes`
 * (https://support.atlassian.com/bitbucket-cloud/kb/how-to-fetch-the-scope-of-a-token-via-command-line).
 * Whether the header is exposed to cross-origin scripts is unconfirmed: null when we cannot read it.
 */
function scopesFrom(headers: Headers): string[] | null {
  const value = headers.get('x-oauth-scopes')
  if (value === null) return null
  return value.split(/[\s,]+/).filter((scope) => scope !== '')
}

/**
 * Bitbucket retired `username` from user objects in 2019 in favour of `nickname` (not unique, may
 * hold spaces) and `account_id` (https://developer.atlassian.com/cloud/bitbucket/bitbucket-api-changes-gdpr/),
 * and the `account` schema of Atlassian's OpenAPI has no `username`; `/user` may still carry it.
 * The login is the username where sent, else the nickname (else the account id); a nickname
 * beside a username is kept as an alias, so a Username typed as either matches.
 */
function accountFromUser(user: BitbucketUser, emails: string[]): Account {
  const names = [user.username, user.nickname].filter(
    (name): name is string => typeof name === 'string' && name.trim() !== '',
  )
  const login = names[0] ?? user.account_id ?? user.uuid
  const aliases = [...new Set(names.slice(1))].filter((name) => name !== login)
  return {
    id: user.uuid,
    login,
    displayName: user.display_name ?? null,
    avatarUrl: user.links?.avatar?.href ?? null,
    emails,
    ...(aliases.length > 0 ? { aliases } : {}),
  }
}

async function verifyApiToken(
  context: BitbucketContext,
  signal?: AbortSignal,
): Promise<Verification> {
  const email = requireEmail(context.target)
  const api = context.api()
  const notices: string[] = []

  const user = await api
    .getJson('user', { validate: (v) => BitbucketUser.parse(v), signal })
    .catch((error: unknown) => {
      if (!isProviderError(error)) throw error
      if (error.kind === 'unauthorized') {
        throw reviseProviderError(error, {
          message: 'Bitbucket did not accept this email and API token.',
          hint: `Bitbucket refused the pair of email (${email}) and API token. The email must be the Atlassian account's own, and the token a Bitbucket API token with scopes; app passwords and unscoped Atlassian tokens do not work.`,
        })
      }
      if (error.kind === 'forbidden') {
        throw reviseProviderError(error, {
          reason: 'missing-scope',
          hint: 'Bitbucket accepted the API token but it lacks the "read:user:bitbucket" scope: create a token with it and enter it here.',
        })
      }
      throw error
    })

  // Emails only improve commit-author matching: a failure here is a notice, not an error.
  const emailsRequest = api
    .getJson('user/emails', { validate: (v) => BitbucketEmails.parse(v), signal })
    .then(({ data }) =>
      data.values
        .filter((entry) => entry.is_confirmed !== false)
        .sort((a, b) => Number(b.is_primary === true) - Number(a.is_primary === true))
        .map((entry) => entry.email),
    )
    .catch((error: unknown) => {
      if (!isProviderError(error)) throw error
      notices.push(
        'Bitbucket would not list the account’s email addresses, so only the sign-in email is known. Commits made with other addresses will show the address instead of your username.',
      )
      return []
    })

  // The replacement for the removed /workspaces (CHANGE-2770, CHANGE-3022); repositories are
  // listed per workspace, so a token that cannot list workspaces cannot browse anything. Every
  // page is read, so membership of the chosen workspace is decided over the whole list.
  const workspacesRequest = listAllWorkspaces(context, signal).catch((error: unknown) => {
    if (isProviderError(error) && error.kind === 'forbidden') {
      throw reviseProviderError(error, {
        reason: 'missing-scope',
        hint: 'Bitbucket accepted the API token but it lacks the "read:workspace:bitbucket" scope, which listing your workspaces needs: create a token with it and enter it here.',
      })
    }
    throw error
  })

  const [listed, workspaces] = await Promise.all([emailsRequest, workspacesRequest])
  const slugs = workspaces.map((owner) => owner.name)
  if (slugs.length === 0) {
    notices.push(
      'This account belongs to no Bitbucket workspace, so there are no repositories to browse.',
    )
  }
  const wanted = context.target.workspace?.trim()
  if (wanted && slugs.length > 0 && !slugs.includes(wanted)) {
    notices.push(
      `The account is not a member of the workspace “${wanted}”, so the connection shows no repositories. Check the workspace ID (the part after bitbucket.org/ in its URL) or clear the field to see every workspace.`,
    )
  }

  // The sign-in email was just accepted by Bitbucket, so it belongs to this account.
  const emails = [...listed]
  if (!emails.some((known) => known.toLowerCase() === email.toLowerCase())) emails.unshift(email)

  return {
    account: accountFromUser(user.data, emails),
    scopes: scopesFrom(user.headers),
    expiresAt: null,
    remote: null,
    notices,
  }
}

async function verifyAccessToken(
  context: BitbucketContext,
  signal?: AbortSignal,
): Promise<Verification> {
  const workspace = requireWorkspace(context.target)
  const api = context.api()
  const notices: string[] = []

  // An access token acts as a pseudo-user, but it has no account scope, so Bitbucket may refuse
  // /user with a 403 ("lack one or more required privilege scopes"). Only a 401 is fatal here.
  const user = await api
    .getJson('user', { validate: (v) => BitbucketUser.parse(v), signal })
    .catch((error: unknown) => {
      if (isProviderError(error) && (error.kind === 'forbidden' || error.kind === 'not-found')) {
        return null
      }
      throw error
    })

  // Listing one repository of the workspace works for repository, project and workspace tokens
  // alike (GET /workspaces/{workspace} is not open to repository tokens) and proves read access.
  const repositories = await api
    .getJson(`repositories/${encodeURIComponent(workspace)}`, {
      validate: (v) => BitbucketRepositories.parse(v),
      query: { pagelen: 1 },
      context: { notFoundSubject: 'workspace' },
      signal,
    })
    .catch((error: unknown) => {
      if (isProviderError(error) && error.kind === 'forbidden') {
        throw reviseProviderError(error, {
          subject: 'workspace',
          hint: `The access token cannot read repositories in “${workspace}”: it may belong to another workspace, or lack the repository read scope.`,
        })
      }
      throw error
    })

  if (repositories.data.values.length === 0) {
    notices.push(`The access token sees no repositories in the workspace “${workspace}”.`)
  }
  const owner = repositories.data.values[0]?.workspace
  const account: Account = user
    ? accountFromUser(user.data, [])
    : {
        // No user behind an access token: describe the workspace it belongs to instead.
        id: owner?.uuid ?? workspace,
        login: owner?.slug ?? workspace,
        displayName: owner?.name ?? workspace,
        avatarUrl: owner?.links?.avatar?.href ?? null,
        emails: [],
      }
  if (!user) {
    notices.push(
      'Access tokens are not a person: commits are matched by email, and the account shown is the workspace.',
    )
  }
  return {
    account,
    scopes: (user && scopesFrom(user.headers)) ?? scopesFrom(repositories.headers),
    expiresAt: null,
    remote: null,
    notices,
  }
}

export function verifyBitbucket(
  context: BitbucketContext,
  signal?: AbortSignal,
): Promise<Verification> {
  return context.target.credentialKind === 'api-token'
    ? verifyApiToken(context, signal)
    : verifyAccessToken(context, signal)
}
