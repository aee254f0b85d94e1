/** Groups: found by id or full path, and the group payload. */
import { gitlabDemoGroups, type GitLabDemoGroup } from '../../data/gitlab.ts'
import { time } from './context.ts'

export function findGroup(id: string): GitLabDemoGroup | undefined {
  const lower = id.toLowerCase()
  return gitlabDemoGroups.find((group) => String(group.id) === id || group.full_path === lower)
}

export function groupPayload(group: GitLabDemoGroup, web: string) {
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
