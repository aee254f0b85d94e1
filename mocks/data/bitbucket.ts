/**
 * Demo data for the simulated Bitbucket Cloud, shaped like the 2.0 API's payloads
 * (https://developer.atlassian.com/cloud/bitbucket/rest/). No network: avatars are inline SVG.
 */

import { initialsAvatar } from './avatar.ts'

export const BITBUCKET_API = 'https://api.bitbucket.org/2.0'

export interface BitbucketDemoWorkspace {
  uuid: string
  slug: string
  name: string
  is_private: boolean
  administrator: boolean
  avatar: string
  repositories: {
    slug: string
    name: string
    description: string
    language: string
    updated_on: string
  }[]
}

export const bitbucketDemoUser = {
  type: 'user',
  uuid: '{f7d058d3-9301-4cbe-b17c-baced267efd1}',
  account_id: '712020:7c369768-2fa5-406c-b2ad-8c316c7f8956',
  // Bitbucket announced the removal of `username` in 2019 (GDPR), but `/user` may still carry it.
  username: 'bea-demo',
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

export const bitbucketDemoWorkspaces: BitbucketDemoWorkspace[] = [
  {
    uuid: '{52e98bb4-9179-405d-8d4d-dc84482d0943}',
    slug: 'bea-demo',
    name: 'Bea Demo',
    is_private: true,
    administrator: true,
    avatar: initialsAvatar('BD', '#0052cc'),
    repositories: [
      {
        slug: 'dotfiles',
        name: 'dotfiles',
        description: 'Shell and editor settings',
        language: 'shell',
        updated_on: '2026-10-30T18:02:11.215093+00:00',
      },
      {
        slug: 'recipe-box',
        name: 'recipe-box',
        description: 'A small recipe site',
        language: 'typescript',
        updated_on: '2026-09-12T07:45:40.110512+00:00',
      },
    ],
  },
  {
    uuid: '{922761be-ee62-471e-8264-b74cc5d54b03}',
    slug: 'tidewater-labs',
    name: 'Tidewater Labs',
    is_private: true,
    administrator: false,
    avatar: initialsAvatar('TL', '#00875a'),
    repositories: [
      {
        slug: 'harbor-api',
        name: 'harbor-api',
        description: 'Booking API for the marina app',
        language: 'kotlin',
        updated_on: '2026-11-19T14:31:07.902113+00:00',
      },
      {
        slug: 'harbor-web',
        name: 'harbor-web',
        description: 'Web front end',
        language: 'typescript',
        updated_on: '2026-11-20T09:12:55.481920+00:00',
      },
      {
        slug: 'tide-tables',
        name: 'tide-tables',
        description: 'Tide prediction library',
        language: 'python',
        updated_on: '2026-08-02T11:20:19.004411+00:00',
      },
    ],
  },
]

/** Scopes the simulated API reports in `x-oauth-scopes` for each credential kind. */
export const bitbucketDemoScopes = {
  apiToken:
    'read:user:bitbucket, read:workspace:bitbucket, read:repository:bitbucket, read:webhook:bitbucket, write:webhook:bitbucket',
  accessToken: 'repository, pullrequest, webhook',
}
