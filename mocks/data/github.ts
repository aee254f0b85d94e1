/**
 * Demo data for the simulated GitHub (github.com and any GHES host). Plain values; the handlers
 * shape them into GitHub's REST responses. Later additions (repositories, commits…) go here too.
 */

import { initialsAvatar } from './avatar.ts'

export const githubDemoUser = {
  id: 583231,
  node_id: 'MDQ6VXNlcjU4MzIzMQ==',
  login: 'octo-demo',
  name: 'Mona Demo',
  /** The public profile email (what /user shows; null when the user keeps it private). */
  email: 'mona.demo@example.com',
  avatar_url: initialsAvatar('MD', '#6e40c9'),
  company: '@demo-org',
  blog: 'https://example.com/mona',
  location: 'Lisbon',
  bio: 'Builds release pipelines for fun.',
  twitter_username: null,
  hireable: null,
  public_repos: 12,
  public_gists: 3,
  followers: 48,
  following: 9,
  created_at: '2015-03-14T09:26:53Z',
  updated_at: '2026-09-30T17:02:11Z',
  private_gists: 1,
  total_private_repos: 4,
  owned_private_repos: 4,
  disk_usage: 48213,
  collaborators: 2,
  two_factor_authentication: true,
  plan: { name: 'pro', space: 976562499, collaborators: 0, private_repos: 9999 },
}

/** /user/emails entries, minus the no-reply address (its domain depends on the host). */
export const githubDemoEmails = [
  { email: 'mona.demo@example.com', primary: true, verified: true, visibility: 'public' },
  { email: 'mona@work.example.com', primary: false, verified: true, visibility: 'private' },
  /** Never verified: GitHub does not link commits to it, so the adapter leaves it out. */
  { email: 'mona.old@example.org', primary: false, verified: false, visibility: 'private' },
] as const

/** `ID+login@users.noreply.<domain>`: the address GitHub uses for web edits. */
export function githubNoreplyEmail(domain: string): string {
  return `${githubDemoUser.id}+${githubDemoUser.login}@users.noreply.${domain}`
}

/** Scopes the simulated provider reports for classic tokens (`ghp_`, `gho_`, pre-2021 tokens). */
export const githubClassicScopes = ['repo', 'read:user', 'user:email']

/**
 * Scopes of a demo classic token whose text contains `read-only`: no `repo`, `public_repo` or
 * `*:repo_hook`, so GitHub would refuse its hook requests. (The simulated GitHub still lets it read
 * private repositories; a real token without `repo` would not see them.)
 */
export const githubReadOnlyScopes = ['read:org', 'read:user', 'user:email']

/** The organizations the demo account belongs to (`GET /user/orgs`), owners in the catalog. */
export const githubDemoOrgs = [
  {
    login: 'acme-platform',
    id: 7_100_001,
    node_id: 'O_kgDOBsUVoQ',
    description: 'Platform team: CI, release tooling and shared services.',
    avatar_url: initialsAvatar('AP', '#1f6feb'),
  },
  {
    login: 'acme-web',
    id: 7_100_002,
    node_id: 'O_kgDOBsUVog',
    description: 'The storefront and the marketing sites.',
    avatar_url: initialsAvatar('AW', '#bf3989'),
  },
]

/** A GitHub account a commit can be linked to. */
export interface GitHubLinkedAccount {
  login: string
  id: number
  type: 'User' | 'Bot'
  avatar_url: string
}

const demoAccounts: GitHubLinkedAccount[] = [
  {
    login: githubDemoUser.login,
    id: githubDemoUser.id,
    type: 'User',
    avatar_url: githubDemoUser.avatar_url,
  },
  { login: 'linpark', id: 2_210_871, type: 'User', avatar_url: initialsAvatar('LP', '#1a7f37') },
  { login: 'samokafor', id: 3_300_452, type: 'User', avatar_url: initialsAvatar('SO', '#9a6700') },
  { login: 'analima', id: 1_045_633, type: 'User', avatar_url: initialsAvatar('AL', '#cf222e') },
  {
    login: 'dependabot[bot]',
    id: 49_699_333,
    type: 'Bot',
    avatar_url: initialsAvatar('DB', '#0969da'),
  },
  /** GitHub commits web edits and merges as `GitHub <noreply@github.com>`, linked to web-flow. */
  { login: 'web-flow', id: 19_864_447, type: 'User', avatar_url: initialsAvatar('GH', '#24292f') },
]

/** Verified addresses GitHub links commits by (no-reply addresses are matched by their form). */
const linkedEmails: Record<string, string> = {
  'mona.demo@example.com': githubDemoUser.login,
  'mona@work.example.com': githubDemoUser.login,
  'lin.park@example.com': 'linpark',
  'sam@okafor.dev': 'samokafor',
  'noreply@github.com': 'web-flow',
}

/**
 * The account GitHub would link a commit email to, or null (priya.raman@example.org and
 * jweber@corp.example belong to nobody on GitHub). `ID+login@users.noreply.<host>` always links.
 */
export function githubAccountForEmail(email: string): GitHubLinkedAccount | null {
  const lower = email.toLowerCase()
  const noreply = /^(\d+)\+([^@]+)@users\.noreply\./.exec(lower)
  const login = noreply?.[2] ?? linkedEmails[lower]
  if (login === undefined) return null
  const known = demoAccounts.find((account) => account.login.toLowerCase() === login)
  if (known) return known
  return {
    login,
    id: Number(noreply?.[1] ?? 0),
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    avatar_url: initialsAvatar(login.slice(0, 2).toUpperCase(), '#57606a'),
  }
}

/** The avatar the simulated GitHub shows for an owner of catalog repositories. */
export function githubOwnerAccount(login: string): {
  id: number
  type: 'User' | 'Organization'
  avatar_url: string
} {
  const org = githubDemoOrgs.find((candidate) => candidate.login === login)
  if (org) return { id: org.id, type: 'Organization', avatar_url: org.avatar_url }
  return { id: githubDemoUser.id, type: 'User', avatar_url: githubDemoUser.avatar_url }
}
