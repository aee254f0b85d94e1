/**
 * Trigger Build and a release source's "newest releases and tags" over whole lists, for every
 * provider, against the simulated many-refs repository (124 branches, 5,000 tags). Before, Trigger
 * Build searched, took the first 100 and looked for the exact name (`next` among 122 branches that
 * contain "next" was "no longer in" the repository), and "newest" was picked from a first page.
 */
import { QueryClient } from '@tanstack/react-query'
import { beforeEach, describe, expect, it } from 'vitest'
import { selectDatabase } from '@/lib/connection-store.ts'
import { releaseListQuery, tagListQuery } from '@/features/commits/queries.ts'
import { providerForConnection } from '@/lib/connection-provider.ts'
import { manyRefsCases } from '../../../tests/utils/many-refs-connections.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import { ENTRY_LIMIT, matchingEntries, newestCandidates, newestFirst } from './matching-releases.ts'
import { createReleaseSource, triggerBuild } from './source-actions.ts'

const endpoints = { webhookReceiverUrl: null, buildTriggerUrl: null }

beforeEach(() => {
  selectDatabase(`test-${crypto.randomUUID()}`)
})

describe.each(manyRefsCases)('$name', ({ fields, token, repo, headOf }) => {
  it('Trigger Build resolves `next` by exact name among 122 branches containing "next"', async () => {
    const connection = await storedConnection(fields, token)
    const source = await createReleaseSource(
      {
        name: 'Monorepo',
        connectionId: connection.id,
        repository: { ...repo, webUrl: null },
        branch: 'next',
        tagPattern: null,
      },
      endpoints,
    )
    const build = await triggerBuild(source, endpoints)
    expect(build.result.message).not.toMatch(/no longer in/)
    expect(build.commit?.sha).toBe(headOf('next'))
  }, 30_000)

  /** As use-source-releases.ts does it: whole lists, candidates, their commits, newest first. */
  async function newestRows(connectionId: string, pattern: string | null) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const provider = await providerForConnection(connectionId)
    const [tags, releases] = await Promise.all([
      client.query(tagListQuery(connectionId, repo)),
      provider.capabilities.releases
        ? client.query(releaseListQuery(connectionId, repo))
        : Promise.resolve({ items: [] }),
    ])
    const matching = matchingEntries(releases.items, tags.items, pattern)
    const candidates = newestCandidates(matching, ENTRY_LIMIT)
    const dates = new Map<string, string>()
    if (provider.capabilities.commits) {
      for (const entry of candidates) {
        if (entry.sha === null) continue
        const page = await provider.listCommits(repo, { ref: entry.sha, pageSize: 1 })
        const date = page.items[0]?.author.date
        if (date) dates.set(entry.tagName, date)
      }
    }
    const rows = newestFirst(candidates, (entry) => dates.get(entry.tagName) ?? null)
    return { matching, rows: rows.slice(0, ENTRY_LIMIT).map((entry) => entry.tagName) }
  }

  it('the newest of 5,000 tags is v0.49.99, then its predecessors', async () => {
    const connection = await storedConnection(fields, token)
    const { rows } = await newestRows(connection.id, null)
    expect(rows.slice(0, 3)).toEqual(['v0.49.99', 'v0.49.98', 'v0.49.97'])
  }, 60_000)

  it('the tag pattern v0.48.* matches over all 5,000 tags', async () => {
    const connection = await storedConnection(fields, token)
    const { matching, rows } = await newestRows(connection.id, 'v0.48.*')
    expect(new Set(matching.map((entry) => entry.tagName)).size).toBe(100)
    expect(rows[0]).toBe('v0.48.99')
  }, 60_000)
})
