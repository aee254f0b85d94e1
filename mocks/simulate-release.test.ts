import { describe, expect, it } from 'vitest'
import { createAzureDevOpsProvider } from '@/providers/azure-devops/adapter.ts'
import { createBitbucketProvider } from '@/providers/bitbucket/adapter.ts'
import { createGitHubProvider } from '@/providers/github/adapter.ts'
import { createGitLabProvider } from '@/providers/gitlab/adapter.ts'
import type { GitProvider, RepoRef } from '@/providers/types.ts'
import { azureRepositoryId } from './data/azure-devops.ts'
import { demoBranches, demoSha, findDemoRepository, type DemoProvider } from './data/catalog.ts'
import { simulateRelease, SimulationError } from './simulate-release.ts'
import { addMockWebhook, mockDeliveriesOf, mockState, resetMockState } from './state.ts'

function catalogRepository(provider: DemoProvider, owner: string, name: string) {
  const repo = findDemoRepository(provider, owner, name)
  if (!repo) throw new Error(`the catalog has no ${owner}/${name} on ${provider}`)
  return repo
}

const gitlabRepo = catalogRepository('gitlab', 'platform', 'deploy-pipeline')
const azureRepo = catalogRepository('azure-devops', 'Fabrikam', 'Fabrikam-Fiber')

/** Each simulated provider, its adapter, and a repository addressed the way both of them do. */
const cases: { provider: DemoProvider; adapter: GitProvider; repo: RepoRef }[] = [
  {
    provider: 'github',
    adapter: createGitHubProvider({ type: 'github' }, { token: 'ghp_demo' }),
    repo: { id: 'octo-demo/git-connector', fullName: 'octo-demo/git-connector' },
  },
  {
    provider: 'gitlab',
    adapter: createGitLabProvider({ type: 'gitlab' }, { token: 'glpat-demo' }),
    repo: { id: String(gitlabRepo.id), fullName: 'platform/deploy-pipeline' },
  },
  {
    provider: 'bitbucket',
    adapter: createBitbucketProvider(
      { type: 'bitbucket', credentialKind: 'api-token', email: 'bea@example.com' },
      { token: 'ATATT3xFfGF0demo' },
    ),
    repo: { id: 'tidewater-labs/tide-api', fullName: 'tidewater-labs/tide-api' },
  },
  {
    provider: 'azure-devops',
    adapter: createAzureDevOpsProvider(
      { type: 'azure-devops', organization: 'fabrikam' },
      { token: 'azure-demo-token' },
    ),
    repo: { id: azureRepositoryId(azureRepo), fullName: 'Fabrikam/Fabrikam-Fiber' },
  },
]

describe('simulateRelease', () => {
  for (const { provider, adapter, repo } of cases) {
    it(`adds a tag at the default branch head that ${provider}'s adapter lists`, async () => {
      const { items: branches } = await adapter.listBranches(repo, {})
      const head = branches.find((branch) => branch.isDefault)!.commitSha
      const before = await adapter.listTags(repo, { pageSize: 100 })
      expect(before.items.map((tag) => tag.name)).not.toContain('v2.0.0')

      const { tag } = simulateRelease({ provider, repository: repo.id, tag: 'v2.0.0' })
      expect(tag.sha).toBe(head)

      const { items } = await adapter.listTags(repo, { pageSize: 100 })
      const listed = items.find((entry) => entry.name === 'v2.0.0')
      expect(listed?.commitSha).toBe(head)
      if (provider === 'azure-devops') {
        // Azure DevOps lists refs by name and cannot order them by date: the tag is in its place.
        const names = items.map((entry) => entry.name)
        expect(names).toEqual([...names].sort())
      } else {
        expect(items[0]?.name).toBe('v2.0.0')
        expect(items).toHaveLength(before.items.length + 1)
      }
      // Its commit history starts at the tagged commit.
      if (provider !== 'azure-devops') {
        const commits = await adapter.listCommits(repo, { ref: 'v2.0.0', pageSize: 5 })
        expect(commits.items[0]?.sha).toBe(head)
      }
    })
  }

  for (const { provider, adapter, repo } of cases.filter(
    (entry) => entry.adapter.capabilities.releases,
  )) {
    it(`puts the release first, newest, in ${provider}'s release list`, async () => {
      const before = await adapter.listReleases(repo, { pageSize: 100 })
      const newest = Math.max(
        ...before.items.map((release) => Date.parse(release.publishedAt ?? '') || 0),
      )
      simulateRelease({ provider, repository: repo.id, tag: 'v2.0.0', name: 'Big one' })
      simulateRelease({ provider, repository: repo.id, tag: 'v2.0.1' })

      const { items } = await adapter.listReleases(repo, { pageSize: 100 })
      expect(items.slice(0, 2).map((release) => release.tagName)).toEqual(['v2.0.1', 'v2.0.0'])
      expect(items[1]).toMatchObject({ name: 'Big one', draft: false, prerelease: false })
      expect(Date.parse(items[1]!.publishedAt!)).toBeGreaterThan(newest)
      expect(Date.parse(items[0]!.publishedAt!)).toBeGreaterThan(Date.parse(items[1]!.publishedAt!))
      expect(items).toHaveLength(before.items.length + 2)
    })
  }

  it('tags the commit it is given, and lists commits from there', async () => {
    const { adapter, repo } = cases[0]!
    const target = catalogRepository('github', 'octo-demo', 'git-connector')
    const branch = demoBranches(target)[1]!
    const sha = demoSha(target.id, branch, 3)
    const { tag } = simulateRelease({
      provider: 'github',
      repository: repo.id,
      tag: 'hotfix-1',
      sha: sha.slice(0, 10),
    })
    expect(tag).toMatchObject({ sha, branch, commitIndex: 3 })
    const commits = await adapter.listCommits(repo, { ref: 'hotfix-1', pageSize: 2 })
    expect(commits.items[0]?.sha).toBe(sha)
  })

  it('refuses what a provider would refuse', () => {
    const repository = 'octo-demo/git-connector'
    expect(() =>
      simulateRelease({ provider: 'github', repository: 'nobody/nothing', tag: 'v1' }),
    ).toThrow(SimulationError)
    expect(() => simulateRelease({ provider: 'github', repository, tag: 'bad..name' })).toThrow(
      /not a valid tag name/,
    )
    expect(() => simulateRelease({ provider: 'github', repository, tag: 'v1.0.0' })).toThrow(
      /already exists/,
    )
    expect(() =>
      simulateRelease({ provider: 'github', repository, tag: 'v3', sha: 'f'.repeat(40) }),
    ).toThrow(/has no commit/)
    expect(mockState.tags).toEqual([])
  })

  it('delivers to the active hooks that listen for it, and to no other', () => {
    const hook = (events: string[], active = true) =>
      addMockWebhook({
        provider: 'github',
        repository: 'octo-demo/git-connector',
        url: 'https://hooks.example.com/x',
        events,
        secret: null,
        active,
        extra: {},
      })
    const releases = hook(['release'])
    const both = hook(['release', 'create'])
    const pushes = hook(['push'])
    const off = hook(['release'], false)
    const elsewhere = addMockWebhook({
      provider: 'github',
      repository: 'acme-platform/release-bot',
      url: 'https://hooks.example.com/y',
      events: ['release'],
      secret: null,
      active: true,
      extra: {},
    })

    const { deliveries } = simulateRelease({
      provider: 'github',
      repository: 'octo-demo/git-connector',
      tag: 'v5.0.0',
    })
    expect(deliveries).toHaveLength(3)
    expect(mockDeliveriesOf(releases.id).map((d) => [d.event, d.action])).toEqual([
      ['release', 'published'],
    ])
    expect(mockDeliveriesOf(both.id).map((d) => d.event)).toEqual(['release', 'create'])
    for (const quiet of [pushes, off, elsewhere]) expect(mockDeliveriesOf(quiet.id)).toEqual([])
    expect(mockDeliveriesOf(both.id)[0]?.payload).toMatchObject({
      action: 'published',
      release: { tag_name: 'v5.0.0' },
    })
  })

  it('is forgotten by resetMockState', async () => {
    const { adapter, repo } = cases[0]!
    simulateRelease({ provider: 'github', repository: repo.id, tag: 'v7.0.0' })
    resetMockState()
    expect(mockState).toMatchObject({ tags: [], releases: [], deliveries: [], buildRequests: [] })
    const { items } = await adapter.listTags(repo, { pageSize: 100 })
    expect(items.map((tag) => tag.name)).not.toContain('v7.0.0')
  })
})
