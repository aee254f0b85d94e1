import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { findDemoRepository } from '@mocks/data/catalog'
import { azureRepositoryId } from '@mocks/data/azure-devops'
import { mockState } from '@mocks/state'
import {
  describeGitProviderContract,
  type CannedFailure,
} from '../../../tests/contract/git-provider.contract.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'
import type { Capabilities, ProviderTarget, RepoRef } from '../types.ts'
import { createAzureDevOpsProvider } from './adapter.ts'
import { versionDescriptor } from './commits.ts'
import { responseStatus } from './webhooks.ts'

const PAT = 'x'.repeat(76) + 'AZDO' + 'abcd'
const services: ProviderTarget = { type: 'azure-devops', organization: 'fabrikam' }
const onPrem: ProviderTarget = {
  type: 'azure-devops-server',
  collectionUrl: 'https://tfs.contoso.example/tfs/DefaultCollection',
}
const ORG = 'https://dev.azure.com/fabrikam'
const COLLECTION = 'https://tfs.contoso.example/tfs/DefaultCollection'
const fiber = findDemoRepository('azure-devops', 'Fabrikam', 'Fabrikam-Fiber')!
const FIBER_ID = azureRepositoryId(fiber)
const sampleRepo: RepoRef = { id: FIBER_ID, fullName: 'Fabrikam/Fabrikam-Fiber' }
const FABRIKAM_PROJECT = '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c'
const FIBER_ROUTE = `${ORG}/${FABRIKAM_PROJECT}/_apis/git/repositories/${FIBER_ID}`

const capabilities: Capabilities = {
  repositories: true,
  branches: true,
  commits: true,
  tags: true,
  releases: false,
  webhooks: true,
  webhookDeliveries: true,
}

function create(target: ProviderTarget = services, token = PAT) {
  return createAzureDevOpsProvider(target, { token })
}

function cannedAnswer(answer: CannedFailure) {
  if (answer === 'network') return HttpResponse.error()
  return HttpResponse.json(answer.body ?? null, {
    status: answer.status,
    ...(answer.headers ? { headers: answer.headers } : {}),
  })
}

for (const [name, target, base] of [
  ['Azure DevOps Services', services, ORG],
  ['Azure DevOps Server', onPrem, COLLECTION],
] as const) {
  describeGitProviderContract({
    name,
    create: (token) => create(target, token),
    capabilities,
    sampleRepo,
    demoProvider: 'azure-devops',
    repositoryCount: 120,
    searchTerm: 'api',
    failing: {
      call: (provider, signal) => provider.listRepositories(signal ? { signal } : {}),
      respond: (answer) => {
        server.use(
          http.get(`${base}/_apis/git/repositories`, () => cannedAnswer(answer), { once: true }),
        )
      },
    },
  })
}

describe('Azure DevOps repositories', () => {
  it('fetches the listing once, then filters, sorts and pages it locally', async () => {
    const seen = recordRequests()
    const provider = create()
    const first = await provider.listRepositories({ search: 'API', pageSize: 5 })
    const second = await provider.listRepositories({
      search: 'API',
      pageSize: 5,
      cursor: first.nextCursor,
    })
    expect(seen.map((request) => request.url)).toEqual([
      `${ORG}/_apis/git/repositories?api-version=7.1`,
    ])
    expect(first.totalCount).toBeGreaterThan(5)
    expect(second.totalCount).toBe(first.totalCount)
    const names = [...first.items, ...second.items].map((repo) => repo.fullName)
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    )
    expect(names.every((fullName) => /api/i.test(fullName.split('/')[1]!))).toBe(true)
  })

  it('refreshes the listing on every first page', async () => {
    const seen = recordRequests(`${ORG}/_apis/git/repositories`)
    const provider = create()
    await provider.listRepositories({})
    await provider.listRepositories({})
    expect(seen).toHaveLength(2)
  })

  it('maps a repository: GUID id, project/name, stripped default branch, project visibility', async () => {
    const provider = create()
    const { items } = await provider.listRepositories({ search: 'Fabrikam-Fiber' })
    expect(items[0]).toEqual({
      id: FIBER_ID,
      fullName: 'Fabrikam/Fabrikam-Fiber',
      name: 'Fabrikam-Fiber',
      owner: 'Fabrikam',
      description: null,
      private: true,
      archived: false,
      fork: false,
      defaultBranch: fiber.defaultBranch,
      webUrl: `${ORG}/Fabrikam/_git/Fabrikam-Fiber`,
      cloneUrl: 'https://fabrikam@dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam-Fiber',
      updatedAt: null,
    })
    const sandbox = await provider.listRepositories({ owner: 'Sandbox' })
    expect(sandbox.items.every((repo) => !repo.private)).toBe(true)
  })

  it('lists one project’s repositories under its own path', async () => {
    const seen = recordRequests()
    const page = await create().listRepositories({ owner: 'Contoso Web', pageSize: 100 })
    expect(page.totalCount).toBe(30)
    expect(seen[0]?.url).toBe(`${ORG}/Contoso%20Web/_apis/git/repositories?api-version=7.1`)
  })

  it('lists projects as owners, following the continuation token', async () => {
    const seen = recordRequests(`${ORG}/_apis/projects`)
    server.use(
      http.get(
        `${ORG}/_apis/projects`,
        () =>
          HttpResponse.json(
            { count: 1, value: [{ id: 'p0', name: 'Zeroth' }] },
            { headers: { 'x-ms-continuationtoken': btoa('0') } },
          ),
        { once: true },
      ),
    )
    const owners = await create().listOwners()
    expect(owners.map((owner) => owner.name)).toEqual([
      'Zeroth',
      'Fabrikam',
      'Contoso Web',
      'Release Engineering',
      'Sandbox',
    ])
    expect(owners[1]).toMatchObject({ kind: 'project', id: FABRIKAM_PROJECT })
    expect(new URL(seen[1]!.url).searchParams.get('continuationToken')).toBe(btoa('0'))
  })

  it('negotiates the API version once on an old server and reuses it', async () => {
    const seen = recordRequests()
    const provider = create({
      type: 'azure-devops-server',
      collectionUrl: 'https://old-server.contoso.example/tfs/DefaultCollection',
    })
    await provider.listRepositories({})
    await provider.listOwners()
    await provider.listBranches(sampleRepo, {})
    expect(seen.map((request) => new URL(request.url).searchParams.get('api-version'))).toEqual([
      '7.1',
      '6.0',
      '6.0',
      '6.0',
      '6.0',
    ])
  })
})

describe('Azure DevOps refs and commits', () => {
  it('pages branches with the continuation token, the default branch first', async () => {
    const seen = recordRequests()
    const provider = create()
    const first = await provider.listBranches(sampleRepo, { pageSize: 2 })
    expect(first.items[0]).toMatchObject({ name: fiber.defaultBranch, isDefault: true })
    expect(first.nextCursor).not.toBeNull()
    const second = await provider.listBranches(sampleRepo, {
      pageSize: 2,
      cursor: first.nextCursor,
    })
    const refsRequests = seen.filter((request) => request.url.startsWith(`${FIBER_ROUTE}/refs`))
    const token = new URL(refsRequests.at(-1)!.url).searchParams.get('continuationToken')
    expect(token).not.toBeNull()
    expect(second.items.some((branch) => branch.isDefault)).toBe(false)
    const names = [...first.items, ...second.items].map((branch) => branch.name)
    expect(new Set(names).size).toBe(names.length)
    // The repository is looked up once, by GUID, for its project and default branch.
    expect(
      seen.filter((request) => request.url.includes(`/_apis/git/repositories/${FIBER_ID}?`)),
    ).toHaveLength(1)
  })

  it('ends after one page when the continuation header cannot be read', async () => {
    server.use(
      http.get(`${FIBER_ROUTE}/refs`, () =>
        HttpResponse.json({
          count: 2,
          value: [
            { name: `refs/heads/${fiber.defaultBranch}`, objectId: 'a'.repeat(40) },
            { name: 'refs/heads/develop', objectId: 'b'.repeat(40) },
          ],
        }),
      ),
    )
    const page = await create().listBranches(sampleRepo, { pageSize: 2 })
    expect(page.nextCursor).toBeNull()
    expect(page.items.map((branch) => branch.name)).toEqual([fiber.defaultBranch, 'develop'])
  })

  it('searches branches with filterContains', async () => {
    const seen = recordRequests(`${FIBER_ROUTE}/refs`)
    const { items } = await create().listBranches(sampleRepo, { search: 'develop' })
    expect(items.map((branch) => branch.name)).toEqual(['develop'])
    expect(new URL(seen[0]!.url).searchParams.get('filterContains')).toBe('develop')
  })

  it('pages commits with searchCriteria and a $skip cursor', async () => {
    const seen = recordRequests(`${FIBER_ROUTE}/commits`)
    const provider = create()
    const first = await provider.listCommits(sampleRepo, { ref: fiber.defaultBranch, pageSize: 10 })
    await provider.listCommits(sampleRepo, {
      ref: fiber.defaultBranch,
      pageSize: 10,
      cursor: first.nextCursor,
    })
    const params = seen.map((request) => new URL(request.url).searchParams)
    expect(params[1]?.get('searchCriteria.itemVersion.version')).toBe(fiber.defaultBranch)
    expect(params[1]?.get('searchCriteria.itemVersion.versionType')).toBe('branch')
    expect(params.map((p) => p.get('searchCriteria.$skip'))).toEqual(['0', '10'])
    expect(params[0]?.get('searchCriteria.$top')).toBe('10')
    expect(first.items[0]?.author.login).toBeNull()
    expect(first.items[0]?.webUrl).toBe(
      `${ORG}/Fabrikam/_git/Fabrikam-Fiber/commit/${first.items[0]?.sha}`,
    )
  })

  it('names a sha, a tag and a branch as Azure expects', () => {
    expect(versionDescriptor('a'.repeat(40))).toEqual({
      version: 'a'.repeat(40),
      versionType: 'commit',
    })
    expect(versionDescriptor('refs/tags/v1.0.0')).toEqual({ version: 'v1.0.0', versionType: 'tag' })
    expect(versionDescriptor('feature/x')).toEqual({ version: 'feature/x', versionType: 'branch' })
  })

  it('peels annotated tags to their commit', async () => {
    const seen = recordRequests(`${FIBER_ROUTE}/refs`)
    const provider = create()
    const { items } = await provider.listTags(sampleRepo, { pageSize: 100 })
    expect(new URL(seen[0]!.url).searchParams.get('peelTags')).toBe('true')
    const commits = await provider.listCommits(sampleRepo, {
      ref: fiber.defaultBranch,
      pageSize: 100,
    })
    const shas = new Set(commits.items.map((commit) => commit.sha))
    // v1.{n}.0 is the newest tag, two commits below the tip: peeled, it is a commit on the branch.
    const newest = items.find((tag) => tag.name === `v1.${items.length - 1}.0`)
    expect(newest && shas.has(newest.commitSha)).toBe(true)
    expect(items.every((tag) => tag.message === null && tag.date === null)).toBe(true)
  })

  it('lists commits from a tag', async () => {
    const provider = create()
    const { items: tags } = await provider.listTags(sampleRepo, {})
    const tag = tags[0]!
    const { items } = await provider.listCommits(sampleRepo, {
      ref: `refs/tags/${tag.name}`,
      pageSize: 3,
    })
    expect(items[0]?.sha).toBe(tag.commitSha)
  })

  it('has no releases', async () => {
    const error = await providerFailure(create(onPrem).listReleases(sampleRepo, {}))
    expect(error).toMatchObject({
      kind: 'unsupported',
      message: 'Azure DevOps Server connections cannot list releases.',
    })
  })
})

describe('Azure DevOps service-hook subscriptions', () => {
  it('posts a git.push webhook subscription with the secret as a header', async () => {
    const seen = recordRequests(`${ORG}/_apis/hooks/subscriptions`)
    const provider = create()
    const hook = await provider.createWebhook(sampleRepo, {
      url: 'https://hooks.example.com/azure',
      secret: 'shared-secret-9',
    })
    expect(seen[0]?.method).toBe('POST')
    expect(await seen[0]!.json()).toEqual({
      publisherId: 'tfs',
      eventType: 'git.push',
      resourceVersion: '1.0',
      consumerId: 'webHooks',
      consumerActionId: 'httpRequest',
      publisherInputs: { projectId: FABRIKAM_PROJECT, repository: FIBER_ID, branch: '' },
      consumerInputs: {
        url: 'https://hooks.example.com/azure',
        httpHeaders: 'X-Git-Connector-Secret:shared-secret-9',
      },
    })
    expect(hook).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      url: 'https://hooks.example.com/azure',
      events: ['git.push'],
      active: true,
    })
    expect([...mockState.webhooks.values()][0]).toMatchObject({
      provider: 'azure-devops',
      repository: FIBER_ID,
      secret: 'shared-secret-9',
    })
  })

  it('lists only this repository’s subscriptions and deletes by id', async () => {
    const provider = create()
    const mine = await provider.createWebhook(sampleRepo, {
      url: 'https://h.example/a',
      secret: 's1-xx',
    })
    const { items } = await provider.listRepositories({ owner: 'Sandbox' })
    const elsewhere = { id: items[0]!.id, fullName: items[0]!.fullName }
    await provider.createWebhook(elsewhere, { url: 'https://h.example/b', secret: 's2-xx' })
    expect((await provider.listWebhooks(sampleRepo)).map((hook) => hook.id)).toEqual([mine.id])
    const seen = recordRequests()
    await provider.deleteWebhook(sampleRepo, mine.id)
    expect(seen[0]?.url).toBe(`${ORG}/_apis/hooks/subscriptions/${mine.id}?api-version=7.1`)
    expect(await provider.listWebhooks(sampleRepo)).toEqual([])
  })

  it('never puts the secret in an error, even when Azure echoes the request', async () => {
    server.use(
      http.post(`${ORG}/_apis/hooks/subscriptions`, async ({ request }) =>
        HttpResponse.json(
          {
            message: `Invalid consumer inputs: ${JSON.stringify(((await request.json()) as { consumerInputs: unknown }).consumerInputs)}`,
          },
          { status: 400 },
        ),
      ),
    )
    const error = await providerFailure(
      create().createWebhook(sampleRepo, { url: 'https://h.example/a', secret: 'leak-me-not' }),
    )
    expect(error.kind).toBe('invalid-request')
    expect(JSON.stringify({ m: error.message, d: error.providerMessage })).not.toContain(
      'leak-me-not',
    )
    expect(error.providerMessage).toContain('[redacted]')
  })
})

describe('Azure DevOps service-hook notifications', () => {
  const SUBSCRIPTION = '8dea9aba-3a9a-4ad0-860f-2a5c7379e3eb'
  const NOTIFICATIONS = `${ORG}/_apis/hooks/subscriptions/${SUBSCRIPTION}/notifications`

  const notification = (id: number, result: string, createdDate: string, response?: string) => ({
    id,
    subscriptionId: SUBSCRIPTION,
    status: 'completed',
    result,
    createdDate,
    details: {
      eventType: 'git.push',
      completedDate: createdDate,
      requestDuration: 0.4,
      ...(response === undefined ? {} : { response }),
    },
  })

  it('reads notifications newest first, without the filtered ones', async () => {
    const seen = recordRequests(NOTIFICATIONS)
    server.use(
      http.get(NOTIFICATIONS, () =>
        HttpResponse.json({
          count: 3,
          value: [
            notification(
              1,
              'succeeded',
              '2026-11-20T10:00:00Z',
              'Status Code: 200\r\nReason Phrase: OK',
            ),
            notification(2, 'filtered', '2026-11-20T10:01:00Z'),
            notification(3, 'failed', '2026-11-20T10:02:00Z', 'HTTP/1.1 503 Service Unavailable'),
          ],
        }),
      ),
    )
    const page = await create().listWebhookDeliveries(sampleRepo, SUBSCRIPTION, {})
    expect(new URL(seen[0]!.url).searchParams.get('maxResults')).toBe('100')
    expect(page).toEqual({
      items: [
        {
          id: '3',
          event: 'git.push',
          action: null,
          deliveredAt: '2026-11-20T10:02:00Z',
          statusCode: 503,
          ok: false,
          durationSeconds: 0.4,
        },
        {
          id: '1',
          event: 'git.push',
          action: null,
          deliveredAt: '2026-11-20T10:00:00Z',
          statusCode: 200,
          ok: true,
          durationSeconds: 0.4,
        },
      ],
      nextCursor: null,
      totalCount: 2,
    })
  })

  it('reads the status from either layout of the recorded response', () => {
    expect(responseStatus('Status Code: 201\r\nReason Phrase: Created')).toBe(201)
    expect(responseStatus('HTTP/2 404 Not Found')).toBe(404)
    expect(responseStatus('The remote name could not be resolved')).toBeNull()
    expect(responseStatus(null)).toBeNull()
  })

  it('reports a subscription that does not exist as not-found', async () => {
    const error = await providerFailure(
      create().listWebhookDeliveries(sampleRepo, SUBSCRIPTION, {}),
    )
    expect(error.kind).toBe('not-found')
  })
})
