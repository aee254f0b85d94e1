/**
 * The branch picker's, tag list's and release list's queries read the whole list through every
 * adapter's own paging, against the simulated providers' many-refs repository (124 branches,
 * 5,000 tags). Before, each asked once for 100: the 121st branch was "No branch by this name".
 */
import { QueryClient } from '@tanstack/react-query'
import { beforeEach, describe, expect, it } from 'vitest'
import { MANY_REFS_TAG_COUNT } from '@mocks/data/many-refs.ts'
import { selectDatabase } from '@/lib/connection-store.ts'
import { manyRefsCases } from '../../../tests/utils/many-refs-connections.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import { branchListQuery, releaseListQuery, tagListQuery } from './queries.ts'

beforeEach(() => {
  selectDatabase(`test-${crypto.randomUUID()}`)
})

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

describe.each(manyRefsCases)('$name: whole lists', ({ fields, token, repo, releases }) => {
  it('offers every one of 124 branches, the default first, none twice', async () => {
    const connection = await storedConnection(fields, token)
    const list = await client().query(branchListQuery(connection.id, repo, ''))
    const names = list.items.map((branch) => branch.name)
    expect(list.complete).toBe(true)
    expect(names).toHaveLength(124)
    expect(new Set(names).size).toBe(124)
    expect(names[0]).toBe('main')
    expect(list.items[0]?.isDefault).toBe(true)
    // Past the 100th in every provider's name order.
    expect(names.indexOf('next')).toBeGreaterThanOrEqual(100)
    expect(names).toContain('release/next')
  })

  it('searching "next" finds all 122 branches that contain it, `next` itself included', async () => {
    const connection = await storedConnection(fields, token)
    const list = await client().query(branchListQuery(connection.id, repo, 'next'))
    expect(list.items.map((branch) => branch.name)).toContain('next')
    expect(list.items).toHaveLength(122)
  })

  it('lists all 5,000 tags', async () => {
    const connection = await storedConnection(fields, token)
    const list = await client().query(tagListQuery(connection.id, repo))
    expect(list.complete).toBe(true)
    const names = new Set(list.items.map((tag) => tag.name))
    expect(names.size).toBe(MANY_REFS_TAG_COUNT)
    expect(names).toContain('v0.49.99')
    expect(names).toContain('v0.0.0')
  }, 60_000)

  it.runIf(releases)('lists every release (one per minor version)', async () => {
    const connection = await storedConnection(fields, token)
    const list = await client().query(releaseListQuery(connection.id, repo))
    expect(list.items.map((release) => release.tagName).sort()).toHaveLength(50)
  })
})
