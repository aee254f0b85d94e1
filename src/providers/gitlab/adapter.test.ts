import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { findDemoRepository } from '@mocks/data/catalog.ts'
import { server } from '@mocks/node'
import { mockWebhooksOf } from '@mocks/state.ts'
import { describeGitProviderContract } from '../../../tests/contract/git-provider.contract.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'
import type { ProviderTarget, RepoRef } from '../types.ts'
import { createGitLabProvider, gitlabCapabilities } from './adapter.ts'
import { RATE_LIMIT_RETRY_DELAY_MS } from './client.ts'
import { HOOK_EVENTS_MISSING_DETAIL, HOOKS_FORBIDDEN_DETAIL } from './webhooks.ts'

const TOKEN = 'glpat-R4nd0mTokenForTests01'
const DOTCOM: ProviderTarget = { type: 'gitlab' }
const SELF_MANAGED: ProviderTarget = {
  type: 'gitlab-self-managed',
  baseUrl: 'https://git.example.com',
}

const featured = findDemoRepository('gitlab', 'platform', 'deploy-pipeline')
if (!featured) throw new Error('the catalog has no platform/deploy-pipeline')
const SAMPLE: RepoRef = { id: String(featured.id), fullName: 'platform/deploy-pipeline' }

function gitlab(target: ProviderTarget = DOTCOM, token = TOKEN) {
  return createGitLabProvider(target, { token })
}

for (const [name, target, base] of [
  ['GitLab.com', DOTCOM, 'https://gitlab.com'],
  ['GitLab self-managed', SELF_MANAGED, 'https://git.example.com'],
] as const) {
  describeGitProviderContract({
    name,
    create: (token) => gitlab(target, token),
    capabilities: gitlabCapabilities,
    sampleRepo: SAMPLE,
    demoProvider: 'gitlab',
    // gitlab-demo (150), platform (900) and platform/tools (250): the user is a member of all.
    repositoryCount: 1_300,
    searchTerm: 'billing',
    failing: {
      call: (provider, signal) => provider.listRepositories({ signal }),
      respond: (answer) => {
        const reply = () =>
          answer === 'network'
            ? HttpResponse.error()
            : HttpResponse.json(answer.body ?? null, {
                status: answer.status,
                headers: answer.headers ?? {},
              })
        // The adapter retries a 429 once, so both of its requests must meet the canned answer.
        const times = answer !== 'network' && answer.status === 429 ? 2 : 1
        server.use(
          ...Array.from({ length: times }, () =>
            http.get(`${base}/api/v4/projects`, reply, { once: true }),
          ),
        )
      },
    },
  })
}

describe('GitLab repositories', () => {
  it('asks for member projects, most recently active first, matching group paths too', async () => {
    const seen = recordRequests('https://gitlab.com/api/v4/projects')
    const page = await gitlab().listRepositories({ search: 'tools', pageSize: 100 })

    const query = new URL(seen[0]!.url).searchParams
    expect(Object.fromEntries(query)).toMatchObject({
      membership: 'true',
      search: 'tools',
      search_namespaces: 'true',
      order_by: 'last_activity_at',
      sort: 'desc',
      per_page: '100',
      page: '1',
    })
    expect(query.has('simple')).toBe(false)
    // No project is named after tools: every match is one of the group's 250.
    expect(page.totalCount).toBe(250)
    expect(page.items.every((repo) => repo.owner === 'platform/tools')).toBe(true)
    expect(page.nextCursor).toBe('2')
  })

  it('maps a project and orders by name on request', async () => {
    const page = await gitlab(SELF_MANAGED).listRepositories({
      search: 'deploy-pipeline',
      sort: 'name',
    })
    expect(page.items).toEqual([
      {
        id: SAMPLE.id,
        fullName: 'platform/deploy-pipeline',
        name: 'deploy-pipeline',
        owner: 'platform',
        description: 'Shared CI templates.',
        // `internal`: visible to the instance's users, not the world.
        private: true,
        archived: false,
        fork: false,
        defaultBranch: 'master',
        webUrl: 'https://git.example.com/platform/deploy-pipeline',
        cloneUrl: 'https://git.example.com/platform/deploy-pipeline.git',
        updatedAt: '2026-11-20T08:00:00.000Z',
      },
    ])
    const names = (await gitlab().listRepositories({ sort: 'name', pageSize: 20 })).items
    const sorted = names.map((repo) => repo.name)
    expect(sorted).toEqual([...sorted].sort())
  })

  it('lists the user namespace and groups as owners', async () => {
    const owners = await gitlab().listOwners()
    expect(owners.map(({ name, kind, displayName }) => ({ name, kind, displayName }))).toEqual([
      { name: 'gitlab-demo', kind: 'user', displayName: 'Dana Demo' },
      { name: 'platform', kind: 'group', displayName: 'Platform' },
      { name: 'platform/tools', kind: 'group', displayName: 'Platform / Tools' },
    ])
  })

  it('filters by a group without its subgroups, and by the user namespace', async () => {
    const groupCalls = recordRequests('https://gitlab.com/api/v4/groups/platform/projects')
    const provider = gitlab()
    const group = await provider.listRepositories({ owner: 'platform', pageSize: 100 })
    expect(group.totalCount).toBe(900)
    expect(group.items.every((repo) => repo.owner === 'platform')).toBe(true)
    expect(new URL(groupCalls[0]!.url).searchParams.get('include_subgroups')).toBe('false')
    expect(new URL(groupCalls[0]!.url).searchParams.get('with_shared')).toBe('false')

    const nested = recordRequests()
    const tools = await provider.listRepositories({ owner: 'platform/tools', pageSize: 10 })
    expect(nested.map((request) => request.url.split('?')[0])).toEqual([
      'https://gitlab.com/api/v4/groups/platform%2Ftools/projects',
    ])
    expect(tools.totalCount).toBe(250)

    const mine = await provider.listRepositories({ owner: 'gitlab-demo', pageSize: 100 })
    expect(mine.totalCount).toBe(150)
    expect(mine.items.every((repo) => repo.owner === 'gitlab-demo')).toBe(true)
  })

  it('stops on an empty page even when GitLab names a next one', async () => {
    const seen = recordRequests('https://gitlab.com/api/v4/projects')
    const project = {
      id: 7,
      name: 'only',
      path: 'only',
      path_with_namespace: 'gitlab-demo/only',
      web_url: 'https://gitlab.com/gitlab-demo/only',
      visibility: 'private',
      namespace: { full_path: 'gitlab-demo' },
    }
    server.use(
      http.get('https://gitlab.com/api/v4/projects', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'))
        // x-next-page past the end, as gitlab-org/gitlab#471566 saw; no x-total (above 10,000).
        return HttpResponse.json(page === 1 ? [project] : [], {
          headers: { 'x-next-page': String(page + 1), 'x-page': String(page) },
        })
      }),
    )
    const provider = gitlab()
    const first = await provider.listRepositories({})
    expect(first).toMatchObject({ nextCursor: '2', totalCount: null })
    expect(first.items[0]).toMatchObject({ private: true, archived: false, fork: false })
    const second = await provider.listRepositories({ cursor: first.nextCursor })
    expect(second).toEqual({ items: [], nextCursor: null, totalCount: null })
    expect(seen).toHaveLength(2)
  })

  it('follows the Link header before x-next-page', async () => {
    server.use(
      http.get('https://gitlab.com/api/v4/projects', () =>
        HttpResponse.json([], {
          headers: {
            link: '<https://gitlab.com/api/v4/projects?page=1>; rel="first"',
            'x-next-page': '',
          },
        }),
      ),
    )
    expect((await gitlab().listRepositories({})).nextCursor).toBeNull()
    const provider = gitlab()
    server.use(
      http.get(
        'https://gitlab.com/api/v4/projects',
        () =>
          HttpResponse.json(
            [
              {
                id: 1,
                name: 'a',
                path: 'a',
                path_with_namespace: 'g/a',
                web_url: 'https://gitlab.com/g/a',
                namespace: { full_path: 'g' },
              },
            ],
            {
              headers: {
                link: '<https://gitlab.com/api/v4/projects?page=5&per_page=1>; rel="next"',
                'x-next-page': '2',
              },
            },
          ),
        { once: true },
      ),
    )
    expect((await provider.listRepositories({})).nextCursor).toBe('5')
  })

  it('reports a payload that is not a project list as invalid-response', async () => {
    server.use(http.get('https://gitlab.com/api/v4/projects', () => HttpResponse.json({ id: 'x' })))
    const error = await providerFailure(gitlab().listRepositories({}))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toMatch(/\(root\)/)
  })

  it('skips and counts a project it cannot read, and shows the rest', async () => {
    const project = {
      id: 7,
      name: 'only',
      path: 'only',
      path_with_namespace: 'gitlab-demo/only',
      web_url: 'https://gitlab.com/gitlab-demo/only',
      visibility: 'private',
      namespace: { full_path: 'gitlab-demo' },
    }
    server.use(
      http.get('https://gitlab.com/api/v4/projects', () =>
        HttpResponse.json([{ id: 'x' }, project, { ...project, id: 8, namespace: null }], {
          headers: { 'x-next-page': '' },
        }),
      ),
    )
    const page = await gitlab().listRepositories({})
    expect(page.items.map((repo) => repo.fullName)).toEqual(['gitlab-demo/only'])
    expect(page.skipped).toBe(2)
  })
})

describe('GitLab refs', () => {
  it('puts the default branch first even when GitLab sorts it onto a later page', async () => {
    const provider = gitlab()
    const names: string[] = []
    let cursor: string | null = null
    do {
      const page = await provider.listBranches(SAMPLE, { pageSize: 2, cursor })
      names.push(...page.items.map((branch) => branch.name))
      if (!cursor) expect(page.items[0]).toMatchObject({ name: 'master', isDefault: true })
      cursor = page.nextCursor
    } while (cursor)
    expect(names[0]).toBe('master')
    expect(names.filter((name) => name === 'master')).toHaveLength(1)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toHaveLength(12)
  })

  it('searches branches on the server', async () => {
    const { items } = await gitlab().listBranches(SAMPLE, { search: 'release/' })
    expect(items.map((branch) => branch.name)).toEqual([
      'release/1.0',
      'release/1.3',
      'release/1.6',
      'release/1.9',
    ])
  })

  it('reads commits without linked accounts', async () => {
    const seen = recordRequests(
      `https://gitlab.com/api/v4/projects/${SAMPLE.id}/repository/commits`,
    )
    const page = await gitlab().listCommits(SAMPLE, { ref: 'release/1.3', pageSize: 5 })
    expect(new URL(seen[0]!.url).searchParams.get('ref_name')).toBe('release/1.3')
    expect(page.totalCount).toBeNull()
    expect(page.items).toHaveLength(5)
    for (const commit of page.items) {
      expect(commit.author).toMatchObject({ login: null, avatarUrl: null })
      expect(commit.webUrl).toBe(
        `https://gitlab.com/platform/deploy-pipeline/-/commit/${commit.sha}`,
      )
    }
  })

  it('lists tags newest first with a date for lightweight ones too', async () => {
    const seen = recordRequests(`https://gitlab.com/api/v4/projects/${SAMPLE.id}/repository/tags`)
    const { items } = await gitlab().listTags(SAMPLE, { pageSize: 100 })
    const query = new URL(seen[0]!.url).searchParams
    expect([query.get('order_by'), query.get('sort')]).toEqual(['updated', 'desc'])
    expect(items[0]).toMatchObject({ name: 'v1.29.0', message: 'Release v1.29.0' })
    expect(items[2]).toMatchObject({ message: null })
    expect(items.every((tag) => tag.date !== null)).toBe(true)
  })

  it('maps releases: tag name as id, web link, author, upcoming as pre-release', async () => {
    const { items } = await gitlab().listReleases(SAMPLE, {})
    expect(items[0]).toEqual({
      id: 'v1.29.0',
      tagName: 'v1.29.0',
      name: 'deploy-pipeline v1.29.0',
      body: '## Changes\n\n- Improvements to deploy-pipeline.',
      draft: false,
      prerelease: false,
      publishedAt: '2026-11-19T14:00:00.000Z',
      webUrl: 'https://gitlab.com/platform/deploy-pipeline/-/releases/v1.29.0',
      authorLogin: 'gitlab-demo',
    })
  })

  it('answers 404 for a project that does not exist', async () => {
    const error = await providerFailure(
      gitlab().listBranches({ id: '999999', fullName: 'nobody/nothing' }, {}),
    )
    expect(error).toMatchObject({ kind: 'not-found', providerMessage: '404 Project Not Found' })
    expect(error.subject).toBeUndefined()
  })
})

describe('GitLab webhooks', () => {
  it('registers a hook for tag pushes and releases only, with the secret as token', async () => {
    const seen = recordRequests(`https://gitlab.com/api/v4/projects/${SAMPLE.id}/hooks`)
    const hook = await gitlab().createWebhook(SAMPLE, {
      url: 'https://hooks.example.com/gitlab',
      secret: 'shared-secret-1',
    })
    expect(seen[0]?.method).toBe('POST')
    expect(await seen[0]?.json()).toEqual({
      url: 'https://hooks.example.com/gitlab',
      token: 'shared-secret-1',
      push_events: false,
      tag_push_events: true,
      releases_events: true,
      enable_ssl_verification: true,
    })
    expect(hook).toMatchObject({
      url: 'https://hooks.example.com/gitlab',
      events: ['tag_push_events', 'releases_events'],
      active: true,
    })
    const [stored] = mockWebhooksOf('gitlab', SAMPLE.id)
    expect(stored).toMatchObject({ secret: 'shared-secret-1' })
    expect(JSON.stringify(await gitlab().listWebhooks(SAMPLE))).not.toContain('shared-secret-1')
  })

  it('explains a 403 on hooks: Maintainer role and the api scope', async () => {
    server.use(
      http.post(`https://gitlab.com/api/v4/projects/${SAMPLE.id}/hooks`, () =>
        HttpResponse.json({ message: '403 Forbidden' }, { status: 403 }),
      ),
      http.get(`https://gitlab.com/api/v4/projects/${SAMPLE.id}/hooks`, () =>
        HttpResponse.json({ message: '403 Forbidden' }, { status: 403 }),
      ),
    )
    const create = await providerFailure(
      gitlab().createWebhook(SAMPLE, { url: 'https://hooks.example.com/x', secret: 's' }),
    )
    expect(create).toMatchObject({ kind: 'forbidden', status: 403, subject: 'token' })
    expect(create).toMatchObject({ reason: 'missing-scope', hint: HOOKS_FORBIDDEN_DETAIL })
    expect(create.hint).toMatch(/Maintainer.*api scope/)
    expect((await providerFailure(gitlab().listWebhooks(SAMPLE))).hint).toContain('Maintainer')
  })

  it('deletes with a 204 and reports a missing hook as not-found', async () => {
    const provider = gitlab()
    const hook = await provider.createWebhook(SAMPLE, { url: 'https://h.example.com', secret: 's' })
    await expect(provider.deleteWebhook(SAMPLE, hook.id)).resolves.toBeUndefined()
    expect(mockWebhooksOf('gitlab', SAMPLE.id)).toHaveLength(0)
    expect((await providerFailure(provider.deleteWebhook(SAMPLE, hook.id))).kind).toBe('not-found')
  })
})

describe('GitLab webhook events', () => {
  const events = (hookId: string) =>
    `https://gitlab.com/api/v4/projects/${SAMPLE.id}/hooks/${hookId}/events`

  it('reads events: trigger as event, release action, status string as a number', async () => {
    server.use(
      http.get(events('7'), () =>
        HttpResponse.json([
          {
            id: 31,
            url: 'https://hooks.example.com/gitlab',
            trigger: 'release_hooks',
            request_headers: { 'X-Gitlab-Event': 'Release Hook' },
            request_data: { object_kind: 'release', action: 'create', tag: 'v2.0.0' },
            response_headers: {},
            response_body: '',
            execution_duration: 0.2,
            response_status: '500',
            created_at: '2026-11-20T10:00:05.000+02:00',
          },
          {
            id: 30,
            url: 'https://hooks.example.com/gitlab',
            trigger: 'tag_push_hooks',
            request_headers: {},
            request_data: { object_kind: 'tag_push', ref: 'refs/tags/v2.0.0' },
            response_headers: {},
            response_body: '',
            execution_duration: 10,
            response_status: 'internal error',
            created_at: '2026-11-20T10:00:00.000+02:00',
          },
        ]),
      ),
    )
    const { items } = await gitlab().listWebhookDeliveries(SAMPLE, '7', {})
    expect(items).toEqual([
      {
        id: '31',
        event: 'release_hooks',
        action: 'create',
        deliveredAt: '2026-11-20T08:00:05.000Z',
        statusCode: 500,
        ok: false,
        durationSeconds: 0.2,
      },
      {
        id: '30',
        event: 'tag_push_hooks',
        action: null,
        deliveredAt: '2026-11-20T08:00:00.000Z',
        statusCode: null,
        ok: false,
        durationSeconds: 10,
      },
    ])
  })

  it('says why a 404 may mean an older GitLab, and explains a 403', async () => {
    const provider = gitlab()
    const missing = await providerFailure(provider.listWebhookDeliveries(SAMPLE, '999', {}))
    expect(missing).toMatchObject({ kind: 'not-found', hint: HOOK_EVENTS_MISSING_DETAIL })
    server.use(
      http.get(events('7'), () => HttpResponse.json({ message: '403 Forbidden' }, { status: 403 })),
    )
    const forbidden = await providerFailure(provider.listWebhookDeliveries(SAMPLE, '7', {}))
    expect(forbidden).toMatchObject({ kind: 'forbidden', subject: 'token' })
    expect(forbidden.hint).toContain('Maintainer')
  })
})

describe('GitLab rate limits and cancellation', () => {
  const url = 'https://gitlab.com/api/v4/projects'

  it('retries a 429 once after a pause, then reports rate-limited with the reset', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 60
    let calls = 0
    server.use(
      http.get(url, () => {
        calls++
        // The second answer decides; GitLab names its reset RateLimit-Reset (epoch seconds).
        const headers: Record<string, string> =
          calls === 1 ? { 'retry-after': '5' } : { 'ratelimit-reset': String(reset) }
        return HttpResponse.json({ message: 'Retry later' }, { status: 429, headers })
      }),
    )
    const started = Date.now()
    const error = await providerFailure(gitlab().listRepositories({}))
    expect(calls).toBe(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(RATE_LIMIT_RETRY_DELAY_MS - 10)
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, resetAt: reset * 1000 })
  })

  it('succeeds when the retry gets through', async () => {
    server.use(
      http.get(url, () => HttpResponse.json({ message: 'Retry later' }, { status: 429 }), {
        once: true,
      }),
    )
    const page = await gitlab().listRepositories({ pageSize: 5 })
    expect(page.items).toHaveLength(5)
  })

  it('hands back the AbortError when cancelled during the back-off', async () => {
    server.use(http.get(url, () => HttpResponse.json({}, { status: 429 })))
    const controller = new AbortController()
    const call = gitlab().listRepositories({ signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    const started = Date.now()
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
    expect(Date.now() - started).toBeLessThan(RATE_LIMIT_RETRY_DELAY_MS)
  })

  it('cancels every kind of call', async () => {
    const controller = new AbortController()
    controller.abort()
    const { signal } = controller
    const provider = gitlab()
    const calls: Promise<unknown>[] = [
      provider.listOwners(signal),
      provider.listRepositories({ owner: 'platform', signal }),
      provider.listBranches(SAMPLE, { signal }),
      provider.listCommits(SAMPLE, { ref: 'master', signal }),
      provider.listTags(SAMPLE, { signal }),
      provider.listReleases(SAMPLE, { signal }),
      provider.listWebhooks(SAMPLE, signal),
      provider.createWebhook(SAMPLE, { url: 'https://h.example.com', secret: 's' }, signal),
      provider.deleteWebhook(SAMPLE, '1', signal),
    ]
    for (const call of calls) await expect(call).rejects.toMatchObject({ name: 'AbortError' })
  })
})
