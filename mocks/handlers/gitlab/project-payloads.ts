/** The JSON shapes of namespaces and projects (simple and full). */
import type { DemoRepository } from '../../data/catalog.ts'
import { gitlabDemoUser, gitlabUserNamespace } from '../../data/gitlab.ts'
import { time } from './context.ts'
import { findGroup } from './groups.ts'

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

export function visibilityOf(repo: DemoRepository): 'private' | 'internal' | 'public' {
  if (repo.private) return 'private'
  return repo.owner !== gitlabDemoUser.username && repo.id % 3 === 0 ? 'internal' : 'public'
}

export function projectUrls(repo: DemoRepository, web: string) {
  const fullPath = `${repo.owner}/${repo.name}`
  const host = new URL(web).host
  return {
    ssh_url_to_repo: `git@${host}:${fullPath}.git`,
    http_url_to_repo: `${web}/${fullPath}.git`,
    web_url: `${web}/${fullPath}`,
  }
}

/** `simple=true`: Entities::BasicProjectDetails (no visibility, archived or fork). */
export function simpleProjectPayload(repo: DemoRepository, web: string) {
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
export function projectPayload(repo: DemoRepository, web: string, apiRoot: string) {
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
