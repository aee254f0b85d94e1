/**
 * Demo data for the simulated GitLab (gitlab.com and any self-managed host). Plain values; the
 * handlers shape them into GitLab's REST responses. Projects, branches, commits, tags and releases
 * come from the shared catalog (`demoRepositories('gitlab')`), whose `owner` is a namespace's full
 * path: the user's own (`gitlab-demo`) or a group's (`platform`, `platform/tools`).
 */

import { initialsAvatar } from './avatar.ts'

export const gitlabDemoUser = {
  id: 4810923,
  username: 'gitlab-demo',
  name: 'Dana Demo',
  state: 'active',
  locked: false,
  avatar_url: initialsAvatar('DD', '#e24329'),
  created_at: '2017-06-02T11:45:09.512Z',
  bio: 'Release engineering, mostly.',
  location: 'Rotterdam',
  /** GitLab sends '' (not null) when no public email is set. */
  public_email: '',
  skype: '',
  linkedin: '',
  twitter: '',
  discord: '',
  website_url: '',
  organization: 'Demo Org',
  job_title: 'Release engineer',
  pronouns: null,
  bot: false,
  work_information: 'Release engineer at Demo Org',
  local_time: null,
  last_sign_in_at: '2026-10-01T08:12:44.101Z',
  confirmed_at: '2017-06-02T11:47:31.006Z',
  last_activity_on: '2026-10-02',
  /** The account's primary address; GitLab shows it only to the user themself. */
  email: 'dana.demo@example.com',
  theme_id: 1,
  color_scheme_id: 1,
  projects_limit: 100000,
  current_sign_in_at: '2026-10-02T07:58:10.870Z',
  identities: [],
  can_create_group: true,
  can_create_project: true,
  two_factor_enabled: true,
  external: false,
  private_profile: false,
  preferred_language: 'en',
}

/** `ID-username@users.noreply.<host>`: GitLab's private commit email. */
export function gitlabNoreplyEmail(host: string): string {
  return `${gitlabDemoUser.id}-${gitlabDemoUser.username}@users.noreply.${host}`
}

/** /personal_access_tokens/self for any accepted token, minus the dates (computed per request). */
export const gitlabDemoToken = {
  id: 9071341,
  name: 'git-connector',
  description: 'Git Connector demo',
  revoked: false,
  created_at: '2026-10-02T08:00:00.000Z',
  scopes: ['api', 'read_user'],
  user_id: gitlabDemoUser.id,
  active: true,
}

/** The user's personal namespace: its id is not the user's id, as on a real instance. */
export const gitlabUserNamespace = {
  id: 5720013,
  name: gitlabDemoUser.name,
  path: gitlabDemoUser.username,
  kind: 'user' as const,
  full_path: gitlabDemoUser.username,
  parent_id: null,
}

export interface GitLabDemoGroup {
  id: number
  name: string
  path: string
  full_name: string
  full_path: string
  description: string
  visibility: 'private' | 'internal' | 'public'
  parent_id: number | null
  created_at: string
  /** The demo user's role: 50 Owner, 40 Maintainer, 30 Developer, 20 Reporter, 10 Guest. */
  access_level: number
}

/** Groups the demo user belongs to, as `GET /groups` orders them (by name). */
export const gitlabDemoGroups: GitLabDemoGroup[] = [
  {
    id: 88101,
    name: 'Platform',
    path: 'platform',
    full_name: 'Platform',
    full_path: 'platform',
    description: 'Build, deploy and runtime services.',
    visibility: 'internal',
    parent_id: null,
    created_at: '2019-03-11T09:20:00.000Z',
    access_level: 50,
  },
  {
    id: 88102,
    name: 'Tools',
    path: 'tools',
    full_name: 'Platform / Tools',
    full_path: 'platform/tools',
    description: 'Internal tooling.',
    visibility: 'private',
    parent_id: 88101,
    created_at: '2021-08-30T14:02:00.000Z',
    access_level: 40,
  },
]
