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
