/**
 * Simulated GitHub REST API for Vitest and the demo mode: api.github.com and any GitHub Enterprise
 * Server host (under /api/v3). Any token works except `revoked`; payloads and headers follow
 * https://docs.github.com/en/rest (users, emails, repositories, search, branches, commits, tags,
 * releases, webhooks, rate limits, conditional requests, CORS), with the repositories and their
 * history from the shared catalog (mocks/data/catalog.ts).
 */
import { http, HttpResponse, type HttpResponseResolver, type RequestHandler } from 'msw'
import {
  demoBranches,
  demoCommitAt,
  demoCommitCount,
  demoCommits,
  demoReleases,
  demoRepositories,
  demoSha,
  demoTags,
  findDemoRepository,
  type DemoCommit,
  type DemoIdentity,
  type DemoRepository,
} from '../data/catalog.ts'
import {
  githubAccountForEmail,
  githubClassicScopes,
  githubDemoEmails,
  githubDemoOrgs,
  githubDemoUser,
  githubNoreplyEmail,
  githubOwnerAccount,
  type GitHubLinkedAccount,
} from '../data/github.ts'
import { addMockWebhook, mockState, mockWebhooksOf, type MockWebhook } from '../state.ts'

const DOTCOM_API = 'https://api.github.com'
const ENTERPRISE_API = '*/api/v3'
const REVOKED_TOKEN = 'revoked'
const DOCS = 'https://docs.github.com/rest'

/** Where a request landed: github.com or a GHES host, and the URLs that host uses. */
interface Site {
  api: string
  web: string
  noreplyDomain: string
  enterprise: boolean
}

function siteOf(request: Request): Site {
  const url = new URL(request.url)
  if (url.origin === DOTCOM_API) {
    return {
      api: DOTCOM_API,
      web: 'https://github.com',
      noreplyDomain: 'github.com',
      enterprise: false,
    }
  }
  return {
    api: `${url.origin}/api/v3`,
    web: url.origin,
    noreplyDomain: url.hostname,
    enterprise: true,
  }
}

/** GitHub accepts `Bearer` and the older `token` scheme. */
function tokenOf(request: Request): string | null {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
  return match?.[1] ?? null
}

/** Fine-grained PATs and GitHub App tokens have no classic scopes, so GitHub sends no header. */
function hasClassicScopes(token: string): boolean {
  return !/^(github_pat_|ghu_|ghs_)/.test(token)
}

/** `2026-10-07 19:07:53 UTC`, GitHub's format for github-authentication-token-expiration. */
function expirationHeader(daysFromNow: number): string {
  const date = new Date(Date.now() + daysFromNow * 86_400_000)
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** Search has its own, smaller rate-limit bucket. */
type RateResource = 'core' | 'search'

function githubHeaders(site: Site, token: string | null, resource: RateResource = 'core'): Headers {
  const headers = new Headers({
    'access-control-allow-origin': '*',
    'access-control-expose-headers':
      'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, ' +
      'X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, ' +
      'X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, ' +
      'X-GitHub-Request-Id, Deprecation, Sunset',
    'cache-control': token ? 'private, max-age=60, s-maxage=60' : 'public, max-age=60, s-maxage=60',
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `DEMO:${Math.floor(Math.random() * 0xffffff).toString(16)}`,
  })
  // GHES ships with rate limiting off, and then sends no x-ratelimit-* headers.
  if (!site.enterprise) {
    const limit = resource === 'search' ? 30 : token ? 5000 : 60
    headers.set('x-ratelimit-limit', String(limit))
    headers.set('x-ratelimit-remaining', String(limit - 1))
    headers.set('x-ratelimit-used', '1')
    const window = resource === 'search' ? 60 : 3600
    headers.set('x-ratelimit-reset', String(Math.floor(Date.now() / 1000) + window))
    headers.set('x-ratelimit-resource', resource)
  }
  if (token && hasClassicScopes(token))
    headers.set('x-oauth-scopes', githubClassicScopes.join(', '))
  if (token?.startsWith('github_pat_')) {
    // Fine-grained tokens always expire; the demo's run out in 90 days.
    headers.set('github-authentication-token-expiration', expirationHeader(90))
  }
  return headers
}

/** GitHub's 401: "Requires authentication" without a token, "Bad credentials" with a bad one. */
function unauthorized(site: Site, token: string | null): Response {
  const body = token
    ? {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      }
    : {
        message: 'Requires authentication',
        documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        status: '401',
      }
  return HttpResponse.json(body, { status: 401, headers: githubHeaders(site, null) })
}

interface Context {
  request: Request
  site: Site
  token: string
  params: Record<string, string>
}

/** A handler that answers 401 unless the request carries an accepted token. */
function authenticated(
  respond: (context: Context) => Response | Promise<Response>,
): HttpResponseResolver {
  return ({ request, params }) => {
    const site = siteOf(request)
    const token = tokenOf(request)
    if (!token || token === REVOKED_TOKEN) return unauthorized(site, token)
    const strings: Record<string, string> = {}
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string') strings[name] = decodeURIComponent(value)
    }
    return respond({ request, site, token, params: strings })
  }
}

type Method = 'get' | 'post' | 'delete'

/** The same route on api.github.com and on any GHES host. */
function route(
  method: Method,
  path: string,
  respond: (context: Context) => Response | Promise<Response>,
) {
  const resolver = authenticated(respond)
  return [
    http[method](`${DOTCOM_API}${path}`, resolver),
    http[method](`${ENTERPRISE_API}${path}`, resolver),
  ]
}

function errorBody(message: string, docs: string, status: number, extra: object = {}) {
  return { message, ...extra, documentation_url: `${DOCS}/${docs}`, status: String(status) }
}

function failure(
  context: Context,
  status: number,
  message: string,
  docs: string,
  extra: object = {},
): Response {
  return HttpResponse.json(errorBody(message, docs, status, extra), {
    status,
    headers: githubHeaders(context.site, context.token),
  })
}

function notFound(context: Context, docs: string): Response {
  return failure(context, 404, 'Not Found', docs)
}

/** A small, stable hash for ETags (FNV-1a over the body, as 40 hex via demoSha). */
function etagOf(text: string): string {
  return `W/"${demoSha('etag', text)}"`
}

/**
 * A JSON answer to a GET, with an `ETag`; a request whose `If-None-Match` names that ETag gets an
 * empty 304 instead, as GitHub does (and a 304 costs no quota there).
 */
function jsonWithEtag(
  context: Context,
  body: unknown,
  options: { link?: string | null; resource?: RateResource } = {},
): Response {
  const text = JSON.stringify(body)
  const etag = etagOf(text)
  const headers = githubHeaders(context.site, context.token, options.resource)
  headers.set('etag', etag)
  const sent = context.request.headers.get('if-none-match')
  if (sent && sent.split(',').some((candidate) => candidate.trim() === etag)) {
    return new HttpResponse(null, { status: 304, headers })
  }
  if (options.link) headers.set('link', options.link)
  headers.set('content-type', 'application/json; charset=utf-8')
  return new HttpResponse(text, { status: 200, headers })
}

interface PageWindow {
  page: number
  perPage: number
}

/** `per_page` (default 30, at most 100) and `page` (from 1), read the lenient way GitHub does. */
function pageWindow(request: Request): PageWindow {
  const query = new URL(request.url).searchParams
  const perPage = Number.parseInt(query.get('per_page') ?? '', 10)
  const page = Number.parseInt(query.get('page') ?? '', 10)
  return {
    perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 100) : 30,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  }
}

/**
 * GitHub's `Link` header, built from the request URL with `page` replaced:
 * `<…&page=2>; rel="next", <…&page=34>; rel="last"` (and `prev`/`first` after the first page).
 */
function linkHeader(request: Request, window: PageWindow, lastPage: number): string | null {
  if (lastPage <= 1) return null
  const at = (page: number) => {
    const url = new URL(request.url)
    url.searchParams.set('page', String(page))
    return `<${url.toString()}>`
  }
  const links: string[] = []
  if (window.page > 1) links.push(`${at(Math.min(window.page - 1, lastPage))}; rel="prev"`)
  if (window.page < lastPage) links.push(`${at(window.page + 1)}; rel="next"`)
  if (window.page < lastPage) links.push(`${at(lastPage)}; rel="last"`)
  if (window.page > 1) links.push(`${at(1)}; rel="first"`)
  return links.length > 0 ? links.join(', ') : null
}

/** One page of `items`, with its Link header. */
function paginate<T>(request: Request, items: readonly T[], limit = items.length) {
  const window = pageWindow(request)
  const available = Math.min(items.length, limit)
  const start = (window.page - 1) * window.perPage
  const slice =
    start < available ? items.slice(start, Math.min(start + window.perPage, available)) : []
  const lastPage = Math.max(1, Math.ceil(available / window.perPage))
  return { window, slice, link: linkHeader(request, window, lastPage) }
}

function userPayload(site: Site) {
  const { login } = githubDemoUser
  const url = `${site.api}/users/${login}`
  return {
    ...githubDemoUser,
    gravatar_id: '',
    url,
    html_url: `${site.web}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
    user_view_type: 'private',
    site_admin: false,
  }
}

/** The short user object GitHub nests in repositories, commits and releases. */
function simpleUser(
  site: Site,
  account: { login: string; id: number; type: string; avatar_url: string },
) {
  const url = `${site.api}/users/${encodeURIComponent(account.login)}`
  return {
    login: account.login,
    id: account.id,
    node_id: `MDQ6VXNlcj${account.id}`,
    avatar_url: account.avatar_url,
    gravatar_id: '',
    url,
    html_url:
      account.type === 'Bot'
        ? `${site.web}/apps/${account.login.replace(/\[bot\]$/, '')}`
        : `${site.web}/${account.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  }
}

function orgPayload(site: Site, org: (typeof githubDemoOrgs)[number]) {
  const url = `${site.api}/orgs/${org.login}`
  return {
    login: org.login,
    id: org.id,
    node_id: org.node_id,
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: org.avatar_url,
    description: org.description,
  }
}

const FEATURED_MAX_ID = 1003

/**
 * The demo account administers its own and acme-platform's repositories; in acme-web it may only
 * push to every fourth one, so their webhooks are out of its reach (GitHub then answers 404).
 */
function permissionsOf(repo: DemoRepository) {
  const admin = !(repo.owner === 'acme-web' && repo.id > FEATURED_MAX_ID && repo.id % 4 === 0)
  return { admin, maintain: admin, push: true, triage: true, pull: true }
}

function repoPayload(site: Site, repo: DemoRepository) {
  const fullName = `${repo.owner}/${repo.name}`
  const url = `${site.api}/repos/${fullName}`
  const html = `${site.web}/${fullName}`
  const host = new URL(site.web).host
  const next = demoSha('stats', repo.id)
  const stars = Number.parseInt(next.slice(0, 3), 16) % 400
  return {
    id: repo.id,
    node_id: `R_kgDO${repo.id.toString(36).toUpperCase()}`,
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: simpleUser(site, { login: repo.owner, ...githubOwnerAccount(repo.owner) }),
    html_url: html,
    description: repo.description,
    fork: repo.fork,
    url,
    forks_url: `${url}/forks`,
    hooks_url: `${url}/hooks`,
    tags_url: `${url}/tags`,
    branches_url: `${url}/branches{/branch}`,
    commits_url: `${url}/commits{/sha}`,
    releases_url: `${url}/releases{/id}`,
    pulls_url: `${url}/pulls{/number}`,
    issues_url: `${url}/issues{/number}`,
    created_at: repo.createdAt.replace(/\.\d{3}Z$/, 'Z'),
    updated_at: repo.updatedAt.replace(/\.\d{3}Z$/, 'Z'),
    pushed_at: repo.updatedAt.replace(/\.\d{3}Z$/, 'Z'),
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: Number.parseInt(next.slice(3, 8), 16) % 90_000,
    stargazers_count: stars,
    watchers_count: stars,
    language: repo.language,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: !repo.private,
    has_pages: false,
    has_discussions: false,
    forks_count: stars % 17,
    mirror_url: null,
    archived: repo.archived,
    disabled: false,
    open_issues_count: stars % 23,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [repo.language.toLowerCase().replace('#', 'sharp')],
    visibility: repo.private ? 'private' : 'public',
    forks: stars % 17,
    open_issues: stars % 23,
    watchers: stars,
    default_branch: repo.defaultBranch,
    permissions: permissionsOf(repo),
  }
}

// ---------------------------------------------------------------------------------------------
// Repository lists

const sortedCache = new Map<string, DemoRepository[]>()

/** Repositories sorted the way GitHub's `sort`/`direction` parameters ask, memoized per view. */
function sortedRepositories(
  key: string,
  select: (repo: DemoRepository) => boolean,
  sort: string,
  direction: string | null,
): DemoRepository[] {
  const descending = direction ? direction === 'desc' : sort !== 'full_name'
  const cacheKey = `${key}|${sort}|${descending ? 'desc' : 'asc'}`
  const cached = sortedCache.get(cacheKey)
  if (cached) return cached
  const chosen = demoRepositories('github').filter(select)
  const field = (repo: DemoRepository) =>
    sort === 'full_name'
      ? `${repo.owner}/${repo.name}`.toLowerCase()
      : sort === 'created'
        ? repo.createdAt
        : repo.updatedAt
  const sorted = [...chosen].sort((a, b) => {
    const order = field(a) < field(b) ? -1 : field(a) > field(b) ? 1 : a.id - b.id
    return descending ? -order : order
  })
  sortedCache.set(cacheKey, sorted)
  return sorted
}

function isOrg(login: string): boolean {
  return githubDemoOrgs.some((org) => org.login.toLowerCase() === login.toLowerCase())
}

function repositoryList(context: Context, repos: DemoRepository[]): Response {
  const { slice, link } = paginate(context.request, repos)
  return jsonWithEtag(
    context,
    slice.map((repo) => repoPayload(context.site, repo)),
    { link },
  )
}

/** https://docs.github.com/en/rest/repos/repos#list-repositories-for-the-authenticated-user */
function listOwnRepositories(context: Context): Response {
  const query = new URL(context.request.url).searchParams
  const type = query.get('type')
  const visibility = query.get('visibility') ?? 'all'
  const affiliationParam = query.get('affiliation')
  if (type && (affiliationParam || query.has('visibility'))) {
    return failure(
      context,
      422,
      'If you specify visibility or affiliation, you cannot specify type.',
      'repos/repos#list-repositories-for-the-authenticated-user',
    )
  }
  const byType: Record<string, string> = {
    all: 'owner,collaborator,organization_member',
    owner: 'owner',
    member: 'collaborator,organization_member',
    public: 'owner,collaborator,organization_member',
    private: 'owner,collaborator,organization_member',
  }
  const affiliation = new Set(
    (affiliationParam ?? byType[type ?? 'all'] ?? byType.all!).split(',').map((a) => a.trim()),
  )
  const wanted = type === 'public' || type === 'private' ? type : visibility
  const select = (repo: DemoRepository) => {
    const mine = repo.owner === githubDemoUser.login
    const reached =
      (mine && affiliation.has('owner')) || (!mine && affiliation.has('organization_member'))
    if (!reached) return false
    return wanted === 'all' || (wanted === 'private') === repo.private
  }
  const sort = query.get('sort') ?? 'full_name'
  const key = `user|${[...affiliation].sort().join(',')}|${wanted}`
  return repositoryList(context, sortedRepositories(key, select, sort, query.get('direction')))
}

/** https://docs.github.com/en/rest/repos/repos#list-organization-repositories */
function listOrgRepositories(context: Context): Response {
  const org = githubDemoOrgs.find(
    (o) => o.login.toLowerCase() === context.params.org?.toLowerCase(),
  )
  if (!org) return notFound(context, 'repos/repos#list-organization-repositories')
  const query = new URL(context.request.url).searchParams
  const type = query.get('type') ?? 'all'
  const select = (repo: DemoRepository) => {
    if (repo.owner !== org.login) return false
    if (type === 'public') return !repo.private
    if (type === 'private') return repo.private
    if (type === 'forks') return repo.fork
    if (type === 'sources') return !repo.fork
    return true
  }
  const sort = query.get('sort') ?? 'created'
  return repositoryList(
    context,
    sortedRepositories(`org|${org.login}|${type}`, select, sort, query.get('direction')),
  )
}

/** https://docs.github.com/en/rest/repos/repos#list-repositories-for-a-user: public ones only. */
function listUserRepositories(context: Context): Response {
  const login = context.params.username?.toLowerCase() ?? ''
  const owner =
    login === githubDemoUser.login
      ? githubDemoUser.login
      : githubDemoOrgs.find((o) => o.login === login)?.login
  if (!owner) return notFound(context, 'repos/repos#list-repositories-for-a-user')
  const query = new URL(context.request.url).searchParams
  const type = query.get('type') ?? 'owner'
  // The account is a member of no one else's repositories in the demo.
  const select = (repo: DemoRepository) =>
    repo.owner === owner && !repo.private && type !== 'member'
  const sort = query.get('sort') ?? 'full_name'
  return repositoryList(
    context,
    sortedRepositories(`users|${owner}|${type}`, select, sort, query.get('direction')),
  )
}

// ---------------------------------------------------------------------------------------------
// Search

/** GitHub returns no more than the first 1,000 results of a search. */
const SEARCH_CAP = 1000

interface SearchQuery {
  terms: string[]
  owners: string[]
  inFields: Set<string>
  fork: 'false' | 'true' | 'only'
  visibility: 'public' | 'private' | null
  archived: boolean | null
}

/** `q`: words (quoted phrases allowed) and the qualifiers GitHub documents for repositories. */
function parseSearch(q: string): SearchQuery {
  const parsed: SearchQuery = {
    terms: [],
    owners: [],
    inFields: new Set(),
    fork: 'false',
    visibility: null,
    archived: null,
  }
  for (const match of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    const word = match[1] ?? match[2] ?? ''
    const qualifier = match[2] ? /^(in|user|org|fork|is|archived):(.+)$/i.exec(word) : null
    if (!qualifier) {
      if (word.trim()) parsed.terms.push(word.trim().toLowerCase())
      continue
    }
    const key = qualifier[1]!.toLowerCase()
    const value = qualifier[2]!.toLowerCase()
    if (key === 'in') for (const field of value.split(',')) parsed.inFields.add(field)
    if (key === 'user' || key === 'org') parsed.owners.push(value)
    if (key === 'fork' && (value === 'true' || value === 'only')) parsed.fork = value
    if (key === 'is' && (value === 'public' || value === 'private')) parsed.visibility = value
    if (key === 'archived') parsed.archived = value === 'true'
  }
  return parsed
}

function matchesSearch(repo: DemoRepository, query: SearchQuery): boolean {
  if (query.owners.length > 0 && !query.owners.includes(repo.owner.toLowerCase())) return false
  if (query.fork === 'false' && repo.fork) return false
  if (query.fork === 'only' && !repo.fork) return false
  if (query.visibility && (query.visibility === 'private') !== repo.private) return false
  if (query.archived !== null && query.archived !== repo.archived) return false
  const name = repo.name.toLowerCase()
  const description = (repo.description ?? '').toLowerCase()
  const inName = query.inFields.size === 0 || query.inFields.has('name')
  const inDescription = query.inFields.size === 0 || query.inFields.has('description')
  return query.terms.every(
    (term) => (inName && name.includes(term)) || (inDescription && description.includes(term)),
  )
}

/** Best match: exact names, then names starting with the words, then the recently updated. */
function bestMatchRank(repo: DemoRepository, terms: string[]): number {
  const name = repo.name.toLowerCase()
  const joined = terms.join(' ')
  if (name === joined) return 0
  if (terms.length > 0 && name.startsWith(terms[0]!)) return 1
  return 2
}

/** https://docs.github.com/en/rest/search/search#search-repositories */
function searchRepositories(context: Context): Response {
  const params = new URL(context.request.url).searchParams
  const q = params.get('q')?.trim()
  if (!q) {
    return failure(context, 422, 'Validation Failed', 'search/search#search-repositories', {
      errors: [{ resource: 'Search', field: 'q', code: 'missing' }],
    })
  }
  const query = parseSearch(q)
  const sort = params.get('sort')
  const ascending = params.get('order') === 'asc'
  const found = demoRepositories('github').filter((repo) => matchesSearch(repo, query))
  if (sort === 'updated') {
    found.sort((a, b) => (ascending ? 1 : -1) * a.updatedAt.localeCompare(b.updatedAt))
  } else {
    found.sort(
      (a, b) =>
        bestMatchRank(a, query.terms) - bestMatchRank(b, query.terms) ||
        b.updatedAt.localeCompare(a.updatedAt),
    )
  }
  const { window, slice, link } = paginate(context.request, found, SEARCH_CAP)
  if ((window.page - 1) * window.perPage >= SEARCH_CAP) {
    return failure(
      context,
      422,
      'Only the first 1000 search results are available',
      'search/search#search-repositories',
    )
  }
  return jsonWithEtag(
    context,
    {
      total_count: found.length,
      incomplete_results: false,
      items: slice.map((repo) => ({ ...repoPayload(context.site, repo), score: 1 })),
    },
    { link, resource: 'search' },
  )
}

// ---------------------------------------------------------------------------------------------
// One repository and its refs

function repositoryOf(context: Context): DemoRepository | undefined {
  return findDemoRepository('github', context.params.owner ?? '', context.params.repo ?? '')
}

/** Runs `respond` for a catalog repository; GitHub's 404 for anything else. */
function withRepository(
  docs: string,
  respond: (context: Context, repo: DemoRepository) => Response,
): (context: Context) => Response {
  return (context) => {
    const repo = repositoryOf(context)
    return repo ? respond(context, repo) : notFound(context, docs)
  }
}

function fullNameOf(repo: DemoRepository): string {
  return `${repo.owner}/${repo.name}`
}

/** GitHub orders branches by name, byte-wise, with the default branch among the others. */
function branchPayloads(site: Site, repo: DemoRepository) {
  const names = [...demoBranches(repo)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const url = `${site.api}/repos/${fullNameOf(repo)}`
  return names.map((name) => {
    const sha = demoSha(repo.id, name, 0)
    return {
      name,
      commit: { sha, url: `${url}/commits/${sha}` },
      protected: name === repo.defaultBranch && repo.owner !== githubDemoUser.login,
    }
  })
}

/** Where `sha` (a branch, a tag, or a full or abbreviated sha) points: a branch and a position. */
function resolveRef(repo: DemoRepository, ref: string | null) {
  if (!ref) return { branch: repo.defaultBranch, index: 0 }
  const branches = demoBranches(repo)
  if (branches.includes(ref)) return { branch: ref, index: 0 }
  const tagIndex = demoTags('github', repo).findIndex((tag) => tag.name === ref)
  if (tagIndex >= 0) return { branch: repo.defaultBranch, index: tagIndex * 30 + 2 }
  if (/^[0-9a-f]{7,40}$/i.test(ref)) {
    const wanted = ref.toLowerCase()
    for (const branch of branches) {
      const count = demoCommitCount(repo, branch)
      for (let index = 0; index < count; index++) {
        if (demoSha(repo.id, branch, index).startsWith(wanted)) return { branch, index }
      }
    }
  }
  return null
}

function gitPerson(identity: DemoIdentity, date: string) {
  return { name: identity.name, email: identity.email, date: date.replace(/\.\d{3}Z$/, 'Z') }
}

function linkedUser(site: Site, email: string) {
  const account: GitHubLinkedAccount | null = githubAccountForEmail(email)
  return account ? simpleUser(site, account) : null
}

function commitPayload(site: Site, repo: DemoRepository, commit: DemoCommit) {
  const url = `${site.api}/repos/${fullNameOf(repo)}`
  const html = `${site.web}/${fullNameOf(repo)}`
  const byWeb = commit.committer.email === 'noreply@github.com'
  const tree = demoSha('tree', commit.sha)
  return {
    sha: commit.sha,
    node_id: `C_kwDO${commit.sha.slice(0, 12)}`,
    commit: {
      author: gitPerson(commit.author, commit.date),
      committer: gitPerson(commit.committer, commit.date),
      message: commit.message,
      tree: { sha: tree, url: `${url}/git/trees/${tree}` },
      url: `${url}/git/commits/${commit.sha}`,
      comment_count: 0,
      // GitHub signs what it commits itself (web edits, merges).
      verification: {
        verified: byWeb,
        reason: byWeb ? 'valid' : 'unsigned',
        signature: null,
        payload: null,
        verified_at: byWeb ? gitPerson(commit.committer, commit.date).date : null,
      },
    },
    url: `${url}/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${url}/commits/${commit.sha}/comments`,
    author: linkedUser(site, commit.author.email),
    committer: linkedUser(site, commit.committer.email),
    parents: commit.parentSha
      ? [
          {
            sha: commit.parentSha,
            url: `${url}/commits/${commit.parentSha}`,
            html_url: `${html}/commit/${commit.parentSha}`,
          },
        ]
      : [],
  }
}

/** https://docs.github.com/en/rest/commits/commits#list-commits */
function listCommits(context: Context, repo: DemoRepository): Response {
  const ref = new URL(context.request.url).searchParams.get('sha')
  const start = resolveRef(repo, ref)
  if (!start) {
    return failure(
      context,
      404,
      `No commit found for SHA: ${ref ?? ''}`,
      'commits/commits#list-commits',
    )
  }
  const total = demoCommitCount(repo, start.branch) - start.index
  const window = pageWindow(context.request)
  const from = start.index + (window.page - 1) * window.perPage
  const commits = demoCommits('github', repo, start.branch, from, window.perPage)
  const link = linkHeader(context.request, window, Math.max(1, Math.ceil(total / window.perPage)))
  return jsonWithEtag(
    context,
    commits.map((commit) => commitPayload(context.site, repo, commit)),
    { link },
  )
}

/** https://docs.github.com/en/rest/commits/commits#get-a-commit (the list item shape, no files). */
function getCommit(context: Context, repo: DemoRepository): Response {
  const start = resolveRef(repo, context.params.ref ?? null)
  if (!start) {
    return failure(
      context,
      422,
      `No commit found for SHA: ${context.params.ref ?? ''}`,
      'commits/commits#get-a-commit',
    )
  }
  return jsonWithEtag(
    context,
    commitPayload(context.site, repo, demoCommitAt('github', repo, start.branch, start.index)),
  )
}

function tagPayloads(site: Site, repo: DemoRepository) {
  const url = `${site.api}/repos/${fullNameOf(repo)}`
  return demoTags('github', repo).map((tag) => ({
    name: tag.name,
    zipball_url: `${url}/zipball/refs/tags/${tag.name}`,
    tarball_url: `${url}/tarball/refs/tags/${tag.name}`,
    commit: { sha: tag.sha, url: `${url}/commits/${tag.sha}` },
    node_id: `REF_kwDO${demoSha('tag', repo.id, tag.name).slice(0, 16)}`,
  }))
}

function releasePayloads(site: Site, repo: DemoRepository) {
  const url = `${site.api}/repos/${fullNameOf(repo)}`
  const html = `${site.web}/${fullNameOf(repo)}`
  const tags = demoTags('github', repo)
  return demoReleases('github', repo).map((release) => {
    const created = tags.find((tag) => tag.name === release.tagName)?.date ?? release.publishedAt
    const author = githubAccountForEmail(release.author.email)
    return {
      url: `${url}/releases/${release.id}`,
      assets_url: `${url}/releases/${release.id}/assets`,
      upload_url: `${url.replace('api.github.com', 'uploads.github.com')}/releases/${release.id}/assets{?name,label}`,
      html_url: release.draft
        ? `${html}/releases/tag/untagged-${demoSha('draft', release.id).slice(0, 20)}`
        : `${html}/releases/tag/${release.tagName}`,
      id: release.id,
      author: author ? simpleUser(site, author) : null,
      node_id: `RE_kwDO${release.id.toString(36).toUpperCase()}`,
      tag_name: release.tagName,
      target_commitish: repo.defaultBranch,
      name: release.name,
      draft: release.draft,
      immutable: false,
      prerelease: release.prerelease,
      created_at: created ? created.replace(/\.\d{3}Z$/, 'Z') : null,
      published_at: release.publishedAt ? release.publishedAt.replace(/\.\d{3}Z$/, 'Z') : null,
      assets: [],
      tarball_url: release.draft ? null : `${url}/tarball/${release.tagName}`,
      zipball_url: release.draft ? null : `${url}/zipball/${release.tagName}`,
      body: release.body,
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Webhooks

const HOOK_DOCS = 'repos/webhooks'

function hookPayload(site: Site, hook: MockWebhook) {
  const url = `${site.api}/repos/${hook.repository}/hooks/${hook.id}`
  const config: Record<string, unknown> = {
    content_type: hook.extra.content_type ?? 'form',
    insecure_ssl: hook.extra.insecure_ssl ?? '0',
    url: hook.url,
  }
  // GitHub never shows a secret back, only that there is one.
  if (hook.secret) config.secret = '********'
  return {
    type: 'Repository',
    id: hook.id,
    name: 'web',
    active: hook.active,
    events: hook.events,
    config,
    updated_at: typeof hook.extra.updated_at === 'string' ? hook.extra.updated_at : hook.createdAt,
    created_at: hook.createdAt,
    url,
    test_url: `${url}/test`,
    ping_url: `${url}/pings`,
    deliveries_url: `${url}/deliveries`,
    last_response: { code: null, status: 'unused', message: null },
  }
}

/** Hooks are for repository admins only; everyone else gets a 404, not a 403. */
function withHookAccess(
  docs: string,
  respond: (context: Context, repo: DemoRepository) => Response | Promise<Response>,
): (context: Context) => Response | Promise<Response> {
  return (context) => {
    const repo = repositoryOf(context)
    if (!repo || !permissionsOf(repo).admin) return notFound(context, docs)
    return respond(context, repo)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function validationFailed(context: Context, message: string): Response {
  return failure(context, 422, 'Validation Failed', `${HOOK_DOCS}#create-a-repository-webhook`, {
    errors: [{ resource: 'Hook', code: 'custom', message }],
  })
}

/** https://docs.github.com/en/rest/repos/webhooks#create-a-repository-webhook */
async function createHook(context: Context, repo: DemoRepository): Promise<Response> {
  const body: unknown = await context.request.json().catch(() => null)
  if (!isRecord(body)) {
    return failure(
      context,
      400,
      'Problems parsing JSON',
      `${HOOK_DOCS}#create-a-repository-webhook`,
    )
  }
  const config = isRecord(body.config) ? body.config : {}
  if (body.name !== undefined && body.name !== 'web') {
    return validationFailed(context, `Name must be "web"`)
  }
  if (typeof config.url !== 'string' || !/^https?:\/\//.test(config.url)) {
    return validationFailed(context, 'Config must have a url')
  }
  const fullName = fullNameOf(repo)
  if (mockWebhooksOf('github', fullName).some((hook) => hook.url === config.url)) {
    return validationFailed(context, 'Hook already exists on this repository')
  }
  const events = Array.isArray(body.events)
    ? body.events.filter((event): event is string => typeof event === 'string')
    : ['push']
  const stored = addMockWebhook({
    provider: 'github',
    repository: fullName,
    url: config.url,
    events,
    secret: typeof config.secret === 'string' && config.secret !== '' ? config.secret : null,
    active: body.active !== false,
    extra: {
      content_type: config.content_type === 'json' ? 'json' : 'form',
      insecure_ssl: config.insecure_ssl === '1' || config.insecure_ssl === 1 ? '1' : '0',
    },
  })
  const payload = hookPayload(context.site, stored)
  const headers = githubHeaders(context.site, context.token)
  headers.set('location', payload.url)
  return HttpResponse.json(payload, { status: 201, headers })
}

function hookOf(context: Context, repo: DemoRepository): MockWebhook | undefined {
  const hook = mockState.webhooks.get(Number(context.params.hookId))
  return hook?.provider === 'github' && hook.repository === fullNameOf(repo) ? hook : undefined
}

// ---------------------------------------------------------------------------------------------

export const githubHandlers: RequestHandler[] = [
  // https://docs.github.com/en/rest/users/users#get-the-authenticated-user
  ...route('get', '/user', ({ site, token }) => {
    const headers = githubHeaders(site, token)
    headers.set('x-accepted-oauth-scopes', '')
    return HttpResponse.json(userPayload(site), { headers })
  }),
  // https://docs.github.com/en/rest/users/emails#list-email-addresses-for-the-authenticated-user
  ...route('get', '/user/emails', ({ site, token }) => {
    const headers = githubHeaders(site, token)
    headers.set('x-accepted-oauth-scopes', 'user, user:email')
    const noreply = {
      email: githubNoreplyEmail(site.noreplyDomain),
      primary: false,
      verified: true,
      visibility: null,
    }
    return HttpResponse.json([...githubDemoEmails, noreply], { headers })
  }),
  // https://docs.github.com/en/rest/orgs/orgs#list-organizations-for-the-authenticated-user
  ...route('get', '/user/orgs', (context) => {
    const { slice, link } = paginate(context.request, githubDemoOrgs)
    return jsonWithEtag(
      context,
      slice.map((org) => orgPayload(context.site, org)),
      { link },
    )
  }),
  ...route('get', '/user/repos', listOwnRepositories),
  ...route('get', '/orgs/:org/repos', listOrgRepositories),
  ...route('get', '/users/:username/repos', listUserRepositories),
  ...route('get', '/search/repositories', searchRepositories),
  // https://docs.github.com/en/rest/repos/repos#get-a-repository
  ...route(
    'get',
    '/repos/:owner/:repo',
    withRepository('repos/repos#get-a-repository', (context, repo) => {
      const payload = repoPayload(context.site, repo)
      return jsonWithEtag(context, {
        ...payload,
        ...(isOrg(repo.owner)
          ? {
              organization: simpleUser(context.site, {
                login: repo.owner,
                ...githubOwnerAccount(repo.owner),
              }),
            }
          : {}),
        network_count: payload.forks_count,
        subscribers_count: payload.watchers_count % 40,
      })
    }),
  ),
  // https://docs.github.com/en/rest/branches/branches#list-branches
  ...route(
    'get',
    '/repos/:owner/:repo/branches',
    withRepository('branches/branches#list-branches', (context, repo) => {
      const onlyProtected = new URL(context.request.url).searchParams.get('protected')
      const branches = branchPayloads(context.site, repo).filter(
        (branch) => onlyProtected === null || String(branch.protected) === onlyProtected,
      )
      const { slice, link } = paginate(context.request, branches)
      return jsonWithEtag(context, slice, { link })
    }),
  ),
  ...route(
    'get',
    '/repos/:owner/:repo/commits',
    withRepository('commits/commits#list-commits', listCommits),
  ),
  ...route(
    'get',
    '/repos/:owner/:repo/commits/:ref',
    withRepository('commits/commits#get-a-commit', getCommit),
  ),
  // https://docs.github.com/en/rest/repos/repos#list-repository-tags
  ...route(
    'get',
    '/repos/:owner/:repo/tags',
    withRepository('repos/repos#list-repository-tags', (context, repo) => {
      const { slice, link } = paginate(context.request, tagPayloads(context.site, repo))
      return jsonWithEtag(context, slice, { link })
    }),
  ),
  // https://docs.github.com/en/rest/releases/releases#list-releases
  ...route(
    'get',
    '/repos/:owner/:repo/releases',
    withRepository('releases/releases#list-releases', (context, repo) => {
      const { slice, link } = paginate(context.request, releasePayloads(context.site, repo))
      return jsonWithEtag(context, slice, { link })
    }),
  ),
  // https://docs.github.com/en/rest/repos/webhooks#list-repository-webhooks
  ...route(
    'get',
    '/repos/:owner/:repo/hooks',
    withHookAccess(`${HOOK_DOCS}#list-repository-webhooks`, (context, repo) => {
      const hooks = mockWebhooksOf('github', fullNameOf(repo)).map((hook) =>
        hookPayload(context.site, hook),
      )
      const { slice, link } = paginate(context.request, hooks)
      return jsonWithEtag(context, slice, { link })
    }),
  ),
  ...route(
    'post',
    '/repos/:owner/:repo/hooks',
    withHookAccess(`${HOOK_DOCS}#create-a-repository-webhook`, createHook),
  ),
  // https://docs.github.com/en/rest/repos/webhooks#get-a-repository-webhook
  ...route(
    'get',
    '/repos/:owner/:repo/hooks/:hookId',
    withHookAccess(`${HOOK_DOCS}#get-a-repository-webhook`, (context, repo) => {
      const hook = hookOf(context, repo)
      if (!hook) return notFound(context, `${HOOK_DOCS}#get-a-repository-webhook`)
      return jsonWithEtag(context, hookPayload(context.site, hook))
    }),
  ),
  // https://docs.github.com/en/rest/repos/webhooks#delete-a-repository-webhook
  ...route(
    'delete',
    '/repos/:owner/:repo/hooks/:hookId',
    withHookAccess(`${HOOK_DOCS}#delete-a-repository-webhook`, (context, repo) => {
      const hook = hookOf(context, repo)
      if (!hook) return notFound(context, `${HOOK_DOCS}#delete-a-repository-webhook`)
      mockState.webhooks.delete(hook.id)
      return new HttpResponse(null, {
        status: 204,
        headers: githubHeaders(context.site, context.token),
      })
    }),
  ),
]
