/**
 * The Bitbucket Cloud HTTP client and the small rules every Bitbucket call shares: which header a
 * credential sends, how `next` links are followed, BBQL string quoting and repository paths.
 */
import { ProviderError } from '../errors.ts'
import { basicAuthorization, createHttpClient, type HttpClient } from '../http.ts'
import type { ProviderTarget, RepoRef } from '../types.ts'
import { bitbucketErrorDetail } from './schemas.ts'

export const BITBUCKET_API = 'https://api.bitbucket.org/2.0'

export type BitbucketTarget = Extract<ProviderTarget, { type: 'bitbucket' }>

/** Bitbucket's usual page-length ceiling (research §3.3). */
const MAX_PAGELEN = 100

/** The Atlassian account email an API token signs in with; asked for before sending anything. */
export function requireEmail(target: BitbucketTarget): string {
  const email = target.email?.trim()
  if (!email) {
    throw new ProviderError(
      'unsupported',
      'A Bitbucket API token needs its Atlassian account email.',
      {
        subject: 'email',
        hint: 'Bitbucket API tokens sign in as email + token: enter the email of the Atlassian account that created the token.',
      },
    )
  }
  return email
}

/** The workspace an access token belongs to: it cannot list its workspaces itself. */
export function requireWorkspace(target: BitbucketTarget): string {
  const workspace = target.workspace?.trim()
  if (!workspace) {
    throw new ProviderError('unsupported', 'A Bitbucket access token needs its workspace.', {
      subject: 'workspace',
      hint: 'Access tokens cannot list the workspaces they belong to: enter the workspace ID (the part after bitbucket.org/ in its URL).',
    })
  }
  return workspace
}

/** API tokens go as `Basic email:token`, access tokens as `Bearer` (research §3.2). */
export function authorizationFor(target: BitbucketTarget, token: string): string {
  if (target.credentialKind === 'api-token') return basicAuthorization(requireEmail(target), token)
  requireWorkspace(target)
  return `Bearer ${token}`
}

export function bitbucketClient(
  authorization: string,
  token: string,
  moreSecrets: readonly string[] = [],
): HttpClient {
  return createHttpClient({
    baseUrl: BITBUCKET_API,
    authorization,
    secrets: [token, ...moreSecrets],
    errorDetail: bitbucketErrorDetail,
    context: { unauthorizedSubject: 'token' },
  })
}

/**
 * A `next` link as a path under the API base, which the client then requests verbatim (query
 * included). A link that leaves the API is refused: the token must never go to another host.
 */
export function nextPath(next: string | null | undefined): string | null {
  if (next === undefined || next === null || next === '') return null
  if (!next.startsWith(`${BITBUCKET_API}/`)) {
    throw new ProviderError('invalid-response', 'Bitbucket sent a page link outside its API.')
  }
  return next.slice(BITBUCKET_API.length + 1)
}

export function pageLength(pageSize: number | undefined, fallback = 30): number {
  const wanted = pageSize ?? fallback
  return Math.min(Math.max(Math.floor(wanted) || fallback, 1), MAX_PAGELEN)
}

/** A BBQL string literal: double quotes, with `\` and `"` escaped. */
export function bbqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** `name ~ "term"` (case-insensitive substring), or nothing for an empty search. */
export function nameQuery(search: string | undefined): string | undefined {
  const term = search?.trim()
  return term ? `name ~ ${bbqlString(term)}` : undefined
}

/** `repositories/{workspace}/{slug}` for a RepoRef whose id is the full name `workspace/slug`. */
export function repositoryPath(repo: RepoRef): string {
  const [workspace, slug, ...rest] = repo.id.split('/')
  if (!workspace || !slug || rest.length > 0) {
    throw new ProviderError('not-found', `“${repo.id}” is not a Bitbucket repository.`, {
      hint: `“${repo.id}” is not a Bitbucket repository: Bitbucket repositories are addressed as workspace/slug.`,
    })
  }
  return `repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(slug)}`
}
