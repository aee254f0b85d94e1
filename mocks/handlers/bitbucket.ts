/**
 * Simulated Bitbucket Cloud 2.0 API. Any token works except `revoked`. User API tokens must come
 * as `Basic email:token` (the email is the user name, research §3.2); access tokens as `Bearer`.
 * Access tokens are their own pseudo-user with no account scope, so user endpoints refuse them.
 */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  BITBUCKET_API,
  bitbucketDemoEmails,
  bitbucketDemoScopes,
  bitbucketDemoUser,
  bitbucketDemoWorkspaces,
  type BitbucketDemoWorkspace,
} from '../data/bitbucket.ts'

type Caller = { kind: 'api-token'; email: string } | { kind: 'access-token' }

/** Bitbucket's error envelope. The exact message texts are unconfirmed; the shape is documented. */
function error(status: number, message: string, detail?: unknown, headers?: HeadersInit) {
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

function authenticate(request: Request): Caller | Response {
  const header = request.headers.get('authorization') ?? ''
  const bearer = /^Bearer (.+)$/i.exec(header)
  if (bearer) {
    return bearer[1] === 'revoked'
      ? unauthorized('Token is invalid, expired, or not supported for this endpoint.')
      : { kind: 'access-token' }
  }
  const basic = /^Basic (.+)$/i.exec(header)
  const pair = basic?.[1] ? decodeBasic(basic[1]) : null
  if (!pair) return unauthorized('Authentication required.')
  const [user, token] = pair
  // API tokens only work with the Atlassian account email as the user name.
  if (!user.includes('@') || token === '' || token === 'revoked') {
    return unauthorized('Invalid credentials.')
  }
  return { kind: 'api-token', email: user }
}

function scopeHeaders(caller: Caller) {
  const scopes =
    caller.kind === 'api-token' ? bitbucketDemoScopes.apiToken : bitbucketDemoScopes.accessToken
  return { 'x-oauth-scopes': scopes }
}

/** Access tokens have no account scope: user endpoints answer like Bitbucket's scope check. */
function lacksAccountScope() {
  return error(403, 'Your credentials lack one or more required privilege scopes.', {
    granted: bitbucketDemoScopes.accessToken.split(', '),
    required: ['account'],
  })
}

function workspaceBase(workspace: BitbucketDemoWorkspace) {
  return {
    type: 'workspace',
    uuid: workspace.uuid,
    slug: workspace.slug,
    name: workspace.name,
    links: {
      self: { href: `${BITBUCKET_API}/workspaces/${workspace.slug}` },
      html: { href: `https://bitbucket.org/${workspace.slug}/` },
      avatar: { href: workspace.avatar },
    },
  }
}

function repository(
  workspace: BitbucketDemoWorkspace,
  repo: BitbucketDemoWorkspace['repositories'][number],
) {
  const fullName = `${workspace.slug}/${repo.slug}`
  return {
    type: 'repository',
    full_name: fullName,
    name: repo.name,
    slug: repo.slug,
    description: repo.description,
    is_private: workspace.is_private,
    language: repo.language,
    scm: 'git',
    created_on: '2024-02-05T10:00:00.000000+00:00',
    updated_on: repo.updated_on,
    mainbranch: { type: 'branch', name: 'main' },
    workspace: workspaceBase(workspace),
    links: {
      self: { href: `${BITBUCKET_API}/repositories/${fullName}` },
      html: { href: `https://bitbucket.org/${fullName}` },
      clone: [{ name: 'https', href: `https://bitbucket.org/${fullName}.git` }],
    },
  }
}

/** Bitbucket's pagination envelope; `next` is a full URL to follow verbatim. */
function paginate(request: Request, values: unknown[]) {
  const url = new URL(request.url)
  const pagelen = Math.min(Math.max(Number(url.searchParams.get('pagelen')) || 10, 1), 100)
  const page = Math.max(Number(url.searchParams.get('page')) || 1, 1)
  const start = (page - 1) * pagelen
  const body: Record<string, unknown> = {
    pagelen,
    page,
    size: values.length,
    values: values.slice(start, start + pagelen),
  }
  if (start + pagelen < values.length) {
    url.searchParams.set('page', String(page + 1))
    body.next = url.toString()
  }
  return body
}

function findWorkspace(slug: unknown) {
  return bitbucketDemoWorkspaces.find((workspace) => workspace.slug === slug)
}

function noWorkspace(slug: unknown) {
  return error(404, `No workspace with identifier '${String(slug)}'.`)
}

export const bitbucketHandlers: RequestHandler[] = [
  http.get(`${BITBUCKET_API}/user`, ({ request }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    if (caller.kind === 'access-token') return lacksAccountScope()
    const { avatar, ...user } = bitbucketDemoUser
    return HttpResponse.json(
      {
        ...user,
        links: {
          self: { href: `${BITBUCKET_API}/users/${encodeURIComponent(user.uuid)}` },
          html: { href: `https://bitbucket.org/${encodeURIComponent(user.uuid)}/` },
          avatar: { href: avatar },
        },
      },
      { headers: scopeHeaders(caller) },
    )
  }),

  http.get(`${BITBUCKET_API}/user/emails`, ({ request }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    if (caller.kind === 'access-token') return lacksAccountScope()
    // The address used to sign in is the account's primary one.
    const emails = [
      { email: caller.email, is_primary: true, is_confirmed: true },
      ...bitbucketDemoEmails.filter((entry) => entry.email !== caller.email),
    ].map((entry) => ({
      type: 'email',
      ...entry,
      links: { self: { href: `${BITBUCKET_API}/user/emails/${encodeURIComponent(entry.email)}` } },
    }))
    return HttpResponse.json(paginate(request, emails), { headers: scopeHeaders(caller) })
  }),

  http.get(`${BITBUCKET_API}/user/workspaces`, ({ request }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    if (caller.kind === 'access-token') return lacksAccountScope()
    const values = bitbucketDemoWorkspaces.map((workspace) => ({
      type: 'workspace_access',
      administrator: workspace.administrator,
      workspace: workspaceBase(workspace),
      links: { self: { href: `${BITBUCKET_API}/user/workspaces/${workspace.slug}/permission` } },
    }))
    return HttpResponse.json(paginate(request, values), { headers: scopeHeaders(caller) })
  }),

  http.get(`${BITBUCKET_API}/workspaces/:workspace`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const workspace = findWorkspace(params.workspace)
    if (!workspace) return noWorkspace(params.workspace)
    return HttpResponse.json(
      {
        ...workspaceBase(workspace),
        is_private: workspace.is_private,
        created_on: '2021-06-01T08:00:00.000000+00:00',
      },
      { headers: scopeHeaders(caller) },
    )
  }),

  http.get(`${BITBUCKET_API}/repositories/:workspace`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const workspace = findWorkspace(params.workspace)
    if (!workspace) return noWorkspace(params.workspace)
    const values = workspace.repositories.map((repo) => repository(workspace, repo))
    return HttpResponse.json(paginate(request, values), { headers: scopeHeaders(caller) })
  }),
]
