import { http, HttpResponse } from 'msw'
import { describe, expect, it, onTestFinished } from 'vitest'
import { server } from '@mocks/node'
import { demoRepositories } from '@mocks/data/catalog.ts'
import { mockWebhooksOf } from '@mocks/state.ts'
import type { ProviderTarget, RepoRef } from '../types.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'
import { createGitHubProvider } from './adapter.ts'
import { GITHUB_RELEASE_EVENTS, HOOKS_NOT_ALLOWED_DETAIL } from './webhooks.ts'

const TOKEN = 'ghp_R4nd0mClassicTokenForTests0123456789'
const API = 'https://api.github.com'
const DOTCOM: ProviderTarget = { type: 'github' }
const GHES: ProviderTarget = { type: 'github-enterprise', baseUrl: 'https://git.example.com' }
const SAMPLE: RepoRef = { id: 'octo-demo/git-connector', fullName: 'octo-demo/git-connector' }

function github(target: ProviderTarget = DOTCOM) {
  return createGitHubProvider(target, { token: TOKEN })
}

/** Status codes of the answers the simulated GitHub gave during this test. */
function recordStatuses(): number[] {
  const statuses: number[] = []
  const listener = ({ response }: { response: Response }) => statuses.push(response.status)
  server.events.on('response:mocked', listener)
  onTestFinished(() => server.events.removeListener('response:mocked', listener))
  return statuses
}

function queryOf(request: Request | undefined): URLSearchParams {
  return new URL(request?.url ?? 'http://invalid').searchParams
}

describe('GitHub owners and repositories', () => {
  it('lists the account first, then its organizations', async () => {
    const owners = await github().listOwners()
    expect(owners.map(({ name, kind }) => ({ name, kind }))).toEqual([
      { name: 'octo-demo', kind: 'user' },
      { name: 'acme-platform', kind: 'organization' },
      { name: 'acme-web', kind: 'organization' },
    ])
    expect(owners[0]).toMatchObject({ id: '583231', displayName: 'Mona Demo' })
    expect(owners[1]?.avatarUrl).toMatch(/^data:image\/svg\+xml,/)
  })

  it('still lists the account when the token may not read its organizations', async () => {
    server.use(
      http.get(`${API}/user/orgs`, () =>
        HttpResponse.json(
          { message: 'Resource not accessible by personal access token' },
          { status: 403, headers: { 'x-ratelimit-remaining': '4990' } },
        ),
      ),
    )
    expect((await github().listOwners()).map((owner) => owner.name)).toEqual(['octo-demo'])
  })

  it('lists every reachable repository from /user/repos, paged by the Link header', async () => {
    const seen = recordRequests(`${API}/user/repos`)
    const provider = github()
    const first = await provider.listRepositories({ pageSize: 50 })
    expect(first.items).toHaveLength(50)
    expect(first.nextCursor).toBe('2:50')
    expect(first.totalCount).toBeNull()
    const second = await provider.listRepositories({ cursor: first.nextCursor, pageSize: 10 })
    // The cursor keeps the page size it was made with.
    expect(second.items).toHaveLength(50)
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id)

    const query = queryOf(seen[0])
    expect(query.get('affiliation')).toBe('owner,collaborator,organization_member')
    expect(query.get('sort')).toBe('updated')
    expect(query.get('per_page')).toBe('50')
    expect(queryOf(seen[1]).get('page')).toBe('2')

    // The featured repositories are the most recently active.
    expect(first.items[0]).toEqual({
      id: 'octo-demo/git-connector',
      fullName: 'octo-demo/git-connector',
      name: 'git-connector',
      owner: 'octo-demo',
      description: 'Connect git providers from the browser.',
      private: expect.any(Boolean) as boolean,
      archived: false,
      fork: false,
      defaultBranch: expect.stringMatching(/^(main|master)$/) as string,
      webUrl: 'https://github.com/octo-demo/git-connector',
      cloneUrl: 'https://github.com/octo-demo/git-connector.git',
      updatedAt: expect.stringMatching(/^2026-11-20T/) as string,
    })
  })

  it('sorts by full name when asked', async () => {
    const seen = recordRequests(`${API}/user/repos`)
    const { items } = await github().listRepositories({ sort: 'name', pageSize: 20 })
    expect(queryOf(seen[0]).get('sort')).toBe('full_name')
    const names = items.map((repo) => repo.fullName.toLowerCase())
    expect(names).toEqual([...names].sort())
  })

  it('uses the owner endpoints for the owner filter', async () => {
    const seen = recordRequests()
    const provider = github()
    const mine = await provider.listRepositories({ owner: 'octo-demo', pageSize: 100 })
    const org = await provider.listRepositories({ owner: 'ACME-Platform', pageSize: 100 })
    const urls = seen.map((request) => request.url.split('?')[0])
    expect(urls).toContain(`${API}/orgs/acme-platform/repos`)
    // The account's own repositories come from /user/repos so that private ones are included.
    const own = seen.find((request) => request.url.startsWith(`${API}/user/repos?`))
    expect(queryOf(own).get('affiliation')).toBe('owner')
    expect(mine.items.every((repo) => repo.owner === 'octo-demo')).toBe(true)
    expect(mine.items.some((repo) => repo.private)).toBe(true)
    expect(org.items.every((repo) => repo.owner === 'acme-platform')).toBe(true)

    const other = await providerFailure(provider.listRepositories({ owner: 'someone-else' }))
    expect(other.kind).toBe('not-found')
    expect(seen.at(-1)?.url.split('?')[0]).toBe(`${API}/users/someone-else/repos`)
  })

  it('searches by name within the account and its organizations', async () => {
    const seen = recordRequests(`${API}/search/repositories`)
    const orgCalls = recordRequests(`${API}/user/orgs`)
    const provider = github()
    const page = await provider.listRepositories({ search: 'checkout', pageSize: 20 })
    expect(queryOf(seen[0]).get('q')).toBe(
      'checkout in:name fork:true user:octo-demo org:acme-platform org:acme-web',
    )
    expect(queryOf(seen[0]).get('sort')).toBe('updated')
    expect(page.totalCount).toBeGreaterThan(20)
    expect(page.items.every((repo) => repo.name.includes('checkout'))).toBe(true)

    await provider.listRepositories({ search: 'checkout', owner: 'acme-web' })
    expect(queryOf(seen[1]).get('q')).toBe('checkout in:name fork:true org:acme-web')
    await provider.listRepositories({ search: 'check out', owner: 'octo-demo', sort: 'name' })
    expect(queryOf(seen[2]).get('q')).toBe('"check out" in:name fork:true user:octo-demo')
    expect(queryOf(seen[2]).has('sort')).toBe(false)
    // The owners are read once per adapter.
    expect(orgCalls).toHaveLength(1)
  })

  it('stops at the search API’s 1,000 results while reporting the full count', async () => {
    const provider = github()
    let cursor: string | null = null
    let rows = 0
    let pages = 0
    const totals: (number | null)[] = []
    do {
      const page = await provider.listRepositories({ search: 'e', pageSize: 100, cursor })
      rows += page.items.length
      totals.push(page.totalCount)
      cursor = page.nextCursor
      pages++
    } while (cursor !== null && pages < 20)
    expect(pages).toBe(10)
    expect(rows).toBe(1000)
    expect(totals.at(-1)).toBeGreaterThan(1000)
  })

  it('rejects a cursor it did not make', async () => {
    const error = await providerFailure(github().listRepositories({ cursor: 'https://evil.test/' }))
    expect(error.kind).toBe('invalid-response')
  })
})

describe('GitHub ETag revalidation', () => {
  it('sends If-None-Match on a repeated call and serves the cached data on a 304', async () => {
    const seen = recordRequests(`${API}/repos/octo-demo/git-connector/commits`)
    const statuses = recordStatuses()
    const provider = github()
    const first = await provider.listCommits(SAMPLE, { ref: 'master', pageSize: 30 })
    const again = await provider.listCommits(SAMPLE, { ref: 'master', pageSize: 30 })

    expect(seen).toHaveLength(2)
    expect(seen[0]?.headers.has('if-none-match')).toBe(false)
    expect(seen[1]?.headers.get('if-none-match')).toMatch(/^W\/"[0-9a-f]{40}"$/)
    expect(statuses).toEqual([200, 304])
    expect(again).toEqual(first)
    expect(again.nextCursor).toBe('2:30')
  })

  it('keeps one cache per adapter, so another token never gets a cached answer', async () => {
    const seen = recordRequests(`${API}/repos/octo-demo/git-connector/tags`)
    await github().listTags(SAMPLE, {})
    await createGitHubProvider(DOTCOM, { token: 'ghp_other' }).listTags(SAMPLE, {})
    expect(seen.map((request) => request.headers.has('if-none-match'))).toEqual([false, false])
  })

  it('takes a fresh answer when the ETag no longer matches', async () => {
    const provider = github()
    const url = `${API}/repos/octo-demo/git-connector/releases`
    await provider.listReleases(SAMPLE, {})
    server.use(
      http.get(url, () => HttpResponse.json([], { headers: { etag: 'W/"changed"' } }), {
        once: true,
      }),
    )
    expect((await provider.listReleases(SAMPLE, {})).items).toEqual([])
  })
})

describe('GitHub branches, commits, tags and releases', () => {
  it('puts the default branch first though GitHub lists branches by name', async () => {
    const provider = github()
    const all = await provider.listBranches(SAMPLE, { pageSize: 100 })
    // GitHub answers develop, master, release/1.0; master is the default.
    expect(all.items.map((branch) => branch.name)).toEqual(['master', 'develop', 'release/1.0'])
    expect(all.items[0]).toMatchObject({ isDefault: true, protected: false })
    expect(all.totalCount).toBe(all.items.length)

    // Paged locally with an offset cursor, every branch once.
    const names: string[] = []
    let cursor: string | null = null
    do {
      const page = await provider.listBranches(SAMPLE, { pageSize: 2, cursor })
      names.push(...page.items.map((branch) => branch.name))
      cursor = page.nextCursor
    } while (cursor !== null)
    expect(names).toEqual(all.items.map((branch) => branch.name))

    const found = await provider.listBranches(SAMPLE, { search: 'RELEASE/' })
    expect(found.items.map((branch) => branch.name)).toEqual(['release/1.0'])
  })

  it('links commit authors GitHub knows and leaves the others unlinked', async () => {
    const { items } = await github().listCommits(SAMPLE, { ref: 'master', pageSize: 100 })
    const byEmail = new Map(items.map((commit) => [commit.author.email, commit.author]))
    expect(byEmail.get('lin.park@example.com')).toMatchObject({
      name: 'Lin Park',
      login: 'linpark',
      avatarUrl: expect.stringMatching(/^data:image\/svg\+xml,/) as string,
    })
    expect(byEmail.get('mona.demo@example.com')?.login).toBe('octo-demo')
    expect(byEmail.get('583231+octo-demo@users.noreply.github.com')?.login).toBe('octo-demo')
    expect(byEmail.get('1045633+analima@users.noreply.github.com')?.login).toBe('analima')
    expect(byEmail.get('49699333+dependabot[bot]@users.noreply.github.com')?.login).toBe(
      'dependabot[bot]',
    )
    for (const email of ['priya.raman@example.org', 'jweber@corp.example']) {
      expect(byEmail.get(email)).toMatchObject({ login: null, avatarUrl: null })
    }
    const commit = items[0]!
    expect(commit.webUrl).toBe(`https://github.com/octo-demo/git-connector/commit/${commit.sha}`)
    expect(commit.author.date).toMatch(/Z$/)
    expect(commit.committer.email).toContain('@')
  })

  it('lists commits from a tag, and 404s an unknown ref', async () => {
    const provider = github()
    const { items: tags } = await provider.listTags(SAMPLE, {})
    const tag = tags[0]!
    expect(tag).toMatchObject({ message: null, date: null })
    const { items } = await provider.listCommits(SAMPLE, { ref: tag.name, pageSize: 5 })
    expect(items[0]?.sha).toBe(tag.commitSha)
    const error = await providerFailure(provider.listCommits(SAMPLE, { ref: 'no-such-ref' }))
    expect(error.kind).toBe('not-found')
  })

  it('maps releases, drafts without a publication date', async () => {
    // Draft releases exist where the repository id is a multiple of 5.
    const repo = demoRepositories('github').find(
      (candidate) => candidate.id % 5 === 0 && candidate.owner === 'octo-demo',
    )!
    const ref = { id: `${repo.owner}/${repo.name}`, fullName: `${repo.owner}/${repo.name}` }
    const { items } = await github().listReleases(ref, { pageSize: 100 })
    expect(items[0]).toMatchObject({ draft: true, publishedAt: null, authorLogin: 'octo-demo' })
    expect(items[1]).toMatchObject({
      draft: false,
      tagName: expect.stringMatching(/^v1\./) as string,
    })
    expect(items[1]?.webUrl).toBe(
      `https://github.com/${ref.fullName}/releases/tag/${items[1]?.tagName}`,
    )
  })

  it('answers not-found for a repository that does not exist', async () => {
    const missing = { id: 'octo-demo/nope', fullName: 'octo-demo/nope' }
    const error = await providerFailure(github().listBranches(missing, {}))
    expect(error).toMatchObject({ kind: 'not-found', status: 404, providerMessage: 'Not Found' })
  })

  it('talks to /api/v3 on GitHub Enterprise Server', async () => {
    const seen = recordRequests(
      'https://git.example.com/api/v3/repos/octo-demo/git-connector/commits',
    )
    const { items } = await github(GHES).listCommits(SAMPLE, { ref: 'master', pageSize: 3 })
    expect(seen).toHaveLength(1)
    expect(items[0]?.webUrl).toMatch(
      /^https:\/\/git\.example\.com\/octo-demo\/git-connector\/commit\//,
    )
  })
})

describe('GitHub webhooks', () => {
  it('registers a JSON hook for releases and tags, with the secret', async () => {
    const seen = recordRequests(`${API}/repos/octo-demo/git-connector/hooks`)
    const url = 'https://hooks.example.com/github'
    const hook = await github().createWebhook(SAMPLE, { url, secret: 'shh-secret' })
    expect(hook).toMatchObject({ url, events: ['release', 'create'], active: true })
    expect(hook.id).toMatch(/^\d+$/)
    const body: unknown = await seen[0]?.json()
    expect(body).toEqual({
      name: 'web',
      active: true,
      events: GITHUB_RELEASE_EVENTS,
      config: { url, content_type: 'json', secret: 'shh-secret', insecure_ssl: '0' },
    })
    expect(mockWebhooksOf('github', 'octo-demo/git-connector')[0]?.secret).toBe('shh-secret')
  })

  it('explains a 404 on a repository that exists as missing rights', async () => {
    server.use(
      http.post(`${API}/repos/octo-demo/git-connector/hooks`, () =>
        HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    )
    const error = await providerFailure(
      github().createWebhook(SAMPLE, { url: 'https://hooks.example.com/x', secret: 's' }),
    )
    expect(error).toMatchObject({
      kind: 'forbidden',
      status: 404,
      subject: 'token',
      hint: HOOKS_NOT_ALLOWED_DETAIL,
    })
  })

  it('is forbidden on a repository where the account may only push', async () => {
    const repo = demoRepositories('github').find(
      (candidate) =>
        candidate.owner === 'acme-web' && candidate.id > 1003 && candidate.id % 4 === 0,
    )!
    const ref = { id: `${repo.owner}/${repo.name}`, fullName: `${repo.owner}/${repo.name}` }
    const provider = github()
    expect((await providerFailure(provider.listWebhooks(ref))).kind).toBe('forbidden')
    expect((await providerFailure(provider.deleteWebhook(ref, '1'))).kind).toBe('forbidden')
  })

  it('turns the 404 a classic token without a hook scope gets into `forbidden`, naming scopes', async () => {
    const readOnly = createGitHubProvider(DOTCOM, { token: 'ghp_demo_read-only' })
    // The token still reads.
    expect((await readOnly.listBranches(SAMPLE, { pageSize: 1 })).items).toHaveLength(1)
    const input = { url: 'https://hooks.example.com/x', secret: 's' }
    for (const call of [readOnly.listWebhooks(SAMPLE), readOnly.createWebhook(SAMPLE, input)]) {
      const error = await providerFailure(call)
      expect(error).toMatchObject({ kind: 'forbidden', status: 404, subject: 'token' })
      // GitHub's words stay GitHub's; the scope lists are the adapter's explanation.
      expect(error).toMatchObject({ reason: 'missing-scope', providerMessage: 'Not Found' })
      expect(error.hint).toMatch(
        /GitHub accepts admin:repo_hook or .*repo.*, and the token has read:org, read:user, user:email\./,
      )
    }
    expect(mockWebhooksOf('github', SAMPLE.fullName)).toEqual([])
  })

  it('reads the scope headers of any 404: a token with an accepted scope keeps the usual path', async () => {
    const hooks = `${API}/repos/octo-demo/git-connector/hooks`
    const notFound = (scopes: Record<string, string>) => () =>
      HttpResponse.json(
        { message: 'Not Found', status: '404' },
        { status: 404, headers: { 'x-accepted-oauth-scopes': 'admin:repo_hook, repo', ...scopes } },
      )
    server.use(http.get(hooks, notFound({ 'x-oauth-scopes': '' })))
    const none = await providerFailure(github().listWebhooks(SAMPLE))
    expect(none).toMatchObject({
      kind: 'forbidden',
      reason: 'missing-scope',
      providerMessage: 'Not Found',
    })
    expect(none.hint).toContain('GitHub accepts admin:repo_hook or repo, and the token has (none).')
    // Has `repo` but is no admin: GitHub hides the hooks; the adapter explains.
    server.use(http.get(hooks, notFound({ 'x-oauth-scopes': 'repo, read:user' })))
    expect(await providerFailure(github().listWebhooks(SAMPLE))).toMatchObject({
      kind: 'forbidden',
      reason: 'missing-scope',
      providerMessage: 'Not Found',
      hint: HOOKS_NOT_ALLOWED_DETAIL,
    })
    // No x-oauth-scopes (a fine-grained token): nothing to compare.
    server.use(http.get(hooks, notFound({})))
    expect((await providerFailure(github().listWebhooks(SAMPLE))).hint).toBe(
      HOOKS_NOT_ALLOWED_DETAIL,
    )
  })

  it('reports the 403 a fine-grained token without the Webhooks permission gets', async () => {
    const readOnly = createGitHubProvider(DOTCOM, { token: 'github_pat_read-only' })
    const error = await providerFailure(
      readOnly.createWebhook(SAMPLE, { url: 'https://hooks.example.com/x', secret: 's' }),
    )
    expect(error).toMatchObject({
      kind: 'forbidden',
      status: 403,
      subject: 'token',
      providerMessage: 'Resource not accessible by personal access token',
    })
  })

  it('says not-found for a missing repository or a hook that is gone', async () => {
    const provider = github()
    const missing = { id: 'octo-demo/nope', fullName: 'octo-demo/nope' }
    const input = { url: 'https://hooks.example.com/x', secret: 's' }
    expect((await providerFailure(provider.createWebhook(missing, input))).kind).toBe('not-found')
    expect((await providerFailure(provider.deleteWebhook(SAMPLE, '999'))).kind).toBe('not-found')
  })
})

describe('GitHub webhook deliveries', () => {
  const DELIVERIES = `${API}/repos/octo-demo/git-connector/hooks/123/deliveries`

  it('reads the delivery list, with no answer as no status code', async () => {
    server.use(
      http.get(DELIVERIES, () =>
        HttpResponse.json([
          {
            id: 9002,
            guid: '0b989ba4-242f-11e5-81e1-c7b6966d2516',
            delivered_at: '2026-11-20T10:00:05Z',
            redelivery: false,
            duration: 10.01,
            status: 'failed to connect',
            status_code: 0,
            event: 'release',
            action: 'published',
            installation_id: null,
            repository_id: 1001,
            throttled_at: null,
          },
          {
            id: 9001,
            guid: '0a000000-242f-11e5-81e1-c7b6966d2516',
            delivered_at: '2026-11-20T10:00:00Z',
            redelivery: false,
            duration: 0.27,
            status: 'OK',
            status_code: 200,
            event: 'ping',
            action: null,
            installation_id: null,
            repository_id: 1001,
            throttled_at: null,
          },
        ]),
      ),
    )
    const { items, nextCursor } = await github().listWebhookDeliveries(SAMPLE, '123', {})
    expect(nextCursor).toBeNull()
    expect(items).toEqual([
      {
        id: '9002',
        event: 'release',
        action: 'published',
        deliveredAt: '2026-11-20T10:00:05Z',
        statusCode: null,
        ok: false,
        durationSeconds: 10.01,
      },
      {
        id: '9001',
        event: 'ping',
        action: null,
        deliveredAt: '2026-11-20T10:00:00Z',
        statusCode: 200,
        ok: true,
        durationSeconds: 0.27,
      },
    ])
  })

  it('pages with the cursor from the Link header, sent back as GitHub made it', async () => {
    const seen = recordRequests(DELIVERIES)
    server.use(
      http.get(DELIVERIES, ({ request }) =>
        new URL(request.url).searchParams.get('cursor')
          ? HttpResponse.json([])
          : HttpResponse.json([], {
              headers: { link: `<${DELIVERIES}?per_page=5&cursor=v1_12077215967>; rel="next"` },
            }),
      ),
    )
    const provider = github()
    const first = await provider.listWebhookDeliveries(SAMPLE, '123', { pageSize: 5 })
    expect(first.nextCursor).toBe('v1_12077215967')
    await provider.listWebhookDeliveries(SAMPLE, '123', { pageSize: 5, cursor: first.nextCursor })
    expect(queryOf(seen[0]).get('per_page')).toBe('5')
    expect(queryOf(seen[0]).has('cursor')).toBe(false)
    expect(queryOf(seen[1]).get('cursor')).toBe('v1_12077215967')
    const bad = await providerFailure(
      provider.listWebhookDeliveries(SAMPLE, '123', { cursor: 'x&y=1' }),
    )
    expect(bad.kind).toBe('invalid-response')
  })

  it('is forbidden without admin rights, not-found for a hook that is gone', async () => {
    const repo = demoRepositories('github').find(
      (candidate) =>
        candidate.owner === 'acme-web' && candidate.id > 1003 && candidate.id % 4 === 0,
    )!
    const ref = { id: `${repo.owner}/${repo.name}`, fullName: `${repo.owner}/${repo.name}` }
    const provider = github()
    expect(await providerFailure(provider.listWebhookDeliveries(ref, '1', {}))).toMatchObject({
      kind: 'forbidden',
      reason: 'missing-scope',
      providerMessage: 'Not Found',
      hint: HOOKS_NOT_ALLOWED_DETAIL,
    })
    expect((await providerFailure(provider.listWebhookDeliveries(SAMPLE, '999', {}))).kind).toBe(
      'not-found',
    )
    expect((await providerFailure(provider.listWebhookDeliveries(SAMPLE, 'abc', {}))).kind).toBe(
      'not-found',
    )
  })

  it('turns a server failure into `server`', async () => {
    server.use(http.get(DELIVERIES, () => HttpResponse.json({ message: 'boom' }, { status: 502 })))
    expect((await providerFailure(github().listWebhookDeliveries(SAMPLE, '123', {}))).kind).toBe(
      'server',
    )
  })
})

describe('GitHub rate limits and cancellation', () => {
  function answerRepos(status: number, message: string, headers: Record<string, string>) {
    server.use(
      http.get(`${API}/user/repos`, () => HttpResponse.json({ message }, { status, headers }), {
        once: true,
      }),
    )
  }

  it('reads the hourly limit from x-ratelimit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1200
    answerRepos(403, 'API rate limit exceeded for user ID 583231.', {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(reset),
    })
    expect(await providerFailure(github().listRepositories({}))).toMatchObject({
      kind: 'rate-limited',
      secondary: false,
      resetAt: reset * 1000,
    })
  })

  it('tells a secondary limit apart by its message', async () => {
    answerRepos(
      403,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      { 'x-ratelimit-remaining': '4900', 'retry-after': '60' },
    )
    const before = Date.now()
    const error = await providerFailure(github().listRepositories({}))
    expect(error).toMatchObject({ kind: 'rate-limited', secondary: true })
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 59_000)
  })

  it('tells a secondary limit apart by retry-after while quota remains', async () => {
    answerRepos(429, 'Too many requests', { 'x-ratelimit-remaining': '4900', 'retry-after': '30' })
    expect(await providerFailure(github().listRepositories({}))).toMatchObject({
      kind: 'rate-limited',
      secondary: true,
    })
  })

  it('hands back an AbortError when cancelled mid-request', async () => {
    const controller = new AbortController()
    server.use(
      http.get(`${API}/repos/octo-demo/git-connector/branches`, async () => {
        controller.abort()
        await new Promise((resolve) => setTimeout(resolve, 20))
        return HttpResponse.json([])
      }),
    )
    await expect(
      github().listBranches(SAMPLE, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' })
  })
})
