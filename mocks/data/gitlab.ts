/**
 * Demo data for the simulated GitLab (gitlab.com and any self-managed host). Plain values; the
 * handlers shape them into GitLab's REST responses. Later additions (projects, commits…) go here.
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
