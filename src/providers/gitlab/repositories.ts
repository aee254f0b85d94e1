/**
 * Owners (the user's namespace and the groups they belong to) and projects.
 * https://docs.gitlab.com/api/projects/#list-all-projects
 * https://docs.gitlab.com/api/groups/#list-groups
 */
import type { Owner, Page, Repository, RepositoryQuery } from '../types.ts'
import type { AccountCache } from './account.ts'
import {
  gitlabJson,
  segment,
  type GitLabApi,
  type GitLabResponse,
  type QueryValue,
} from './client.ts'
import { MAX_PER_PAGE, nextPage, pageQuery, toPage } from './pagination.ts'
import { itemsOf, type ParsedItems } from '../parse-items.ts'
import { GitLabGroup, GitLabProject } from './schemas.ts'

/** Guest (10) or more: every group the user is a member of. */
const MIN_ACCESS_LEVEL = 10
/** listOwners has no paging of its own; 20 pages of 100 groups is more than anyone browses. */
const MAX_GROUP_PAGES = 20

/** The user's own namespace first, then their groups as GitLab orders them (by name). */
export async function listOwners(
  api: GitLabApi,
  account: AccountCache,
  signal?: AbortSignal,
): Promise<Owner[]> {
  const [user, groups] = await Promise.all([account.get(signal), listGroups(api, signal)])
  const self: Owner = {
    id: user.id,
    name: user.login,
    displayName: user.displayName,
    kind: 'user',
    avatarUrl: user.avatarUrl,
  }
  return [self, ...groups]
}

async function listGroups(api: GitLabApi, signal?: AbortSignal): Promise<Owner[]> {
  const owners: Owner[] = []
  let page: number | null = 1
  for (let count = 0; page !== null && count < MAX_GROUP_PAGES; count++) {
    const response: GitLabResponse<ParsedItems<GitLabGroup>> = await gitlabJson(
      api,
      '/groups',
      itemsOf(GitLabGroup),
      { query: { min_access_level: MIN_ACCESS_LEVEL, per_page: MAX_PER_PAGE, page }, signal },
    )
    const { data, headers } = response
    // A group that cannot be read is not offered as an owner; the others are.
    for (const group of data.items) {
      owners.push({
        id: String(group.id),
        name: group.full_path,
        displayName: group.full_name || group.name,
        kind: 'group',
        avatarUrl: group.avatar_url || null,
      })
    }
    page = data.items.length + data.skipped === 0 ? null : nextPage(headers)
  }
  return owners
}

/**
 * Projects the user is a member of, or those of one namespace: the user's own
 * (`/users/:username/projects`) or one group's, without its subgroups or projects shared with it
 * (so that every project's owner is that group). The full representation, not `simple=true`:
 * only it says whether a project is private, archived or a fork.
 */
export async function listRepositories(
  api: GitLabApi,
  account: AccountCache,
  query: RepositoryQuery,
): Promise<Page<Repository>> {
  const { signal } = query
  const search = query.search?.trim() || undefined
  const common: Record<string, QueryValue> = {
    ...(query.sort === 'name'
      ? { order_by: 'name', sort: 'asc' }
      : { order_by: 'last_activity_at', sort: 'desc' }),
    search,
    ...pageQuery(query),
  }
  let path = '/projects'
  let params: Record<string, QueryValue> = {
    membership: true,
    // Match the group path too, so that "platform" finds platform/deploy-pipeline.
    ...(search ? { search_namespaces: true } : {}),
    ...common,
  }
  const owner = query.owner?.trim()
  if (owner) {
    const user = await account.get(signal)
    if (owner.toLowerCase() === user.login.toLowerCase()) {
      path = `/users/${segment(user.login)}/projects`
      params = common
    } else {
      path = `/groups/${segment(owner)}/projects`
      params = { include_subgroups: false, with_shared: false, ...common }
    }
  }
  const { data, headers } = await gitlabJson(api, path, itemsOf(GitLabProject), {
    query: params,
    signal,
  })
  return toPage(data.items.map(toRepository), headers, { skipped: data.skipped })
}

function toRepository(project: GitLabProject): Repository {
  return {
    id: String(project.id),
    fullName: project.path_with_namespace,
    // The path, not the display name ("Deploy Pipeline"): like every other type's `name`, it is the
    // last part of fullName, and it is what clone URLs and the owner filter are made of.
    name: project.path,
    owner: project.namespace.full_path,
    description: project.description || null,
    // Internal projects are visible to every signed-in user of the instance, not the world.
    // Without a visibility (an unexpected answer) assume the safer "private".
    private: project.visibility !== 'public',
    archived: project.archived ?? false,
    fork: Boolean(project.forked_from_project),
    defaultBranch: project.default_branch || null,
    webUrl: project.web_url,
    cloneUrl: project.http_url_to_repo || null,
    updatedAt: project.last_activity_at || null,
  }
}
