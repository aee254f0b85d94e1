/**
 * Simulated Bitbucket Cloud 2.0 API. Any token works except `revoked`. User API tokens must come
 * as `Basic email:token` (the email is the user name, research §3.2); access tokens as `Bearer`.
 * Access tokens are their own pseudo-user with no account scope, so user endpoints refuse them.
 * Repositories, refs and commits come from the shared demo catalog; webhooks live in mocks/state.
 */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  demoBranches,
  demoCommitAt,
  demoCommitCount,
  demoTags,
  findDemoRepository,
  type DemoCommit,
  type DemoIdentity,
  type DemoRepository,
} from '../data/catalog.ts'
import {
  BITBUCKET_API,
  bitbucketDemoEmails,
  bitbucketDemoRepositories,
  bitbucketDemoScopes,
  bitbucketDemoUser,
  bitbucketDemoWorkspaces,
  bitbucketLinkedUsers,
  bitbucketUuid,
  type BitbucketDemoLinkedUser,
  type BitbucketDemoWorkspace,
} from '../data/bitbucket.ts'
import { addMockWebhook, mockState, mockWebhooksOf, type MockWebhook } from '../state.ts'

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

const WEB = 'https://bitbucket.org'

function repositoryLinks(fullName: string) {
  return {
    self: { href: `${BITBUCKET_API}/repositories/${fullName}` },
    html: { href: `${WEB}/${fullName}` },
  }
}

/** The short repository object Bitbucket embeds in commits and hooks. */
function repositoryRef(repo: DemoRepository) {
  const fullName = `${repo.owner}/${repo.name}`
  return {
    type: 'repository',
    full_name: fullName,
    name: repo.name,
    uuid: bitbucketUuid('repository', repo.id),
    links: repositoryLinks(fullName),
  }
}

function repository(workspace: BitbucketDemoWorkspace, repo: DemoRepository) {
  const fullName = `${workspace.slug}/${repo.name}`
  return {
    ...repositoryRef(repo),
    slug: repo.name,
    description: repo.description ?? '',
    is_private: repo.private,
    fork_policy: 'allow_forks',
    language: repo.language.toLowerCase(),
    scm: 'git',
    size: 1_048_576 + repo.id * 997,
    has_issues: false,
    has_wiki: false,
    created_on: repo.createdAt,
    updated_on: repo.updatedAt,
    mainbranch: { type: 'branch', name: repo.defaultBranch },
    // Forks point at their upstream; Bitbucket has no archived state.
    ...(repo.fork
      ? { parent: repositoryRef({ ...repo, owner: 'atlassian-labs', id: repo.id + 1 }) }
      : {}),
    workspace: workspaceBase(workspace),
    owner: {
      type: 'team',
      uuid: workspace.uuid,
      username: workspace.slug,
      display_name: workspace.name,
    },
    links: {
      ...repositoryLinks(fullName),
      avatar: { href: workspace.avatar },
      clone: [
        { name: 'https', href: `${WEB}/${fullName}.git` },
        { name: 'ssh', href: `git@bitbucket.org:${fullName}.git` },
      ],
    },
  }
}

function user(linked: BitbucketDemoLinkedUser) {
  return {
    type: 'user',
    uuid: linked.uuid,
    account_id: linked.account_id,
    nickname: linked.nickname,
    display_name: linked.display_name,
    links: {
      self: { href: `${BITBUCKET_API}/users/${encodeURIComponent(linked.uuid)}` },
      html: { href: `${WEB}/${encodeURIComponent(linked.uuid)}/` },
      avatar: { href: linked.avatar },
    },
  }
}

/** `author` as Bitbucket sends it: the raw identity, and `user` only when an account is linked. */
function author(identity: DemoIdentity) {
  const linked = bitbucketLinkedUsers[identity.email.toLowerCase()]
  return {
    type: 'author',
    raw: `${identity.name} <${identity.email}>`,
    ...(linked ? { user: user(linked) } : {}),
  }
}

function commit(repo: DemoRepository, entry: DemoCommit) {
  const fullName = `${repo.owner}/${repo.name}`
  const message = `${entry.message}\n`
  return {
    type: 'commit',
    hash: entry.sha,
    date: entry.date,
    author: author(entry.author),
    message,
    summary: { type: 'rendered', raw: message, markup: 'markdown', html: '' },
    parents: entry.parentSha
      ? [
          {
            type: 'commit',
            hash: entry.parentSha,
            links: { html: { href: `${WEB}/${fullName}/commits/${entry.parentSha}` } },
          },
        ]
      : [],
    repository: repositoryRef(repo),
    links: {
      self: { href: `${BITBUCKET_API}/repositories/${fullName}/commit/${entry.sha}` },
      html: { href: `${WEB}/${fullName}/commits/${entry.sha}` },
    },
  }
}

function branch(repo: DemoRepository, name: string) {
  const fullName = `${repo.owner}/${repo.name}`
  return {
    type: 'branch',
    name,
    target: commit(repo, demoCommitAt('bitbucket', repo, name, 0)),
    merge_strategies: ['merge_commit', 'squash', 'fast_forward'],
    default_merge_strategy: 'merge_commit',
    links: {
      self: { href: `${BITBUCKET_API}/repositories/${fullName}/refs/branches/${name}` },
      commits: { href: `${BITBUCKET_API}/repositories/${fullName}/commits/${name}` },
      html: { href: `${WEB}/${fullName}/branch/${name}` },
    },
  }
}

/** Lightweight tags carry no message, date or tagger; annotated ones all three. */
function tag(repo: DemoRepository, entry: ReturnType<typeof demoTags>[number]) {
  const fullName = `${repo.owner}/${repo.name}`
  const head = demoCommitAt('bitbucket', repo, repo.defaultBranch, 0)
  const annotated = entry.message !== null
  return {
    type: 'tag',
    name: entry.name,
    message: annotated ? `${entry.message}\n` : null,
    date: annotated ? entry.date : null,
    tagger: annotated ? author(head.author) : null,
    target: {
      type: 'commit',
      hash: entry.sha,
      date: entry.date,
      links: { html: { href: `${WEB}/${fullName}/commits/${entry.sha}` } },
    },
    links: {
      self: { href: `${BITBUCKET_API}/repositories/${fullName}/refs/tags/${entry.name}` },
      html: { href: `${WEB}/${fullName}/src/${entry.name}` },
    },
  }
}

function hook(repo: DemoRepository, stored: MockWebhook) {
  const uuid = String(stored.extra.uuid)
  return {
    type: 'webhook_subscription',
    uuid,
    url: stored.url,
    description: typeof stored.extra.description === 'string' ? stored.extra.description : '',
    subject_type: 'repository',
    subject: repositoryRef(repo),
    active: stored.active,
    created_at: stored.createdAt,
    events: stored.events,
    // The secret is never echoed, only whether one is set.
    secret_set: stored.secret !== null,
    skip_cert_verification: false,
    links: {
      self: {
        href: `${BITBUCKET_API}/repositories/${stored.repository}/hooks/${encodeURIComponent(uuid)}`,
      },
    },
  }
}

/** Bitbucket's pagination envelope; `next` is a full URL to follow verbatim. */
function paginate(
  request: Request,
  values: unknown[],
  options: { size?: boolean; pagelen?: number } = {},
) {
  const url = new URL(request.url)
  const pagelen = Math.min(
    Math.max(Number(url.searchParams.get('pagelen')) || (options.pagelen ?? 10), 1),
    100,
  )
  const page = Math.max(Number(url.searchParams.get('page')) || 1, 1)
  const start = (page - 1) * pagelen
  const body: Record<string, unknown> = {
    pagelen,
    page,
    ...(options.size === false ? {} : { size: values.length }),
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

type Params = Record<string, string | readonly string[] | undefined>

/** The workspace and repository a `/repositories/{workspace}/{slug}/…` request names. */
function findRepository(params: Params) {
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

/** What follows `marker` in the request path, decoded: a ref name may hold encoded slashes. */
function pathAfter(request: Request, marker: string): string {
  const path = new URL(request.url).pathname
  return decodeURIComponent(path.slice(path.indexOf(marker) + marker.length))
}

/**
 * The one BBQL form the adapter sends, `name ~ "term"` (a case-insensitive substring match), with
 * `\"` and `\\` escapes inside the string. Anything else is refused like Bitbucket's parser does.
 */
function nameFilter(request: Request): ((name: string) => boolean) | Response {
  const q = new URL(request.url).searchParams.get('q')
  if (q === null || q.trim() === '') return () => true
  const match = /^\s*name\s*~\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(q)
  if (!match) return error(400, 'Invalid query', `Could not parse the BBQL query: ${q}`)
  const term = (match[1] ?? '').replace(/\\(.)/g, '$1').toLowerCase()
  return (name) => name.toLowerCase().includes(term)
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}

/** `sort=field` or `sort=-field`, over the fields the demo knows. */
function sorted<T>(request: Request, values: T[], keys: Record<string, (value: T) => string>): T[] {
  const sort = new URL(request.url).searchParams.get('sort')
  if (!sort) return values
  const descending = sort.startsWith('-')
  const key = keys[sort.replace(/^-/, '')]
  if (!key) return values
  const ordered = [...values].sort((a, b) => byName(key(a), key(b)))
  return descending ? ordered.reverse() : ordered
}

/** Commits are paged without `size` (Bitbucket does not count history) and built on demand. */
/** A branch lists from its tip; a tag or a sha from that commit down the default branch. */
function commitStart(repo: DemoRepository, ref: string) {
  if (demoBranches(repo).includes(ref)) return { branch: ref, from: 0 }
  const sha = demoTags('bitbucket', repo).find((entry) => entry.name === ref)?.sha ?? ref
  const total = demoCommitCount(repo, repo.defaultBranch)
  for (let index = 0; index < total; index++) {
    if (demoCommitAt('bitbucket', repo, repo.defaultBranch, index).sha === sha) {
      return { branch: repo.defaultBranch, from: index }
    }
  }
  return null
}

function commitPage(request: Request, repo: DemoRepository, ref: string, from: number) {
  const url = new URL(request.url)
  const pagelen = Math.min(Math.max(Number(url.searchParams.get('pagelen')) || 30, 1), 100)
  const page = Math.max(Number(url.searchParams.get('page')) || 1, 1)
  const total = demoCommitCount(repo, ref)
  const start = from + (page - 1) * pagelen
  const values: unknown[] = []
  for (let index = start; index < Math.min(total, start + pagelen); index++) {
    values.push(commit(repo, demoCommitAt('bitbucket', repo, ref, index)))
  }
  const body: Record<string, unknown> = { pagelen, page, values }
  if (start + pagelen < total) {
    url.searchParams.set('page', String(page + 1))
    body.next = url.toString()
  }
  return body
}

const REPO = `${BITBUCKET_API}/repositories/:workspace/:slug`

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
    const filter = nameFilter(request)
    if (filter instanceof Response) return filter
    const repos = sorted(
      request,
      bitbucketDemoRepositories(workspace.slug).filter((repo) => filter(repo.name)),
      {
        updated_on: (repo) => repo.updatedAt,
        full_name: (repo) => `${repo.owner}/${repo.name}`,
        name: (repo) => repo.name,
      },
    )
    const values = repos.map((repo) => repository(workspace, repo))
    return HttpResponse.json(paginate(request, values), { headers: scopeHeaders(caller) })
  }),

  http.get(REPO, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const found = findRepository(params)
    if ('missing' in found) return found.missing
    return HttpResponse.json(repository(found.workspace, found.repo))
  }),

  http.get(`${REPO}/refs/branches`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const found = findRepository(params)
    if ('missing' in found) return found.missing
    const filter = nameFilter(request)
    if (filter instanceof Response) return filter
    const { repo } = found
    const names = demoBranches(repo).filter(filter)
    const ordered = sorted(request, names, {
      name: (name) => name,
      'target.date': (name) => demoCommitAt('bitbucket', repo, name, 0).date,
    })
    return HttpResponse.json(
      paginate(
        request,
        ordered.map((name) => branch(repo, name)),
      ),
    )
  }),

  http.get(`${REPO}/refs/branches/*`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const found = findRepository(params)
    if ('missing' in found) return found.missing
    const name = pathAfter(request, '/refs/branches/')
    if (!demoBranches(found.repo).includes(name)) return error(404, `Branch "${name}" not found`)
    return HttpResponse.json(branch(found.repo, name))
  }),

  http.get(`${REPO}/refs/tags`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const found = findRepository(params)
    if ('missing' in found) return found.missing
    const filter = nameFilter(request)
    if (filter instanceof Response) return filter
    const { repo } = found
    const tags = sorted(
      request,
      demoTags('bitbucket', repo).filter((entry) => filter(entry.name)),
      { name: (entry) => entry.name, 'target.date': (entry) => entry.date },
    )
    return HttpResponse.json(
      paginate(
        request,
        tags.map((entry) => tag(repo, entry)),
      ),
    )
  }),

  http.get(`${REPO}/commits/*`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const found = findRepository(params)
    if ('missing' in found) return found.missing
    const ref = pathAfter(request, '/commits/')
    const { repo } = found
    const start = commitStart(repo, ref)
    if (!start) return error(404, `Revision ${ref} not found`)
    return HttpResponse.json(commitPage(request, repo, start.branch, start.from))
  }),

  http.get(`${REPO}/hooks`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const found = findRepository(params)
    if ('missing' in found) return found.missing
    const { repo } = found
    const hooks = mockWebhooksOf('bitbucket', `${repo.owner}/${repo.name}`)
    return HttpResponse.json(
      paginate(
        request,
        hooks.map((stored) => hook(repo, stored)),
      ),
    )
  }),

  http.post(`${REPO}/hooks`, async ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const found = findRepository(params)
    if ('missing' in found) return found.missing
    const body: unknown = await request.json().catch(() => null)
    const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
    const events = Array.isArray(input.events) ? input.events.map(String) : []
    if (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url) || events.length === 0) {
      return error(400, 'Bad request', 'A webhook needs a url and at least one event.')
    }
    const { repo } = found
    const id = mockState.nextWebhookId
    const stored = addMockWebhook({
      provider: 'bitbucket',
      repository: `${repo.owner}/${repo.name}`,
      url: input.url,
      events,
      secret: typeof input.secret === 'string' && input.secret !== '' ? input.secret : null,
      active: input.active !== false,
      extra: {
        uuid: bitbucketUuid('hook', id),
        description: typeof input.description === 'string' ? input.description : '',
      },
    })
    return HttpResponse.json(hook(repo, stored), { status: 201 })
  }),

  http.delete(`${REPO}/hooks/:uid`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const found = findRepository(params)
    if ('missing' in found) return found.missing
    const { repo } = found
    const uid = pathAfter(request, '/hooks/')
    const stored = mockWebhooksOf('bitbucket', `${repo.owner}/${repo.name}`).find(
      (entry) => entry.extra.uuid === uid,
    )
    if (!stored) return error(404, `Webhook ${uid} not found`)
    mockState.webhooks.delete(stored.id)
    return new HttpResponse(null, { status: 204 })
  }),
]
