/** The JSON shapes of users, organizations and repositories, as GitHub sends them. */
import { demoSha, type DemoRepository } from '../../data/catalog.ts'
import { githubDemoUser, githubOwnerAccount, type githubDemoOrgs } from '../../data/github.ts'
import { HOSTILE_URL, hostileLogin, hostileUserName } from '../../data/hostile.ts'
import type { Site } from './site.ts'

/** The authenticated user: the short user object plus the profile fields only /user shows. */
export function userPayload(site: Site) {
  const { login, id, avatar_url } = githubDemoUser
  return {
    ...simpleUser(site, { login, id, type: 'User', avatar_url }),
    ...githubDemoUser,
    ...(site.hostile ? { login: hostileLogin, name: hostileUserName } : {}),
    user_view_type: 'private',
  }
}

/** The short user object GitHub nests in repositories, commits and releases. */
export function simpleUser(
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

export function orgPayload(site: Site, org: (typeof githubDemoOrgs)[number]) {
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
export function permissionsOf(repo: DemoRepository) {
  const admin = !(repo.owner === 'acme-web' && repo.id > FEATURED_MAX_ID && repo.id % 4 === 0)
  return { admin, maintain: admin, push: true, triage: true, pull: true }
}

export function repoPayload(site: Site, repo: DemoRepository) {
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
    owner: simpleUser(site, {
      login: repo.owner,
      ...githubOwnerAccount(repo.owner),
      ...(repo.hostile ? { avatar_url: HOSTILE_URL } : {}),
    }),
    // A compromised server can send any URL; GitHub itself never sends `javascript:`.
    html_url: repo.hostile ? HOSTILE_URL : html,
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
