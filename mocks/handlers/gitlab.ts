/**
 * Simulated GitLab REST API (v4) for Vitest and the demo mode: gitlab.com and any self-managed
 * host, which all serve the API under /api/v4. Any token works except `revoked`. Payloads and
 * pagination headers follow https://docs.gitlab.com/api/ (users, personal_access_tokens, groups,
 * projects, branches, commits, tags, releases, project_webhooks, rest/#pagination).
 */
import {
  http,
  HttpResponse,
  type DefaultBodyType,
  type HttpResponseResolver,
  type PathParams,
  type RequestHandler,
} from 'msw'
import {
  demoBranches,
  demoCommitAt,
  demoCommitCount,
  demoCommits,
  demoReleases,
  demoRepositories,
  demoSha,
  demoTags,
  type DemoCommit,
  type DemoRepository,
} from '../data/catalog.ts'
import {
  gitlabDemoGroups,
  gitlabDemoToken,
  gitlabDemoUser,
  gitlabNoreplyEmail,
  gitlabUserNamespace,
  type GitLabDemoGroup,
} from '../data/gitlab.ts'
import { addMockWebhook, mockState, mockWebhooksOf, type MockWebhook } from '../state.ts'

/** Any host, and GitLab installed under a relative URL root too (`https://host/gitlab/api/v4`). */
const API = '*/api/v4'
const REVOKED_TOKEN = 'revoked'

/** GitLab takes `Authorization: Bearer` (PATs and OAuth) or `PRIVATE-TOKEN` (PATs). */
function tokenOf(request: Request): string | null {
  const bearer = /^bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
  return bearer?.[1] ?? request.headers.get('private-token')
}

function gitlabHeaders(request: Request): Headers {
  const url = new URL(request.url)
  const headers = new Headers({
    // GitLab's Rack::Cors rule for /api/*: any origin, no credentials (config/application.rb).
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-expose-headers':
      'Link, X-Total, X-Total-Pages, X-Per-Page, X-Page, X-Next-Page, X-Prev-Page, ' +
      'X-Gitlab-Blob-Id, X-Gitlab-Commit-Id, X-Gitlab-Content-Sha256, X-Gitlab-Encoding, ' +
      'X-Gitlab-File-Name, X-Gitlab-File-Path, X-Gitlab-Last-Commit-Id, X-Gitlab-Ref, ' +
      'X-Gitlab-Size, X-Request-Id, ETag',
    'access-control-max-age': '7200',
    'cache-control': 'max-age=0, private, must-revalidate',
    vary: 'Origin, Accept-Encoding',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'x-request-id': `01DEMO${Math.floor(Math.random() * 0xffffff)
      .toString(16)
      .toUpperCase()}`,
  })
  // GitLab.com rate-limits authenticated API use (2,000 requests a minute); self-managed
  // instances ship with user limits off and send no RateLimit-* headers.
  if (url.hostname === 'gitlab.com') {
    const reset = Math.ceil(Date.now() / 60_000) * 60
    headers.set('ratelimit-name', 'throttle_authenticated_api')
    headers.set('ratelimit-limit', '2000')
    headers.set('ratelimit-observed', '3')
    headers.set('ratelimit-remaining', '1997')
    headers.set('ratelimit-reset', String(reset))
    headers.set('ratelimit-resettime', new Date(reset * 1000).toUTCString())
  }
  return headers
}

type Params = PathParams

interface Context {
  request: Request
  params: Params
  url: URL
  token: string
}

/** A handler that answers GitLab's 401 unless the request carries an accepted token. */
function authenticated(
  respond: (context: Context) => Response | Promise<Response>,
): HttpResponseResolver<Params> {
  return ({ request, params }) => {
    const token = tokenOf(request)
    if (!token || token === REVOKED_TOKEN) {
      return HttpResponse.json(
        { message: '401 Unauthorized' },
        { status: 401, headers: gitlabHeaders(request) },
      )
    }
    return respond({ request, params, url: new URL(request.url), token })
  }
}

function json(request: Request, body: unknown, init: { status?: number; headers?: Headers } = {}) {
  const headers = gitlabHeaders(request)
  init.headers?.forEach((value, key) => headers.set(key, value))
  return HttpResponse.json(body as DefaultBodyType, { status: init.status ?? 200, headers })
}

function notFound(request: Request, what: 'Project' | 'Group' | 'User' | 'Branch' | 'Hook') {
  return json(request, { message: `404 ${what} Not Found` }, { status: 404 })
}

/** The web root is whatever precedes /api/v4 (an instance may live under a sub-path). */
function webRoot(url: URL): string {
  return `${url.origin}${url.pathname.slice(0, url.pathname.indexOf('/api/v4'))}`
}

/** GitLab writes times with an offset: `2026-11-20T08:00:00.000+00:00`. */
function time(iso: string): string {
  return iso.replace(/Z$/, '+00:00')
}

function flag(url: URL, name: string): boolean | undefined {
  const value = url.searchParams.get(name)
  if (value === null) return undefined
  return value === 'true' || value === '1'
}

function param(params: Params, name: string): string {
  const value = params[name]
  const raw = typeof value === 'string' ? value : (value ?? []).join('/')
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

// ---------------------------------------------------------------------------------------------
// Pagination (https://docs.gitlab.com/api/rest/#pagination)

/** GitLab leaves out x-total, x-total-pages and rel="last" above this many rows. */
const COUNT_LIMIT = 10_000

/**
 * Offset pagination over `count` rows: where the requested page starts and GitLab's headers for
 * it. `withTotal: false` is the commits endpoint, which never counts.
 */
function pagination(url: URL, count: number, { withTotal = true } = {}) {
  const perPageParam = Number(url.searchParams.get('per_page') ?? 20)
  const pageParam = Number(url.searchParams.get('page') ?? 1)
  const perPage =
    Number.isInteger(perPageParam) && perPageParam > 0 ? Math.min(perPageParam, 100) : 20
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1
  const totalPages = Math.max(1, Math.ceil(count / perPage))
  const hasNext = page * perPage < count
  const counted = withTotal && count <= COUNT_LIMIT

  const linkTo = (target: number) => {
    const link = new URL(url)
    link.searchParams.set('page', String(target))
    link.searchParams.set('per_page', String(perPage))
    return link.toString()
  }
  const links: string[] = []
  if (page > 1) links.push(`<${linkTo(page - 1)}>; rel="prev"`)
  if (hasNext) links.push(`<${linkTo(page + 1)}>; rel="next"`)
  links.push(`<${linkTo(1)}>; rel="first"`)
  if (counted) links.push(`<${linkTo(totalPages)}>; rel="last"`)

  const headers = new Headers({
    link: links.join(', '),
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': hasNext ? String(page + 1) : '',
    'x-prev-page': page > 1 ? String(page - 1) : '',
  })
  if (counted) {
    headers.set('x-total', String(count))
    headers.set('x-total-pages', String(totalPages))
  }
  return { offset: (page - 1) * perPage, perPage, headers }
}

function pageOf<T>(request: Request, url: URL, rows: T[], shape: (row: T) => unknown) {
  const { offset, perPage, headers } = pagination(url, rows.length)
  return json(request, rows.slice(offset, offset + perPage).map(shape), { headers })
}

// ---------------------------------------------------------------------------------------------
// Namespaces and projects

const userProjects = () =>
  demoRepositories('gitlab').filter((repo) => repo.owner === gitlabDemoUser.username)

function findGroup(id: string): GitLabDemoGroup | undefined {
  const lower = id.toLowerCase()
  return gitlabDemoGroups.find((group) => String(group.id) === id || group.full_path === lower)
}

let projectIndex: Map<string, DemoRepository> | null = null

/** By numeric id or by URL-decoded full path, as GitLab accepts both in `/projects/:id`. */
function findProject(id: string): DemoRepository | undefined {
  if (!projectIndex) {
    projectIndex = new Map()
    for (const repo of demoRepositories('gitlab')) {
      projectIndex.set(String(repo.id), repo)
      projectIndex.set(`${repo.owner}/${repo.name}`.toLowerCase(), repo)
    }
  }
  return projectIndex.get(id.toLowerCase())
}

function namespacePayload(owner: string, web: string) {
  const group = findGroup(owner)
  if (!group) {
    return {
      ...gitlabUserNamespace,
      avatar_url: gitlabDemoUser.avatar_url,
      web_url: `${web}/${gitlabUserNamespace.full_path}`,
    }
  }
  return {
    id: group.id,
    name: group.name,
    path: group.path,
    kind: 'group',
    full_path: group.full_path,
    parent_id: group.parent_id,
    avatar_url: null,
    web_url: `${web}/groups/${group.full_path}`,
  }
}

function visibilityOf(repo: DemoRepository): 'private' | 'internal' | 'public' {
  if (repo.private) return 'private'
  return repo.owner !== gitlabDemoUser.username && repo.id % 3 === 0 ? 'internal' : 'public'
}

function projectUrls(repo: DemoRepository, web: string) {
  const fullPath = `${repo.owner}/${repo.name}`
  const host = new URL(web).host
  return {
    ssh_url_to_repo: `git@${host}:${fullPath}.git`,
    http_url_to_repo: `${web}/${fullPath}.git`,
    web_url: `${web}/${fullPath}`,
  }
}

/** `simple=true`: Entities::BasicProjectDetails (no visibility, archived or fork). */
function simpleProjectPayload(repo: DemoRepository, web: string) {
  const fullPath = `${repo.owner}/${repo.name}`
  const namespace = namespacePayload(repo.owner, web)
  return {
    id: repo.id,
    description: repo.description,
    name: repo.name,
    name_with_namespace: `${findGroup(repo.owner)?.full_name ?? namespace.name} / ${repo.name}`,
    path: repo.name,
    path_with_namespace: fullPath,
    created_at: time(repo.createdAt),
    default_branch: repo.defaultBranch,
    tag_list: [repo.language.toLowerCase()],
    topics: [repo.language.toLowerCase()],
    ...projectUrls(repo, web),
    readme_url: `${web}/${fullPath}/-/blob/${repo.defaultBranch}/README.md`,
    forks_count: repo.id % 4,
    avatar_url: null,
    star_count: repo.id % 9,
    last_activity_at: time(repo.updatedAt),
    namespace,
  }
}

/** The full Entities::Project (trimmed of the many feature toggles nobody here reads). */
function projectPayload(repo: DemoRepository, web: string, apiRoot: string) {
  const basic = simpleProjectPayload(repo, web)
  const self = `${apiRoot}/projects/${repo.id}`
  const isUser = repo.owner === gitlabDemoUser.username
  const group = findGroup(repo.owner)
  return {
    ...basic,
    container_registry_image_prefix: `registry.${new URL(web).host}/${basic.path_with_namespace}`,
    _links: {
      self,
      issues: `${self}/issues`,
      merge_requests: `${self}/merge_requests`,
      repo_branches: `${self}/repository/branches`,
      labels: `${self}/labels`,
      events: `${self}/events`,
      members: `${self}/members`,
      cluster_agents: `${self}/cluster_agents`,
    },
    packages_enabled: true,
    empty_repo: false,
    archived: repo.archived,
    visibility: visibilityOf(repo),
    ...(isUser
      ? {
          owner: {
            id: gitlabDemoUser.id,
            username: gitlabDemoUser.username,
            name: gitlabDemoUser.name,
            state: 'active',
            locked: false,
            avatar_url: gitlabDemoUser.avatar_url,
            web_url: `${web}/${gitlabDemoUser.username}`,
          },
        }
      : {}),
    resolve_outdated_diff_discussions: false,
    issues_enabled: true,
    merge_requests_enabled: true,
    wiki_enabled: true,
    jobs_enabled: true,
    snippets_enabled: true,
    container_registry_enabled: true,
    creator_id: gitlabDemoUser.id,
    ...(repo.fork
      ? {
          forked_from_project: {
            ...simpleProjectPayload({ ...repo, id: repo.id + 500_000, owner: 'upstream' }, web),
            namespace: {
              id: 99001,
              name: 'upstream',
              path: 'upstream',
              kind: 'group',
              full_path: 'upstream',
              parent_id: null,
              avatar_url: null,
              web_url: `${web}/groups/upstream`,
            },
          },
        }
      : {}),
    import_status: 'none',
    open_issues_count: repo.id % 17,
    ci_default_git_depth: 20,
    public_jobs: true,
    shared_with_groups: [],
    only_allow_merge_if_pipeline_succeeds: false,
    request_access_enabled: true,
    remove_source_branch_after_merge: true,
    printing_merge_request_link_enabled: true,
    merge_method: 'merge',
    squash_option: 'default_off',
    autoclose_referenced_issues: true,
    permissions: {
      project_access: null,
      group_access: group ? { access_level: group.access_level, notification_level: 3 } : null,
    },
  }
}

/** GitLab's search: every word must match; words under 3 characters match only exactly. */
function matches(repo: DemoRepository, search: string, namespaces: boolean): boolean {
  const fields = [repo.name, repo.description ?? '']
  if (namespaces) fields.push(`${repo.owner}/${repo.name}`)
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) =>
      word.length < 3
        ? repo.name.toLowerCase() === word
        : fields.some((field) => field.toLowerCase().includes(word)),
    )
}

const ORDER_FIELDS: Record<string, (repo: DemoRepository) => string | number> = {
  id: (repo) => repo.id,
  name: (repo) => repo.name.toLowerCase(),
  path: (repo) => repo.name.toLowerCase(),
  created_at: (repo) => repo.createdAt,
  updated_at: (repo) => repo.updatedAt,
  last_activity_at: (repo) => repo.updatedAt,
  star_count: (repo) => repo.id % 9,
}

/** The filters and ordering every project list shares; default order created_at desc. */
function filterProjects(url: URL, rows: DemoRepository[], namespaces: boolean): DemoRepository[] {
  const search = url.searchParams.get('search')?.trim()
  const archived = flag(url, 'archived')
  const visibility = url.searchParams.get('visibility')
  const filtered = rows.filter(
    (repo) =>
      (!search || matches(repo, search, namespaces)) &&
      (archived === undefined || repo.archived === archived) &&
      (!visibility || visibilityOf(repo) === visibility),
  )
  const key =
    ORDER_FIELDS[url.searchParams.get('order_by') ?? 'created_at'] ?? ORDER_FIELDS.created_at!
  const direction = url.searchParams.get('sort') === 'asc' ? 1 : -1
  return filtered.sort((a, b) => {
    const left = key(a)
    const right = key(b)
    const order = left < right ? -1 : left > right ? 1 : 0
    return order * direction || (a.id - b.id) * direction
  })
}

function projectList(context: Context, rows: DemoRepository[], namespaces: boolean) {
  const { request, url } = context
  const web = webRoot(url)
  const apiRoot = `${web}/api/v4`
  const simple = flag(url, 'simple') === true
  return pageOf(request, url, filterProjects(url, rows, namespaces), (repo) =>
    simple ? simpleProjectPayload(repo, web) : projectPayload(repo, web, apiRoot),
  )
}

function groupPayload(group: GitLabDemoGroup, web: string) {
  return {
    id: group.id,
    web_url: `${web}/groups/${group.full_path}`,
    name: group.name,
    path: group.path,
    description: group.description,
    visibility: group.visibility,
    share_with_group_lock: false,
    require_two_factor_authentication: false,
    two_factor_grace_period: 48,
    project_creation_level: 'developer',
    auto_devops_enabled: null,
    subgroup_creation_level: 'maintainer',
    emails_disabled: false,
    emails_enabled: true,
    mentions_disabled: null,
    lfs_enabled: true,
    default_branch: null,
    default_branch_protection: 2,
    avatar_url: null,
    request_access_enabled: true,
    full_name: group.full_name,
    full_path: group.full_path,
    created_at: time(group.created_at),
    parent_id: group.parent_id,
    organization_id: 1,
    shared_runners_setting: 'enabled',
    ldap_cn: null,
    ldap_access: null,
    marked_for_deletion_on: null,
    wiki_access_level: 'enabled',
  }
}

// ---------------------------------------------------------------------------------------------
// Repository contents

/** Commits the catalog says "GitHub" made (web edits, merges) are GitLab's here. */
function committerOf(commit: DemoCommit) {
  return commit.committer.email === 'noreply@github.com'
    ? { name: 'GitLab', email: 'noreply@gitlab.com' }
    : commit.committer
}

function commitPayload(commit: DemoCommit, projectWeb: string) {
  const committer = committerOf(commit)
  const title = commit.message.split('\n')[0] ?? commit.message
  return {
    id: commit.sha,
    short_id: commit.sha.slice(0, 8),
    created_at: time(commit.date),
    parent_ids: commit.parentSha ? [commit.parentSha] : [],
    title,
    message: commit.message,
    author_name: commit.author.name,
    author_email: commit.author.email,
    authored_date: time(commit.date),
    committer_name: committer.name,
    committer_email: committer.email,
    committed_date: time(commit.date),
    trailers: {},
    extended_trailers: {},
    web_url: `${projectWeb}/-/commit/${commit.sha}`,
  }
}

/** GitLab's branch and tag search: substring, or `^prefix` / `suffix$`; case-insensitive. */
function refMatches(name: string, search: string | null): boolean {
  if (!search) return true
  const lower = name.toLowerCase()
  const term = search.toLowerCase()
  if (term.startsWith('^')) return lower.startsWith(term.slice(1))
  if (term.endsWith('$')) return lower.endsWith(term.slice(0, -1))
  return lower.includes(term)
}

function branchPayload(repo: DemoRepository, name: string, web: string) {
  const projectWeb = projectUrls(repo, web).web_url
  const isDefault = name === repo.defaultBranch
  return {
    name,
    commit: commitPayload(demoCommitAt('gitlab', repo, name, 0), projectWeb),
    merged: false,
    protected: isDefault,
    developers_can_push: false,
    developers_can_merge: false,
    can_push: true,
    default: isDefault,
    web_url: `${projectWeb}/-/tree/${name}`,
  }
}

/** Where `ref_name` starts: a branch's tip, a tag's commit, or a commit sha on some branch. */
function resolveRef(repo: DemoRepository, ref: string): { branch: string; from: number } | null {
  const branches = demoBranches(repo)
  if (branches.includes(ref)) return { branch: ref, from: 0 }
  const tags = demoTags('gitlab', repo)
  const tagIndex = tags.findIndex((tag) => tag.name === ref)
  if (tagIndex >= 0) return { branch: repo.defaultBranch, from: tagIndex * 30 + 2 }
  if (/^[0-9a-f]{7,40}$/i.test(ref)) {
    for (const branch of branches) {
      const count = demoCommitCount(repo, branch)
      for (let index = 0; index < count; index++) {
        if (demoSha(repo.id, branch, index).startsWith(ref.toLowerCase()))
          return { branch, from: index }
      }
    }
  }
  return null
}

/** `v1.10.0` after `v1.9.0`: numbers compared as numbers. */
function compareVersions(left: string, right: string): number {
  const a = left.match(/\d+/g)?.map(Number) ?? []
  const b = right.match(/\d+/g)?.map(Number) ?? []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) return difference
  }
  return left < right ? -1 : left > right ? 1 : 0
}

function tagPayload(repo: DemoRepository, index: number, web: string) {
  const projectWeb = projectUrls(repo, web).web_url
  const tags = demoTags('gitlab', repo)
  const tag = tags[index]!
  const commit = demoCommitAt('gitlab', repo, repo.defaultBranch, index * 30 + 2)
  const release = demoReleases('gitlab', repo).find((entry) => entry.tagName === tag.name)
  const annotated = tag.message !== null
  return {
    name: tag.name,
    message: tag.message,
    // An annotated tag is an object of its own; a lightweight one points at the commit.
    target: annotated ? demoSha('tag', repo.id, tag.name) : tag.sha,
    commit: commitPayload(commit, projectWeb),
    release: release ? { tag_name: release.tagName, description: release.body } : null,
    protected: false,
    created_at: annotated ? time(tag.date) : null,
  }
}

function releasePayload(repo: DemoRepository, index: number, web: string, now: number) {
  const projectWeb = projectUrls(repo, web).web_url
  const release = demoReleases('gitlab', repo)[index]!
  const tagIndex = demoTags('gitlab', repo).findIndex((tag) => tag.name === release.tagName)
  const commit = demoCommitAt('gitlab', repo, repo.defaultBranch, tagIndex * 30 + 2)
  // GitLab has no drafts: the catalog's draft is an upcoming release here, due in a week.
  const releasedAt = release.publishedAt ?? new Date(now + 7 * 86_400_000).toISOString()
  const archive = (format: string) => ({
    format,
    url: `${projectWeb}/-/archive/${release.tagName}/${repo.name}-${release.tagName}.${format}`,
  })
  return {
    name: release.name,
    tag_name: release.tagName,
    description: release.body,
    created_at: time(commit.date),
    released_at: time(releasedAt),
    upcoming_release: release.publishedAt === null,
    author: {
      id: gitlabDemoUser.id,
      username: gitlabDemoUser.username,
      name: gitlabDemoUser.name,
      state: 'active',
      locked: false,
      avatar_url: gitlabDemoUser.avatar_url,
      web_url: `${web}/${gitlabDemoUser.username}`,
    },
    commit: commitPayload(commit, projectWeb),
    milestones: [],
    commit_path: `/${repo.owner}/${repo.name}/-/commit/${commit.sha}`,
    tag_path: `/${repo.owner}/${repo.name}/-/tags/${release.tagName}`,
    assets: {
      count: 4,
      sources: ['zip', 'tar.gz', 'tar.bz2', 'tar'].map(archive),
      links: [],
    },
    evidences: [],
    _links: {
      closed_issues_url: `${projectWeb}/-/issues?release_tag=${release.tagName}&scope=all&state=closed`,
      closed_merge_requests_url: `${projectWeb}/-/merge_requests?release_tag=${release.tagName}&scope=all&state=closed`,
      edit_url: `${projectWeb}/-/releases/${release.tagName}/edit`,
      merged_merge_requests_url: `${projectWeb}/-/merge_requests?release_tag=${release.tagName}&scope=all&state=merged`,
      opened_issues_url: `${projectWeb}/-/issues?release_tag=${release.tagName}&scope=all&state=opened`,
      opened_merge_requests_url: `${projectWeb}/-/merge_requests?release_tag=${release.tagName}&scope=all&state=opened`,
      self: `${projectWeb}/-/releases/${release.tagName}`,
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Webhooks (https://docs.gitlab.com/api/project_webhooks/)

/** The event flags GitLab's hooks carry, and their defaults when a create leaves them out. */
const HOOK_EVENTS: Record<string, boolean> = {
  push_events: true,
  issues_events: false,
  confidential_issues_events: false,
  merge_requests_events: false,
  tag_push_events: false,
  note_events: false,
  confidential_note_events: false,
  job_events: false,
  pipeline_events: false,
  wiki_page_events: false,
  deployment_events: false,
  feature_flag_events: false,
  releases_events: false,
  milestone_events: false,
  emoji_events: false,
  resource_access_token_events: false,
  repository_update_events: false,
}

/** The hook as GitLab shows it: every flag, and never the token. */
function hookPayload(hook: MockWebhook) {
  const flags = Object.fromEntries(
    Object.keys(HOOK_EVENTS).map((name) => [name, hook.events.includes(name)]),
  )
  return {
    id: hook.id,
    url: hook.url,
    name: null,
    description: null,
    project_id: Number(hook.repository),
    ...flags,
    push_events_branch_filter: '',
    branch_filter_strategy: 'wildcard',
    enable_ssl_verification: hook.extra.enable_ssl_verification !== false,
    alert_status: hook.active ? 'executable' : 'disabled',
    disabled_until: null,
    url_variables: [],
    custom_webhook_template: null,
    custom_headers: [],
    created_at: time(hook.createdAt),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

async function createHook(context: Context, repo: DemoRepository): Promise<Response> {
  const { request } = context
  let body: unknown
  try {
    body = await request.json()
  } catch {
    body = {}
  }
  const input = isRecord(body) ? body : {}
  if (typeof input.url !== 'string' || input.url === '') {
    return json(request, { error: 'url is missing' }, { status: 400 })
  }
  if (!/^https?:\/\/[^\s/]+/i.test(input.url)) {
    return json(
      request,
      { message: { url: ['is blocked: Only allowed schemes are http, https'] } },
      { status: 422 },
    )
  }
  const events = Object.entries(HOOK_EVENTS)
    .filter(([name, fallback]) => (typeof input[name] === 'boolean' ? input[name] : fallback))
    .map(([name]) => name)
  const hook = addMockWebhook({
    provider: 'gitlab',
    repository: String(repo.id),
    url: input.url,
    events,
    secret: typeof input.token === 'string' ? input.token : null,
    active: true,
    extra: { enable_ssl_verification: input.enable_ssl_verification !== false },
  })
  return json(request, hookPayload(hook), { status: 201 })
}

/** Project routes: resolve `:id`, or GitLab's 404. */
function withProject(
  respond: (context: Context, repo: DemoRepository) => Response | Promise<Response>,
) {
  return authenticated((context) => {
    const repo = findProject(param(context.params, 'id'))
    return repo ? respond(context, repo) : notFound(context.request, 'Project')
  })
}

function dateFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

function userPayload(request: Request) {
  const url = new URL(request.url)
  const web = webRoot(url)
  return {
    ...gitlabDemoUser,
    web_url: `${web}/${gitlabDemoUser.username}`,
    commit_email: gitlabNoreplyEmail(url.hostname),
  }
}

export const gitlabHandlers: RequestHandler[] = [
  // https://docs.gitlab.com/api/users/#get-the-current-user
  http.get(
    `${API}/user`,
    authenticated(({ request }) => json(request, userPayload(request))),
  ),
  // https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token
  http.get(
    `${API}/personal_access_tokens/self`,
    authenticated(({ request }) =>
      json(request, {
        ...gitlabDemoToken,
        last_used_at: new Date().toISOString(),
        // About a year from now; GitLab stores a date, and the token dies at midnight UTC.
        expires_at: dateFromNow(365),
      }),
    ),
  ),

  // https://docs.gitlab.com/api/groups/#list-groups
  http.get(
    `${API}/groups`,
    authenticated(({ request, url }) => {
      const minAccess = Number(url.searchParams.get('min_access_level') ?? 0)
      const search = url.searchParams.get('search')?.toLowerCase()
      const topLevel = flag(url, 'top_level_only') === true
      const groups = gitlabDemoGroups.filter(
        (group) =>
          group.access_level >= minAccess &&
          (!topLevel || group.parent_id === null) &&
          (!search || group.name.toLowerCase().includes(search) || group.path.includes(search)),
      )
      return pageOf(request, url, groups, (group) => groupPayload(group, webRoot(url)))
    }),
  ),
  // https://docs.gitlab.com/api/groups/#list-projects — `:id` is the id or the encoded full path.
  http.get(
    `${API}/groups/:id/projects`,
    authenticated((context) => {
      const group = findGroup(param(context.params, 'id'))
      if (!group) return notFound(context.request, 'Group')
      const subgroups = flag(context.url, 'include_subgroups') === true
      const rows = demoRepositories('gitlab').filter(
        (repo) =>
          repo.owner === group.full_path ||
          (subgroups && repo.owner.startsWith(`${group.full_path}/`)),
      )
      return projectList(context, rows, false)
    }),
  ),
  // https://docs.gitlab.com/api/projects/#list-a-users-projects — `:id` is the id or username.
  http.get(
    `${API}/users/:id/projects`,
    authenticated((context) => {
      const id = param(context.params, 'id').toLowerCase()
      if (id !== String(gitlabDemoUser.id) && id !== gitlabDemoUser.username) {
        return notFound(context.request, 'User')
      }
      return projectList(context, userProjects(), false)
    }),
  ),
  // https://docs.gitlab.com/api/projects/#list-all-projects — the demo user is a member of all.
  http.get(
    `${API}/projects`,
    authenticated((context) => {
      const owned = flag(context.url, 'owned') === true
      const rows = owned ? userProjects() : demoRepositories('gitlab')
      return projectList(context, rows, flag(context.url, 'search_namespaces') === true)
    }),
  ),
  // https://docs.gitlab.com/api/projects/#get-a-single-project
  http.get(
    `${API}/projects/:id`,
    withProject(({ request, url }, repo) =>
      json(request, projectPayload(repo, webRoot(url), `${webRoot(url)}/api/v4`)),
    ),
  ),

  // https://docs.gitlab.com/api/branches/ — sorted by name; `default: true` marks the default.
  http.get(
    `${API}/projects/:id/repository/branches`,
    withProject(({ request, url }, repo) => {
      const search = url.searchParams.get('search')
      const names = demoBranches(repo)
        .filter((name) => refMatches(name, search))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      return pageOf(request, url, names, (name) => branchPayload(repo, name, webRoot(url)))
    }),
  ),
  http.get(
    `${API}/projects/:id/repository/branches/:branch`,
    withProject(({ request, url, params }, repo) => {
      const name = param(params, 'branch')
      if (!demoBranches(repo).includes(name)) return notFound(request, 'Branch')
      return json(request, branchPayload(repo, name, webRoot(url)))
    }),
  ),
  // https://docs.gitlab.com/api/commits/#list-repository-commits — no x-total, ever.
  http.get(
    `${API}/projects/:id/repository/commits`,
    withProject(({ request, url }, repo) => {
      const start = resolveRef(repo, url.searchParams.get('ref_name') || repo.defaultBranch)
      const total = start ? demoCommitCount(repo, start.branch) - start.from : 0
      const { offset, perPage, headers } = pagination(url, total, { withTotal: false })
      // Only the requested page is computed: histories run to 1,350 commits.
      const commits = start
        ? demoCommits(
            'gitlab',
            repo,
            start.branch,
            start.from + offset,
            Math.min(perPage, total - offset),
          )
        : []
      const projectWeb = projectUrls(repo, webRoot(url)).web_url
      return json(
        request,
        commits.map((commit) => commitPayload(commit, projectWeb)),
        { headers },
      )
    }),
  ),
  // https://docs.gitlab.com/api/tags/#list-project-repository-tags
  http.get(
    `${API}/projects/:id/repository/tags`,
    withProject(({ request, url }, repo) => {
      const search = url.searchParams.get('search')
      const tags = demoTags('gitlab', repo)
      const indexes = tags
        .map((_, index) => index)
        .filter((index) => refMatches(tags[index]!.name, search))
      // order_by updated (default), name or version; sort desc (default) or asc. The catalog
      // lists newest first.
      const orderBy = url.searchParams.get('order_by') ?? 'updated'
      const direction = url.searchParams.get('sort') === 'asc' ? 1 : -1
      const compare = (a: number, b: number): number => {
        if (orderBy === 'name') return tags[a]!.name < tags[b]!.name ? -1 : 1
        if (orderBy === 'version') return compareVersions(tags[a]!.name, tags[b]!.name)
        return b - a
      }
      indexes.sort((a, b) => compare(a, b) * direction)
      return pageOf(request, url, indexes, (index) => tagPayload(repo, index, webRoot(url)))
    }),
  ),
  // https://docs.gitlab.com/api/releases/#list-releases — newest released_at first.
  http.get(
    `${API}/projects/:id/releases`,
    withProject(({ request, url }, repo) => {
      const now = Date.now()
      const indexes = demoReleases('gitlab', repo).map((_, index) => index)
      if (url.searchParams.get('sort') === 'asc') indexes.reverse()
      return pageOf(request, url, indexes, (index) =>
        releasePayload(repo, index, webRoot(url), now),
      )
    }),
  ),

  // https://docs.gitlab.com/api/project_webhooks/
  http.get(
    `${API}/projects/:id/hooks`,
    withProject(({ request, url }, repo) =>
      pageOf(request, url, mockWebhooksOf('gitlab', String(repo.id)), hookPayload),
    ),
  ),
  http.get(
    `${API}/projects/:id/hooks/:hookId`,
    withProject(({ request, params }, repo) => {
      const hook = mockState.webhooks.get(Number(param(params, 'hookId')))
      if (!hook || hook.provider !== 'gitlab' || hook.repository !== String(repo.id)) {
        return notFound(request, 'Hook')
      }
      return json(request, hookPayload(hook))
    }),
  ),
  http.post(`${API}/projects/:id/hooks`, withProject(createHook)),
  http.delete(
    `${API}/projects/:id/hooks/:hookId`,
    withProject(({ request, params }, repo) => {
      const id = Number(param(params, 'hookId'))
      const hook = mockState.webhooks.get(id)
      if (!hook || hook.provider !== 'gitlab' || hook.repository !== String(repo.id)) {
        return notFound(request, 'Hook')
      }
      mockState.webhooks.delete(id)
      return new HttpResponse(null, { status: 204, headers: gitlabHeaders(request) })
    }),
  ),
]
