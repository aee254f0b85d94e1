/** Errors, the caller's credentials and scopes, and the workspace or repository a path names. */
import { HttpResponse } from 'msw'
import { findDemoRepository } from '../../data/catalog.ts'
import {
  BITBUCKET_API,
  bitbucketDemoScopes,
  bitbucketDemoWorkspaces,
} from '../../data/bitbucket.ts'

/** `readOnly`: the token's text contains `read-only` (any case); see readOnlyScopes. */
type Caller =
  | { kind: 'api-token'; email: string; readOnly: boolean }
  | { kind: 'access-token'; readOnly: boolean }

/**
 * A demo token whose text contains `read-only`, e.g. `ATATT-read-only`, reads everything but may
 * not manage webhooks: an API token without `write:webhook:bitbucket` and
 * `delete:webhook:bitbucket` (it may still list them), an access token without `webhook`.
 */
export function isReadOnlyToken(token: string): boolean {
  return /read-only/i.test(token)
}

const readOnlyScopes = {
  apiToken:
    'read:user:bitbucket, read:workspace:bitbucket, read:repository:bitbucket, read:webhook:bitbucket',
  accessToken: 'repository, pullrequest',
}

/** Bitbucket's error envelope. The exact message texts are unconfirmed; the shape is documented. */
export function error(status: number, message: string, detail?: unknown, headers?: HeadersInit) {
  return HttpResponse.json(
    { type: 'error', error: detail === undefined ? { message } : { message, detail } },
    { status, ...(headers ? { headers } : {}) },
  )
}

function unauthorized(message: string) {
  return error(401, message, undefined, { 'WWW-Authenticate': 'Basic realm="Bitbucket.org HTTP"' })
}

function decodeBasic(value: string): [string, string] | null {
  try {
    const decoded = atob(value)
    const colon = decoded.indexOf(':')
    return colon < 0 ? null : [decoded.slice(0, colon), decoded.slice(colon + 1)]
  } catch {
    return null
  }
}

export function authenticate(request: Request): Caller | Response {
  const header = request.headers.get('authorization') ?? ''
  const bearer = /^Bearer (.+)$/i.exec(header)
  if (bearer) {
    return bearer[1] === 'revoked'
      ? unauthorized('Token is invalid, expired, or not supported for this endpoint.')
      : { kind: 'access-token', readOnly: isReadOnlyToken(bearer[1] ?? '') }
  }
  const basic = /^Basic (.+)$/i.exec(header)
  const pair = basic?.[1] ? decodeBasic(basic[1]) : null
  if (!pair) return unauthorized('Authentication required.')
  const [user, token] = pair
  // API tokens only work with the Atlassian account email as the user name.
  if (!user.includes('@') || token === '' || token === 'revoked') {
    return unauthorized('Invalid credentials.')
  }
  return { kind: 'api-token', email: user, readOnly: isReadOnlyToken(token) }
}

function scopesOf(caller: Caller): string {
  const scopes = caller.readOnly ? readOnlyScopes : bitbucketDemoScopes
  return caller.kind === 'api-token' ? scopes.apiToken : scopes.accessToken
}

export function scopeHeaders(caller: Caller) {
  return { 'x-oauth-scopes': scopesOf(caller) }
}

export type WebhookAction = 'read' | 'write' | 'delete'

/**
 * Bitbucket's scope check for the webhook endpoints: 403 "Your credentials lack one or more
 * required privilege scopes." with the granted and required scopes. API tokens need
 * `read:`/`write:`/`delete:webhook:bitbucket` (Atlassian's "API token permissions"); access
 * tokens the `webhook` scope ("Webhooks: Read and write"). Null when the caller has it; every
 * caller is checked against the scopes it reports.
 */
export function lacksWebhookScope(caller: Caller, action: WebhookAction): Response | null {
  const granted = scopesOf(caller).split(', ')
  const required = caller.kind === 'api-token' ? `${action}:webhook:bitbucket` : 'webhook'
  if (granted.includes(required)) return null
  return error(403, 'Your credentials lack one or more required privilege scopes.', {
    granted,
    required: [required],
  })
}

/** Access tokens have no account scope: user endpoints answer like Bitbucket's scope check. */
export function lacksAccountScope() {
  return error(403, 'Your credentials lack one or more required privilege scopes.', {
    granted: bitbucketDemoScopes.accessToken.split(', '),
    required: ['account'],
  })
}

export function findWorkspace(slug: unknown) {
  return bitbucketDemoWorkspaces.find((workspace) => workspace.slug === slug)
}

export function noWorkspace(slug: unknown) {
  return error(404, `No workspace with identifier '${String(slug)}'.`)
}

type Params = Record<string, string | readonly string[] | undefined>

/** The workspace and repository a `/repositories/{workspace}/{slug}/…` request names. */
export function findRepository(params: Params) {
  const workspace = findWorkspace(params.workspace)
  const repo = workspace
    ? findDemoRepository('bitbucket', workspace.slug, String(params.slug))
    : undefined
  if (!workspace || !repo) {
    return {
      missing: error(
        404,
        `Repository ${String(params.workspace)}/${String(params.slug)} not found`,
      ),
    }
  }
  return { workspace, repo }
}

/** The repository a path names, if the caller may ask: otherwise the 401 or 404 to answer. */
export function authorizedRepository(request: Request, params: Params) {
  const caller = authenticate(request)
  if (!('kind' in caller)) return { refused: caller }
  const found = findRepository(params)
  return 'missing' in found ? { refused: found.missing } : { ...found, caller }
}

/** What follows `marker` in the request path, decoded: a ref name may hold encoded slashes. */
export function pathAfter(request: Request, marker: string): string {
  const path = new URL(request.url).pathname
  return decodeURIComponent(path.slice(path.indexOf(marker) + marker.length))
}

export const REPO = `${BITBUCKET_API}/repositories/:workspace/:slug`
