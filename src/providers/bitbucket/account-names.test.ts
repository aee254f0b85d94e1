/**
 * The names a Bitbucket account goes by, and the one-workspace limit of an API token's connection:
 * Atlassian's `account` schema has `nickname` and `account_id` but no `username`
 * (https://developer.atlassian.com/cloud/bitbucket/bitbucket-api-changes-gdpr/), nicknames may
 * hold spaces, and `/user/workspaces` pages with `next`.
 */
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { BITBUCKET_API } from '@mocks/data/bitbucket'
import type { ProviderTarget } from '../types.ts'
import { createBitbucketProvider } from './adapter.ts'

const TOKEN = 'ATATT3xFfGF0-demo-secret-value'
const apiToken: ProviderTarget = {
  type: 'bitbucket',
  credentialKind: 'api-token',
  email: 'bea.demo@example.com',
}

function provider(target: ProviderTarget = apiToken) {
  return createBitbucketProvider(target, { token: TOKEN })
}

function workspaceAccess(slug: string) {
  return {
    type: 'workspace_access',
    administrator: false,
    workspace: { type: 'workspace', uuid: `{${slug}}`, slug, name: slug },
  }
}

describe('the names of a Bitbucket account', () => {
  it('keeps a nickname beside a username as an alias', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () =>
        HttpResponse.json({
          uuid: '{u}',
          account_id: '712020:abc',
          username: 'bea-demo',
          nickname: 'Bea D',
          display_name: 'Bea Demo',
        }),
      ),
    )
    const { account } = await provider().verify()
    expect(account).toMatchObject({ login: 'bea-demo', aliases: ['Bea D'] })
  })

  it('uses a nickname with spaces when /user has no username, as the OpenAPI describes', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () =>
        HttpResponse.json({ uuid: '{u}', account_id: '712020:abc', nickname: 'Bea Demo' }),
      ),
    )
    const { account } = await provider().verify()
    expect(account?.login).toBe('Bea Demo')
    expect(account?.aliases).toBeUndefined()
  })

  it('falls back to the account id when no name is sent at all', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () =>
        HttpResponse.json({ uuid: '{u}', account_id: '712020:abc' }),
      ),
    )
    expect((await provider().verify()).account?.login).toBe('712020:abc')
  })
})

describe('an API token connection limited to one workspace', () => {
  it('offers only that workspace as an owner', async () => {
    const owners = await provider({ ...apiToken, workspace: 'tidewater-labs' }).listOwners()
    expect(owners.map((owner) => owner.name)).toEqual(['tidewater-labs'])
  })

  it('lists only that workspace’s repositories, and none of another owner', async () => {
    const limited = provider({ ...apiToken, workspace: 'tidewater-labs' })
    const page = await limited.listRepositories({ pageSize: 100 })
    expect(page.items.length).toBeGreaterThan(0)
    expect(new Set(page.items.map((repo) => repo.owner))).toEqual(new Set(['tidewater-labs']))
    const other = await limited.listRepositories({ owner: 'bea-demo' })
    expect(other.items).toEqual([])
  })

  it('decides membership over every page of /user/workspaces', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user/workspaces`, ({ request }) => {
        const second = new URL(request.url).searchParams.get('page') === '2'
        return HttpResponse.json(
          second
            ? { pagelen: 1, page: 2, values: [workspaceAccess('far-away')] }
            : {
                pagelen: 1,
                page: 1,
                values: [workspaceAccess('bea-demo')],
                next: `${BITBUCKET_API}/user/workspaces?page=2`,
              },
        )
      }),
    )
    const member = await provider({ ...apiToken, workspace: 'far-away' }).verify()
    expect(member.notices.join(' ')).not.toMatch(/not a member/)
    const stranger = await provider({ ...apiToken, workspace: 'nowhere' }).verify()
    expect(stranger.notices.join(' ')).toMatch(/not a member of the workspace “nowhere”/)
  })
})
