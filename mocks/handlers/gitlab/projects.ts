/** Projects: lookup by id or path, search, filters and order, and the project routes. */
import { http, type RequestHandler } from 'msw'
import { demoRepositories, type DemoRepository } from '../../data/catalog.ts'
import { gitlabDemoUser } from '../../data/gitlab.ts'
import {
  API,
  authenticated,
  flag,
  json,
  notFound,
  param,
  webRoot,
  type Context,
} from './context.ts'
import { findGroup } from './groups.ts'
import { pageOf } from './pagination.ts'
import { projectPayload, simpleProjectPayload, visibilityOf } from './project-payloads.ts'

const userProjects = () =>
  demoRepositories('gitlab').filter((repo) => repo.owner === gitlabDemoUser.username)

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

/** Project routes: resolve `:id`, or GitLab's 404. */
export function withProject(
  respond: (context: Context, repo: DemoRepository) => Response | Promise<Response>,
) {
  return authenticated((context) => {
    const repo = findProject(param(context.params, 'id'))
    return repo ? respond(context, repo) : notFound(context.request, 'Project')
  })
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

export const projectHandlers: RequestHandler[] = [
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
]
