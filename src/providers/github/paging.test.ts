import { describe, expect, it } from 'vitest'
import { EtagCache } from './etag-cache.ts'
import { nextCursor, pageLocally, parseLinkHeader, positionOf } from './paging.ts'
import { searchQuery } from './repositories.ts'

describe('GitHub paging helpers', () => {
  const link =
    '<https://api.github.com/user/repos?per_page=100&page=3>; rel="next", ' +
    '<https://api.github.com/user/repos?per_page=100&page=100>; rel="last", ' +
    '<https://api.github.com/user/repos?per_page=100&page=1>; rel="first"'

  it('reads a Link header', () => {
    expect(parseLinkHeader(link)).toEqual({
      next: 'https://api.github.com/user/repos?per_page=100&page=3',
      last: 'https://api.github.com/user/repos?per_page=100&page=100',
      first: 'https://api.github.com/user/repos?per_page=100&page=1',
    })
    expect(parseLinkHeader(null)).toEqual({})
  })

  it('makes the next cursor from the next link only', () => {
    expect(nextCursor(link, { page: 2, perPage: 100 })).toBe('3:100')
    expect(nextCursor('<https://x/?page=1>; rel="first"', { page: 2, perPage: 30 })).toBeNull()
    expect(nextCursor(null, { page: 1, perPage: 30 })).toBeNull()
    // A next link that does not move forward would loop forever: treat it as the end.
    expect(nextCursor('<https://x/?page=2>; rel="next"', { page: 2, perPage: 30 })).toBeNull()
  })

  it('reads cursors back and clamps page sizes', () => {
    expect(positionOf(null, 500)).toEqual({ page: 1, perPage: 100 })
    expect(positionOf(undefined)).toEqual({ page: 1, perPage: 30 })
    expect(positionOf('7:50', 10)).toEqual({ page: 7, perPage: 50 })
    expect(() => positionOf('7:500')).toThrow()
    expect(() => positionOf('next')).toThrow()
  })

  it('pages a list held in memory by offset', () => {
    const items = Array.from({ length: 5 }, (_, i) => i)
    expect(pageLocally(items, null, 2)).toEqual({ items: [0, 1], nextCursor: '2', totalCount: 5 })
    expect(pageLocally(items, '4', 2)).toEqual({ items: [4], nextCursor: null, totalCount: 5 })
    expect(pageLocally(items, null, 2, false).totalCount).toBeNull()
    expect(() => pageLocally(items, '-1', 2)).toThrow()
  })

  it('keeps search queries within 256 characters', () => {
    const orgs = Array.from({ length: 40 }, (_, i) => `org:organization-number-${i}`)
    const query = searchQuery('api', ['user:octo-demo', ...orgs])
    expect(query.length).toBeLessThanOrEqual(256)
    expect(query.startsWith('api in:name fork:true user:octo-demo org:organization-number-0')).toBe(
      true,
    )
    expect(searchQuery('say "hi" there', [])).toBe('"say hi there" in:name fork:true')
  })
})

describe('EtagCache', () => {
  it('forgets the least recently used entry first', () => {
    const cache = new EtagCache(2)
    cache.set('a', { etag: '1', value: 'A', link: null })
    cache.set('b', { etag: '2', value: 'B', link: null })
    expect(cache.get<string>('a')?.value).toBe('A')
    cache.set('c', { etag: '3', value: 'C', link: null })
    expect(cache.size).toBe(2)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get<string>('a')?.value).toBe('A')
    expect(cache.get<string>('c')?.value).toBe('C')
  })
})
