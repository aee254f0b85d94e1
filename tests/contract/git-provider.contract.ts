/**
 * The contract every adapter keeps, run by each adapter's test file against its own MSW handlers:
 * paging to the end, search, owner filter, empty results, ordering, webhooks round trip, webhook
 * deliveries after a simulated release, every error kind, rate-limit reset times and
 * cancellation. What a type cannot do must fail with `unsupported`, never quietly return nothing.
 */
import { describe, expect, it } from 'vitest'
import type { DemoProvider } from '@mocks/data/catalog.ts'
import { simulateRelease } from '@mocks/simulate-release.ts'
import type { ProviderErrorKind } from '@/providers/errors.ts'
import type { Capabilities, GitProvider, Page, RepoRef } from '@/providers/types.ts'
import { providerFailure } from '../utils/provider-test-kit.ts'

/** A canned answer for the failing call: an HTTP response, or a connection that never answers. */
export type CannedFailure =
  { status: number; headers?: Record<string, string>; body?: unknown } | 'network'

export interface ContractSetup {
  name: string
  create: (token?: string) => GitProvider
  capabilities: Capabilities
  /**
   * A repository with branches, a long history, tags (and releases where the type has them). Its
   * id is how the simulated provider addresses it (MockWebhook.repository).
   */
  sampleRepo: RepoRef
  /** The simulated provider behind the adapter, where releases can be simulated; null for none. */
  demoProvider: DemoProvider | null
  /** How many repositories the account sees in all; null when the type has no listing. */
  repositoryCount: number | null
  /** A search term that matches some but not all repositories. */
  searchTerm: string
  /** Makes the next `failing.call` meet `answer` (installs a one-off handler with server.use). */
  failing: {
    call: (provider: GitProvider, signal?: AbortSignal) => Promise<unknown>
    respond: (answer: CannedFailure) => void
  }
}

/**
 * What each simulated provider delivers to a release webhook, newest first, after the hook was
 * created and a release published: GitHub pings a new hook, then sends `create` (the tag) and
 * `release` (published); GitLab sends the tag push, then the release; Bitbucket and Azure DevOps
 * have no release event and send the tag as a push.
 */
const EXPECTED_DELIVERIES: Record<DemoProvider, { event: string; action: string | null }[]> = {
  github: [
    { event: 'release', action: 'published' },
    { event: 'create', action: null },
    { event: 'ping', action: null },
  ],
  gitlab: [
    { event: 'release_hooks', action: 'create' },
    { event: 'tag_push_hooks', action: null },
  ],
  bitbucket: [{ event: 'repo:push', action: null }],
  'azure-devops': [{ event: 'git.push', action: null }],
}

async function collectAll<T>(load: (cursor: string | null) => Promise<Page<T>>, limit = 500) {
  const items: T[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: Page<T> = await load(cursor)
    items.push(...page.items)
    cursor = page.nextCursor
    pages++
  } while (cursor !== null && pages < limit)
  return { items, pages, finished: cursor === null }
}

export function describeGitProviderContract(setup: ContractSetup) {
  const { capabilities: can, sampleRepo } = setup

  describe(`${setup.name} keeps the GitProvider contract`, () => {
    it('states its capabilities', () => {
      expect(setup.create().capabilities).toEqual(can)
    })

    if (can.repositories && setup.repositoryCount !== null) {
      const expected = setup.repositoryCount
      it(`pages through all ${expected} repositories without repeats`, async () => {
        const provider = setup.create()
        const { items, finished } = await collectAll((cursor) =>
          provider.listRepositories({ cursor, pageSize: 100 }),
        )
        expect(finished).toBe(true)
        expect(items).toHaveLength(expected)
        expect(new Set(items.map((repo) => repo.id)).size).toBe(expected)
        for (const repo of items.slice(0, 50)) {
          expect(repo.webUrl).toMatch(/^https?:\/\//)
          expect(repo.fullName).toContain(repo.name)
        }
      }, 60_000)

      it('searches on the server and returns an empty last page when nothing matches', async () => {
        const provider = setup.create()
        const found = await provider.listRepositories({ search: setup.searchTerm, pageSize: 100 })
        expect(found.items.length).toBeGreaterThan(0)
        expect(found.items.length).toBeLessThan(expected)
        for (const repo of found.items) {
          expect(repo.fullName.toLowerCase()).toContain(setup.searchTerm.toLowerCase())
        }
        const none = await provider.listRepositories({ search: 'zz-no-such-repository-zz' })
        expect(none).toMatchObject({ items: [], nextCursor: null })
      })

      it('lists owners and filters repositories by one', async () => {
        const provider = setup.create()
        const owners = await provider.listOwners()
        expect(owners.length).toBeGreaterThan(0)
        const owner = owners[owners.length - 1]!
        const page = await provider.listRepositories({ owner: owner.name, pageSize: 50 })
        expect(page.items.length).toBeGreaterThan(0)
        for (const repo of page.items) expect(repo.owner).toBe(owner.name)
      })
    }

    if (can.branches) {
      it('lists branches with the default one first', async () => {
        const { items } = await setup.create().listBranches(sampleRepo, { pageSize: 100 })
        expect(items.length).toBeGreaterThan(1)
        expect(items[0]?.isDefault).toBe(true)
        expect(items.slice(1).some((branch) => branch.isDefault)).toBe(false)
        for (const branch of items) expect(branch.commitSha).toMatch(/^[0-9a-f]{40}$/)
      })
    }

    if (can.commits) {
      it('pages commits newest first, each page after the last', async () => {
        const provider = setup.create()
        const { items: branches } = await provider.listBranches(sampleRepo, {})
        const ref = branches[0]!.name
        const first = await provider.listCommits(sampleRepo, { ref, pageSize: 30 })
        expect(first.items).toHaveLength(30)
        expect(first.items[0]?.sha).toBe(branches[0]!.commitSha)
        expect(first.nextCursor).not.toBeNull()
        const second = await provider.listCommits(sampleRepo, {
          ref,
          pageSize: 30,
          cursor: first.nextCursor,
        })
        expect(second.items.length).toBeGreaterThan(0)
        const shas = new Set(first.items.map((commit) => commit.sha))
        expect(second.items.some((commit) => shas.has(commit.sha))).toBe(false)
        const dates = [...first.items, ...second.items].map((commit) =>
          Date.parse(commit.author.date),
        )
        expect(dates).toEqual([...dates].sort((a, b) => b - a))
        for (const commit of first.items) {
          expect(commit.author.email).toContain('@')
          expect(commit.message.length).toBeGreaterThan(0)
        }
      })
    }

    if (can.tags) {
      it('lists tags', async () => {
        const { items } = await setup.create().listTags(sampleRepo, { pageSize: 100 })
        expect(items.length).toBeGreaterThan(0)
        for (const tag of items) expect(tag.commitSha).toMatch(/^[0-9a-f]{40}$/)
      })
    }

    if (can.releases) {
      it('lists releases newest first', async () => {
        const { items } = await setup.create().listReleases(sampleRepo, { pageSize: 100 })
        expect(items.length).toBeGreaterThan(0)
        const published = items.filter((release) => release.publishedAt !== null)
        const dates = published.map((release) => Date.parse(release.publishedAt!))
        expect(dates).toEqual([...dates].sort((a, b) => b - a))
      })
    }

    if (can.webhooks) {
      it('creates, lists and deletes a release webhook', async () => {
        const provider = setup.create()
        const url = 'https://hooks.example.com/receive'
        const hook = await provider.createWebhook(sampleRepo, { url, secret: 's3cret-value' })
        expect(hook.url).toBe(url)
        expect(hook.events.length).toBeGreaterThan(0)
        expect((await provider.listWebhooks(sampleRepo)).map((h) => h.id)).toContain(hook.id)
        await provider.deleteWebhook(sampleRepo, hook.id)
        expect((await provider.listWebhooks(sampleRepo)).map((h) => h.id)).not.toContain(hook.id)
      })
    }

    if (can.webhookDeliveries) {
      it("lists a webhook's deliveries, newest first, after a release is published", async () => {
        const { demoProvider } = setup
        expect(demoProvider).not.toBeNull()
        if (demoProvider === null) return
        const provider = setup.create()
        const url = 'https://hooks.example.com/receive'
        const hook = await provider.createWebhook(sampleRepo, { url, secret: 's3cret-value' })
        const before = await provider.listWebhookDeliveries(sampleRepo, hook.id, {})
        // Only GitHub says anything before an event: it pings a new hook.
        expect(before.items.map((delivery) => delivery.event)).toEqual(
          demoProvider === 'github' ? ['ping'] : [],
        )

        const { tag } = simulateRelease({
          provider: demoProvider,
          repository: sampleRepo.id,
          tag: 'v9.0.0',
        })
        expect(tag.sha).toMatch(/^[0-9a-f]{40}$/)
        const { items, nextCursor } = await provider.listWebhookDeliveries(sampleRepo, hook.id, {
          pageSize: 50,
        })
        expect(nextCursor).toBeNull()
        expect(items.map(({ event, action }) => ({ event, action }))).toEqual(
          EXPECTED_DELIVERIES[demoProvider],
        )
        const times = items.map((delivery) => Date.parse(delivery.deliveredAt ?? ''))
        expect(times.every(Number.isFinite)).toBe(true)
        expect(times).toEqual([...times].sort((a, b) => b - a))
        expect(new Set(items.map((delivery) => delivery.id)).size).toBe(items.length)
        for (const delivery of items) {
          expect(delivery).toMatchObject({ statusCode: 200, ok: true })
          expect(delivery.durationSeconds).toBeGreaterThan(0)
        }
      })

      it('pages deliveries without repeats', async () => {
        const { demoProvider } = setup
        if (demoProvider === null) return
        const provider = setup.create()
        const hook = await provider.createWebhook(sampleRepo, {
          url: 'https://hooks.example.com/paged',
          secret: 's3cret-value',
        })
        for (const version of ['v9.1.0', 'v9.2.0', 'v9.3.0']) {
          simulateRelease({ provider: demoProvider, repository: sampleRepo.id, tag: version })
        }
        const all = await provider.listWebhookDeliveries(sampleRepo, hook.id, { pageSize: 100 })
        const { items, pages, finished } = await collectAll((cursor) =>
          provider.listWebhookDeliveries(sampleRepo, hook.id, { cursor, pageSize: 2 }),
        )
        expect(finished).toBe(true)
        expect(pages).toBeGreaterThan(1)
        expect(items.map((delivery) => delivery.id)).toEqual(
          all.items.map((delivery) => delivery.id),
        )
      })
    }

    it('fails with `unsupported` for what the type cannot do', async () => {
      const provider = setup.create()
      const calls: [keyof Capabilities, () => Promise<unknown>][] = [
        ['repositories', () => provider.listRepositories({})],
        ['branches', () => provider.listBranches(sampleRepo, {})],
        ['commits', () => provider.listCommits(sampleRepo, { ref: 'main' })],
        ['tags', () => provider.listTags(sampleRepo, {})],
        ['releases', () => provider.listReleases(sampleRepo, {})],
        ['webhooks', () => provider.listWebhooks(sampleRepo)],
        ['webhookDeliveries', () => provider.listWebhookDeliveries(sampleRepo, '1', {})],
      ]
      for (const [capability, call] of calls) {
        if (can[capability]) continue
        expect((await providerFailure(call())).kind).toBe('unsupported')
      }
    })

    const failures: [string, CannedFailure, ProviderErrorKind][] = [
      ['401', { status: 401, body: { message: 'Unauthorized' } }, 'unauthorized'],
      ['403', { status: 403, body: { message: 'Forbidden' } }, 'forbidden'],
      ['404', { status: 404, body: { message: 'Not Found' } }, 'not-found'],
      ['500', { status: 500, body: { message: 'boom' } }, 'server'],
      ['503', { status: 503, body: { message: 'maintenance' } }, 'server'],
      ['a refused connection', 'network', 'network'],
    ]
    it.each(failures)('turns %s into `%s`', async (_label, answer, kind) => {
      setup.failing.respond(answer)
      const error = await providerFailure(setup.failing.call(setup.create()))
      expect(error.kind).toBe(kind)
    })

    it('says when a rate limit resets', async () => {
      setup.failing.respond({ status: 429, headers: { 'retry-after': '120' }, body: {} })
      const before = Date.now()
      const error = await providerFailure(setup.failing.call(setup.create()))
      expect(error.kind).toBe('rate-limited')
      if (error.resetAt !== undefined) {
        expect(error.resetAt).toBeGreaterThanOrEqual(before + 119_000)
        expect(error.resetAt).toBeLessThanOrEqual(Date.now() + 121_000)
      }
    }, 15_000)

    it('is cancelled by its AbortSignal', async () => {
      const controller = new AbortController()
      controller.abort()
      const result = await setup.failing.call(setup.create(), controller.signal).then(
        () => 'resolved',
        (error: unknown) => (error instanceof Error ? error.name : String(error)),
      )
      expect(result).toBe('AbortError')
    })
  })
}
