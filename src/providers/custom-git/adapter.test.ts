import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { customGitBranches, customGitTags } from '@mocks/data/custom-git'
import {
  describeGitProviderContract,
  type CannedFailure,
} from '../../../tests/contract/git-provider.contract.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'
import type { ProviderTarget } from '../types.ts'
import { createCustomGitProvider } from './adapter.ts'

const TOKEN = 'glpat-demo-secret-token-value'
type CustomGitTarget = Extract<ProviderTarget, { type: 'custom-git' }>

const target: CustomGitTarget = {
  type: 'custom-git',
  repositoryUrl: 'https://git.example.com/team/app.git',
  branch: 'develop',
}
const REFS = 'https://git.example.com/team/app.git/info/refs'
const sampleRepo = { id: 'anything', fullName: 'team/app' }

function create(overrides: Partial<CustomGitTarget> = {}, token = TOKEN) {
  return createCustomGitProvider({ ...target, ...overrides }, { token })
}

function cannedAnswer(answer: CannedFailure) {
  if (answer === 'network') return HttpResponse.error()
  return HttpResponse.json(answer.body ?? null, {
    status: answer.status,
    ...(answer.headers ? { headers: answer.headers } : {}),
  })
}

describeGitProviderContract({
  name: 'Custom Git',
  create: (token) => create({}, token),
  capabilities: {
    repositories: false,
    branches: true,
    commits: false,
    tags: true,
    releases: false,
    webhooks: false,
    webhookDeliveries: false,
  },
  sampleRepo,
  demoProvider: null,
  repositoryCount: null,
  searchTerm: 'app',
  failing: {
    call: (provider, signal) => provider.listBranches(sampleRepo, signal ? { signal } : {}),
    respond: (answer) => {
      server.use(http.get(REFS, () => cannedAnswer(answer), { once: true }))
    },
  },
})

describe('Custom Git branches and tags', () => {
  it('lists the default branch first, then the others in advertisement order', async () => {
    const page = await create().listBranches(sampleRepo, {})
    expect(page).toEqual({
      items: [
        { name: 'main', commitSha: customGitBranches[0]!.oid, isDefault: true, protected: null },
        {
          name: 'develop',
          commitSha: customGitBranches[1]!.oid,
          isDefault: false,
          protected: null,
        },
        {
          name: 'release/1.x',
          commitSha: customGitBranches[2]!.oid,
          isDefault: false,
          protected: null,
        },
      ],
      nextCursor: null,
      totalCount: 3,
    })
  })

  it('filters by name and pages locally with an offset cursor', async () => {
    const provider = create()
    const found = await provider.listBranches(sampleRepo, { search: 'E' })
    expect(found.items.map((branch) => branch.name)).toEqual(['develop', 'release/1.x'])
    const first = await provider.listBranches(sampleRepo, { pageSize: 2 })
    const second = await provider.listBranches(sampleRepo, {
      pageSize: 2,
      cursor: first.nextCursor,
    })
    expect(first.items.map((branch) => branch.name)).toEqual(['main', 'develop'])
    expect(second).toMatchObject({ items: [{ name: 'release/1.x' }], nextCursor: null })
  })

  it('reads the connection’s own repository whatever the RepoRef says', async () => {
    const seen = recordRequests()
    await create().listBranches({ id: 'other/repo', fullName: 'other/repo' }, {})
    expect(seen.map((request) => request.url)).toEqual([`${REFS}?service=git-upload-pack`])
  })

  it('peels annotated tags to their commit and keeps lightweight ones as they are', async () => {
    const { items } = await create().listTags(sampleRepo, {})
    expect(items).toEqual(
      customGitTags.map((tag) => ({
        name: tag.name,
        commitSha: tag.peeled ?? tag.oid,
        message: null,
        date: null,
      })),
    )
  })

  it('goes through the CORS proxy, with the token', async () => {
    const seen = recordRequests()
    const { items } = await create({ corsProxyUrl: 'https://proxy.example.com/' }).listTags(
      sampleRepo,
      {},
    )
    expect(items).toHaveLength(3)
    expect(seen.map((request) => request.url)).toEqual([
      'https://proxy.example.com/git.example.com/team/app.git/info/refs?service=git-upload-pack',
    ])
    expect(seen[0]?.headers.get('authorization')).toBe(`Basic ${btoa(`git:${TOKEN}`)}`)
  })

  it('blames the proxy when it cannot be reached', async () => {
    server.use(http.get('https://proxy.example.com/*', () => HttpResponse.error()))
    const error = await providerFailure(
      create({ corsProxyUrl: 'https://proxy.example.com' }).listBranches(sampleRepo, {}),
    )
    expect(error).toMatchObject({ kind: 'network', subject: 'cors-proxy' })
  })

  it('refuses a cursor it did not issue before sending anything', async () => {
    const seen = recordRequests()
    const error = await providerFailure(create().listBranches(sampleRepo, { cursor: '???' }))
    expect(error.kind).toBe('invalid-response')
    expect(seen).toEqual([])
  })

  it('says what a remote without an API cannot do', async () => {
    const provider = create()
    expect(await providerFailure(provider.listOwners())).toMatchObject({ kind: 'unsupported' })
    expect(
      await providerFailure(
        provider.createWebhook(sampleRepo, { url: 'https://h/x', secret: 's' }),
      ),
    ).toMatchObject({
      kind: 'unsupported',
      message: 'Custom Git connections cannot manage webhooks.',
    })
  })
})
