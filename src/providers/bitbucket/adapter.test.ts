import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { BITBUCKET_API } from '@mocks/data/bitbucket'
import { mockState } from '@mocks/state'
import {
  describeGitProviderContract,
  type CannedFailure,
} from '../../../tests/contract/git-provider.contract.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'
import type { ProviderTarget } from '../types.ts'
import { createBitbucketProvider } from './adapter.ts'
import { parseRawIdentity } from './commits.ts'

const TOKEN = 'ATATT3xFfGF0-demo-secret-value'
const apiToken: ProviderTarget = {
  type: 'bitbucket',
  credentialKind: 'api-token',
  email: 'bea@example.com',
}
const accessToken: ProviderTarget = {
  type: 'bitbucket',
  credentialKind: 'access-token',
  workspace: 'tidewater-labs',
}
const sampleRepo = { id: 'tidewater-labs/tide-api', fullName: 'tidewater-labs/tide-api' }
const TIDEWATER = `${BITBUCKET_API}/repositories/tidewater-labs`
const SAMPLE = `${TIDEWATER}/tide-api`

function create(target: ProviderTarget = apiToken, token = TOKEN) {
  return createBitbucketProvider(target, { token })
}

function cannedAnswer(answer: CannedFailure) {
  if (answer === 'network') return HttpResponse.error()
  return HttpResponse.json(answer.body ?? null, {
    status: answer.status,
    ...(answer.headers ? { headers: answer.headers } : {}),
  })
}

describeGitProviderContract({
  name: 'Bitbucket Cloud',
  create: (token) => create(apiToken, token),
  capabilities: {
    repositories: true,
    branches: true,
    commits: true,
    tags: true,
    releases: false,
    webhooks: true,
    webhookDeliveries: false,
  },
  sampleRepo,
  demoProvider: 'bitbucket',
  repositoryCount: 300,
  searchTerm: 'api',
  failing: {
    call: (provider, signal) =>
      provider.listRepositories({ owner: 'tidewater-labs', ...(signal ? { signal } : {}) }),
    respond: (answer) => {
      server.use(http.get(TIDEWATER, () => cannedAnswer(answer), { once: true }))
    },
  },
})

describe('Bitbucket repositories', () => {
  it('quotes the search as a BBQL string, escaping quotes and backslashes', async () => {
    const seen = recordRequests(`${BITBUCKET_API}/repositories/bea-demo`)
    await create().listRepositories({ search: 'say "hi" \\o/', owner: 'bea-demo' })
    const url = new URL(seen[0]!.url)
    expect(url.searchParams.get('q')).toBe('name ~ "say \\"hi\\" \\\\o/"')
    expect(url.searchParams.get('role')).toBe('member')
    expect(url.searchParams.get('sort')).toBe('-updated_on')
  })

  it('walks the workspaces in order, following each `next` link verbatim', async () => {
    const seen = recordRequests()
    const provider = create()
    const pages = []
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof provider.listRepositories>> =
        await provider.listRepositories({ cursor, pageSize: 30, sort: 'name' })
      pages.push(page)
      cursor = page.nextCursor
    } while (cursor !== null)
    // bea-demo has 40 repositories, tidewater-labs 260: 2 + 9 pages, never mixing workspaces.
    expect(pages.map((page) => page.items.length)).toEqual([
      30,
      10,
      ...Array<number>(8).fill(30),
      20,
    ])
    expect(pages.map((page) => page.items[0]?.owner)).toEqual([
      'bea-demo',
      'bea-demo',
      ...Array<string>(9).fill('tidewater-labs'),
    ])
    expect(pages.every((page) => page.totalCount === null)).toBe(true)
    const urls = seen.map((request) => request.url)
    expect(urls.filter((url) => url.includes('/user/workspaces'))).toHaveLength(1)
    expect(urls.some((url) => url.split('?')[0] === `${BITBUCKET_API}/repositories`)).toBe(false)
    // The second request is exactly the `next` link Bitbucket sent with the first page.
    const firstBody = await fetch(urls[1]!, { headers: { Authorization: 'Bearer x' } }).then(
      (response) => response.json() as Promise<{ next?: string }>,
    )
    expect(urls[2]).toBe(firstBody.next)
    const names = pages.flatMap((page) => page.items.map((repo) => repo.fullName))
    expect(names.slice(0, 40)).toEqual([...names.slice(0, 40)].sort())
  })

  it('skips workspaces with no match, so an empty page is the last one', async () => {
    const page = await create().listRepositories({ search: 'tide-api' })
    expect(page.items.map((repo) => repo.fullName)).toEqual(['tidewater-labs/tide-api'])
    expect(page.nextCursor).toBeNull()
  })

  it('reports the total of a single workspace and maps the repository', async () => {
    const page = await create().listRepositories({ owner: 'tidewater-labs', pageSize: 5 })
    expect(page.totalCount).toBe(260)
    const repo = page.items.find((item) => item.fullName === 'tidewater-labs/tide-api')
    expect(repo).toMatchObject({
      id: 'tidewater-labs/tide-api',
      name: 'tide-api',
      owner: 'tidewater-labs',
      description: 'Tide prediction API.',
      archived: false,
      defaultBranch: expect.stringMatching(/^(main|master)$/) as string,
      webUrl: 'https://bitbucket.org/tidewater-labs/tide-api',
      cloneUrl: 'https://bitbucket.org/tidewater-labs/tide-api.git',
    })
  })

  it('lets an access token see only its own workspace, without asking for workspaces', async () => {
    const seen = recordRequests()
    const provider = create(accessToken, 'ATCTT3xFfGN0-demo')
    expect(await provider.listOwners()).toEqual([
      {
        id: 'tidewater-labs',
        name: 'tidewater-labs',
        displayName: null,
        kind: 'workspace',
        avatarUrl: null,
      },
    ])
    const page = await provider.listRepositories({ pageSize: 100 })
    expect(page.totalCount).toBe(260)
    expect(seen.map((request) => request.url.split('?')[0])).toEqual([TIDEWATER])
    expect(new URL(seen[0]!.url).searchParams.get('role')).toBeNull()
  })

  it('refuses a `next` link that leaves the API', async () => {
    server.use(
      http.get(
        TIDEWATER,
        () =>
          HttpResponse.json({ pagelen: 1, values: [], next: 'https://evil.example/steal?page=2' }),
        { once: true },
      ),
    )
    const error = await providerFailure(create().listRepositories({ owner: 'tidewater-labs' }))
    expect(error.kind).toBe('invalid-response')
  })

  it('rejects a cursor it did not issue', async () => {
    const error = await providerFailure(create().listRepositories({ cursor: 'not-a-cursor' }))
    expect(error.kind).toBe('invalid-response')
  })

  it('skips and counts a repository it cannot read, and lists the rest', async () => {
    const readable = {
      full_name: 'tidewater-labs/tide-api',
      name: 'tide-api',
      is_private: true,
      workspace: { uuid: '{w}', slug: 'tidewater-labs' },
    }
    server.use(
      http.get(TIDEWATER, () =>
        HttpResponse.json({ pagelen: 3, size: 3, values: [readable, { name: 7 }, null] }),
      ),
    )
    const page = await create().listRepositories({ owner: 'tidewater-labs' })
    expect(page.items.map((repo) => repo.fullName)).toEqual(['tidewater-labs/tide-api'])
    expect(page.skipped).toBe(2)
  })

  it('goes on past a page whose every repository was unreadable', async () => {
    server.use(
      http.get(TIDEWATER, () =>
        HttpResponse.json({ pagelen: 1, values: [{ name: 7 }], next: `${TIDEWATER}?page=2` }),
      ),
    )
    const page = await create().listRepositories({ owner: 'tidewater-labs' })
    expect(page).toMatchObject({ items: [], skipped: 1 })
    expect(page.nextCursor).not.toBeNull()
  })
})

describe('Bitbucket branches, commits and tags', () => {
  it('puts the main branch first even when the name order pages it later', async () => {
    const provider = create()
    const first = await provider.listBranches(sampleRepo, { pageSize: 1 })
    expect(first.items[0]).toMatchObject({ isDefault: true, protected: null })
    const defaultName = first.items[0]!.name
    const rest = []
    let cursor = first.nextCursor
    while (cursor !== null) {
      const page = await provider.listBranches(sampleRepo, { pageSize: 1, cursor })
      rest.push(...page.items)
      cursor = page.nextCursor
    }
    expect(rest.map((branch) => branch.name)).not.toContain(defaultName)
    expect(rest.every((branch) => !branch.isDefault)).toBe(true)
  })

  it('looks the repository up once per adapter', async () => {
    const seen = recordRequests(SAMPLE)
    const provider = create()
    await provider.listBranches(sampleRepo, {})
    await provider.listBranches(sampleRepo, { search: 'release' })
    expect(seen).toHaveLength(1)
  })

  it('searches branches with BBQL and leaves out a main branch that does not match', async () => {
    const seen = recordRequests(`${SAMPLE}/refs/branches`)
    const { items } = await create().listBranches(sampleRepo, { search: 'develop' })
    expect(items.map((branch) => branch.name)).toEqual(['develop'])
    expect(new URL(seen[0]!.url).searchParams.get('q')).toBe('name ~ "develop"')
  })

  it('reads linked and unlinked authors from `author.raw` and `author.user`', async () => {
    const { items } = await create().listCommits(sampleRepo, { ref: 'main', pageSize: 100 })
    const bea = items.find((commit) => commit.author.email === 'bea@example.com')
    const lin = items.find((commit) => commit.author.email === 'lin.park@example.com')
    const other = items.find((commit) => commit.author.email === 'sam@okafor.dev')
    expect(bea?.author).toMatchObject({ name: 'Bea Demo', login: 'bea-demo' })
    expect(bea?.author.avatarUrl).toMatch(/^data:image\/svg\+xml,/)
    expect(lin?.author).toMatchObject({ name: 'Lin Park', login: 'lin-park' })
    expect(other?.author).toMatchObject({ name: 'Sam Okafor', login: null, avatarUrl: null })
    expect(other?.committer).toEqual({
      name: 'Sam Okafor',
      email: 'sam@okafor.dev',
      date: other?.author.date,
    })
    expect(other?.webUrl).toBe(
      `https://bitbucket.org/tidewater-labs/tide-api/commits/${other?.sha}`,
    )
  })

  it('encodes a branch name with slashes in the commits path', async () => {
    const seen = recordRequests()
    const provider = create()
    const { items } = await provider.listBranches(sampleRepo, { search: 'feature/' })
    const name = items[0]!.name
    await provider.listCommits(sampleRepo, { ref: name, pageSize: 5 })
    expect(seen.at(-1)?.url).toContain(`/commits/${encodeURIComponent(name)}?pagelen=5`)
  })

  it('parses raw identities', () => {
    expect(parseRawIdentity('Ann Lee <ann@example.com>')).toEqual({
      name: 'Ann Lee',
      email: 'ann@example.com',
    })
    expect(parseRawIdentity('<ann@example.com>')).toEqual({
      name: 'ann@example.com',
      email: 'ann@example.com',
    })
    expect(parseRawIdentity('ann')).toEqual({ name: 'ann', email: '' })
  })

  it('lists tags newest first, with messages only on annotated ones', async () => {
    const seen = recordRequests(`${SAMPLE}/refs/tags`)
    const { items } = await create().listTags(sampleRepo, { pageSize: 100 })
    expect(new URL(seen[0]!.url).searchParams.get('sort')).toBe('-target.date')
    expect(items.some((tag) => tag.message === null && tag.date === null)).toBe(true)
    expect(items.some((tag) => tag.message?.startsWith('Release ') && tag.date !== null)).toBe(true)
  })

  it('lists commits from a tag', async () => {
    const provider = create()
    const { items: tags } = await provider.listTags(sampleRepo, {})
    const tag = tags[tags.length - 1]!
    const { items } = await provider.listCommits(sampleRepo, { ref: tag.name, pageSize: 3 })
    expect(items[0]?.sha).toBe(tag.commitSha)
  })

  it('has no releases', async () => {
    const error = await providerFailure(create().listReleases(sampleRepo, {}))
    expect(error).toMatchObject({
      kind: 'unsupported',
      message: 'Bitbucket Cloud connections cannot list releases.',
    })
  })
})

describe('Bitbucket webhooks', () => {
  it('creates a repo:push hook with the secret, keeps the braced uuid, and deletes it', async () => {
    const seen = recordRequests()
    const provider = create()
    const hook = await provider.createWebhook(sampleRepo, {
      url: 'https://hooks.example.com/r',
      secret: 'hook-secret-1',
    })
    expect(await seen[0]!.json()).toEqual({
      description: 'Git Connector release webhook',
      url: 'https://hooks.example.com/r',
      active: true,
      secret: 'hook-secret-1',
      events: ['repo:push'],
    })
    expect(hook).toMatchObject({ events: ['repo:push'], active: true })
    expect(hook.id).toMatch(/^\{[0-9a-f-]{36}\}$/)
    expect([...mockState.webhooks.values()][0]).toMatchObject({
      provider: 'bitbucket',
      repository: 'tidewater-labs/tide-api',
      secret: 'hook-secret-1',
    })
    await provider.deleteWebhook(sampleRepo, hook.id)
    expect(seen.at(-1)?.method).toBe('DELETE')
    expect(seen.at(-1)?.url).toBe(`${SAMPLE}/hooks/${encodeURIComponent(hook.id)}`)
    expect(mockState.webhooks.size).toBe(0)
  })

  it('never echoes the secret, nor puts it in an error', async () => {
    const provider = create()
    await provider.createWebhook(sampleRepo, { url: 'https://h.example/r', secret: 'sekrit-77' })
    const raw = await fetch(`${SAMPLE}/hooks`, { headers: { Authorization: 'Bearer x' } }).then(
      (response) => response.text(),
    )
    expect(raw).not.toContain('sekrit-77')
    expect(raw).toContain('"secret_set":true')
    server.use(
      http.post(`${SAMPLE}/hooks`, async ({ request }) =>
        HttpResponse.json(
          { type: 'error', error: { message: `bad hook ${await request.text()}` } },
          { status: 400 },
        ),
      ),
    )
    const error = await providerFailure(
      provider.createWebhook(sampleRepo, { url: 'https://h.example/r', secret: 'sekrit-77' }),
    )
    expect(JSON.stringify({ m: error.message, d: error.providerMessage })).not.toContain(
      'sekrit-77',
    )
  })
})
