/**
 * collectAll's bound and its guards. Per-provider paging to the end is proven against the
 * simulated providers in src/features/commits/queries.test.ts; these feed it pages directly.
 */
import { describe, expect, it } from 'vitest'
import { collectAll } from './collect-all.ts'
import type { Page, PageRequest } from './types.ts'

/** A list of `total` numbers served `size` at a time, with offset cursors. */
function pagesOf(total: number, size: number) {
  const requests: PageRequest[] = []
  const load = (request: PageRequest): Promise<Page<number>> => {
    requests.push(request)
    const start = Number(request.cursor ?? 0)
    const end = Math.min(start + size, total)
    return Promise.resolve({
      items: Array.from({ length: end - start }, (_, index) => start + index),
      nextCursor: end < total ? String(end) : null,
      totalCount: null,
    })
  }
  return { load, requests }
}

describe('collectAll', () => {
  it('reads to the end and asks for the same page size on every page', async () => {
    const { load, requests } = pagesOf(250, 100)
    const list = await collectAll(load)
    expect(list.items).toHaveLength(250)
    expect(list.complete).toBe(true)
    expect(requests.map((request) => request.cursor ?? null)).toEqual([null, '100', '200'])
    expect(new Set(requests.map((request) => request.pageSize)).size).toBe(1)
  })

  it('stops at the bound and says the list goes on', async () => {
    const list = await collectAll(pagesOf(1_000, 100).load, { maxItems: 250 })
    expect(list).toMatchObject({ complete: false, limit: 250 })
    expect(list.items).toHaveLength(250)
  })

  it('a list exactly as long as the bound is complete', async () => {
    const list = await collectAll(pagesOf(200, 100).load, { maxItems: 200 })
    expect(list.complete).toBe(true)
  })

  it('refuses a cursor it was already given instead of reading forever', async () => {
    const load = () => Promise.resolve({ items: [1], nextCursor: 'same', totalCount: null })
    await expect(collectAll(load)).rejects.toMatchObject({ kind: 'invalid-response' })
  })

  it('refuses endless empty pages', async () => {
    let page = 0
    const load = () =>
      Promise.resolve({ items: [], nextCursor: String(++page), totalCount: null } as Page<number>)
    await expect(collectAll(load)).rejects.toMatchObject({ kind: 'invalid-response' })
  })

  it('stops when the caller cancels, between pages', async () => {
    const controller = new AbortController()
    const { load } = pagesOf(1_000, 100)
    const cancelling = (request: PageRequest) => {
      if (request.cursor === '200') controller.abort()
      return load(request)
    }
    await expect(collectAll(cancelling, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    })
  })
})
