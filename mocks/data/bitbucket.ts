/**
 * Demo data for the simulated Bitbucket Cloud, shaped like the 2.0 API's payloads
 * (https://developer.atlassian.com/cloud/bitbucket/rest/). No network: avatars are inline SVG.
 */

import { initialsAvatar } from './avatar.ts'
import { demoRepositories, demoSha, type DemoRepository } from './catalog.ts'

export const BITBUCKET_API = 'https://api.bitbucket.org/2.0'

export interface BitbucketDemoWorkspace {
  uuid: string
  slug: string
  name: string
  is_private: boolean
  administrator: boolean
  avatar: string
}

export const bitbucketDemoUser = {
  type: 'user',
  uuid: '{f7d058d3-9301-4cbe-b17c-baced267efd1}',
  account_id: '712020:7c369768-2fa5-406c-b2ad-8c316c7f8956',
  // No `username`: Atlassian removed it from user objects in 2019 (GDPR), and the `account`
  // schema of its OpenAPI has none (https://developer.atlassian.com/cloud/bitbucket/bitbucket-api-changes-gdpr/).
  // The nickname is what the account is known by; the adapter's tests cover a `/user` that still
  // sends a username.
  nickname: 'bea-demo',
  display_name: 'Bea Demo',
  account_status: 'active',
  is_staff: false,
  has_2fa_enabled: null,
  location: null,
  created_on: '2019-03-14T09:26:53.512004+00:00',
  avatar: initialsAvatar('BD', '#0052cc'),
}

/** Addresses on the demo account besides the one used to sign in. */
export const bitbucketDemoEmails = [
  { email: 'bea@tidewater-labs.example', is_primary: false, is_confirmed: true },
  { email: 'bea.old@mailbox.example', is_primary: false, is_confirmed: false },
]

/** The workspaces of the demo catalog (`demoRepositories('bitbucket')`), with the same slugs. */
export const bitbucketDemoWorkspaces: BitbucketDemoWorkspace[] = [
  {
    uuid: '{52e98bb4-9179-405d-8d4d-dc84482d0943}',
    slug: 'bea-demo',
    name: 'Bea Demo',
    is_private: true,
    administrator: true,
    avatar: initialsAvatar('BD', '#0052cc'),
  },
  {
    uuid: '{922761be-ee62-471e-8264-b74cc5d54b03}',
    slug: 'tidewater-labs',
    name: 'Tidewater Labs',
    is_private: true,
    administrator: false,
    avatar: initialsAvatar('TL', '#00875a'),
  },
]

/** A workspace's repositories, most recently updated first. */
export function bitbucketDemoRepositories(workspace: string): DemoRepository[] {
  return demoRepositories('bitbucket').filter((repo) => repo.owner === workspace)
}

export interface BitbucketDemoLinkedUser {
  uuid: string
  account_id: string
  nickname: string
  display_name: string
  avatar: string
}

/**
 * Bitbucket links a commit to an account when the author email is one of the account's confirmed
 * addresses: the demo account's own (its commits use bea@example.com) and Lin Park's. Everyone
 * else's commits carry only the raw `Name <email>`.
 */
export const bitbucketLinkedUsers: Record<string, BitbucketDemoLinkedUser> = {
  'bea@example.com': {
    uuid: bitbucketDemoUser.uuid,
    account_id: bitbucketDemoUser.account_id,
    nickname: bitbucketDemoUser.nickname,
    display_name: bitbucketDemoUser.display_name,
    avatar: bitbucketDemoUser.avatar,
  },
  'lin.park@example.com': {
    uuid: '{3b1f6a2e-8c4d-4e5f-9a7b-1c2d3e4f5a6b}',
    account_id: '712020:2d4e6f80-1a3c-4b5d-8e7f-9a0b1c2d3e4f',
    nickname: 'lin-park',
    display_name: 'Lin Park',
    avatar: initialsAvatar('LP', '#6554c0'),
  },
}

/** A Bitbucket-style uuid (a GUID in braces), stable for the same input. */
export function bitbucketUuid(...parts: (string | number)[]): string {
  const hex = demoSha('bitbucket-uuid', ...parts)
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}}`
}

/** Scopes the simulated API reports in `x-oauth-scopes` for each credential kind. */
export const bitbucketDemoScopes = {
  apiToken:
    'read:user:bitbucket, read:workspace:bitbucket, read:repository:bitbucket, read:webhook:bitbucket, write:webhook:bitbucket, delete:webhook:bitbucket',
  accessToken: 'repository, pullrequest, webhook',
}
