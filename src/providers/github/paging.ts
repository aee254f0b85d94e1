/**
 * Paging GitHub lists. GitHub pages with a `Link` header (`rel="next"`, `rel="last"`) and asks
 * clients to follow it rather than count pages themselves. Our cursors are therefore read from
 * the next link: `"<page>:<per_page>"` (both, so a caller that changes pageSize between calls
 * still lands on the right rows). Lists GitHub cannot filter or order the way the contract wants
 * (branches) are fetched whole and paged here, with an offset cursor.
 */
import { ProviderError } from '../errors.ts'
import type { Page } from '../types.ts'

export const DEFAULT_PAGE_SIZE = 30
export const MAX_PAGE_SIZE = 100

export function clampPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || !Number.isFinite(pageSize)) return DEFAULT_PAGE_SIZE
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)))
}

export interface PagePosition {
  page: number
  perPage: number
}

function badCursor(): ProviderError {
  return new ProviderError('invalid-response', 'The page cursor was not made by this connection.')
}

/** Where a Link-paged list starts: page 1, or where the previous page's cursor points. */
export function positionOf(cursor: string | null | undefined, pageSize?: number): PagePosition {
  if (cursor === null || cursor === undefined || cursor === '') {
    return { page: 1, perPage: clampPageSize(pageSize) }
  }
  const match = /^(\d{1,6}):(\d{1,3})$/.exec(cursor)
  if (!match) throw badCursor()
  const page = Number(match[1])
  const perPage = Number(match[2])
  if (page < 1 || perPage < 1 || perPage > MAX_PAGE_SIZE) throw badCursor()
  return { page, perPage }
}

/** `<url>; rel="next", <url>; rel="last"` → { next: url, last: url }. */
export function parseLinkHeader(header: string | null): Record<string, string> {
  const links: Record<string, string> = {}
  if (!header) return links
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="?([^";]+)"?/.exec(part)
    if (match?.[1] !== undefined && match[2] !== undefined) {
      for (const rel of match[2].trim().split(/\s+/)) links[rel] = match[1]
    }
  }
  return links
}

/** The cursor for the page after `current`: from the next link, or null on the last page. */
export function nextCursor(link: string | null, current: PagePosition): string | null {
  const next = parseLinkHeader(link).next
  if (next === undefined) return null
  let query: URLSearchParams
  try {
    query = new URL(next, 'https://api.github.com').searchParams
  } catch {
    return null
  }
  const page = Number(query.get('page') ?? current.page + 1)
  const perPage = Number(query.get('per_page') ?? current.perPage)
  if (!Number.isInteger(page) || page <= current.page) return null
  return `${page}:${Number.isInteger(perPage) ? perPage : current.perPage}`
}

/** A page of a list held whole in memory; the cursor is the offset of the next row. */
export function pageLocally<T>(
  items: T[],
  cursor: string | null | undefined,
  pageSize: number | undefined,
  totalKnown = true,
): Page<T> {
  let offset = 0
  if (cursor !== null && cursor !== undefined && cursor !== '') {
    if (!/^\d{1,9}$/.test(cursor)) throw badCursor()
    offset = Number(cursor)
  }
  const size = clampPageSize(pageSize)
  const end = offset + size
  return {
    items: items.slice(offset, end),
    nextCursor: end < items.length ? String(end) : null,
    totalCount: totalKnown ? items.length : null,
  }
}

/**
 * Every page of a list, following next links, up to `maxPages` (the rest is left out and
 * `complete` says so). For lists that are short in practice: branches, hooks, organizations.
 */
export async function collectPages<T>(
  load: (position: PagePosition) => Promise<{ value: T[]; link: string | null }>,
  maxPages = 10,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = []
  let position: PagePosition = { page: 1, perPage: MAX_PAGE_SIZE }
  for (let count = 0; count < maxPages; count++) {
    const { value, link } = await load(position)
    items.push(...value)
    const cursor = nextCursor(link, position)
    if (cursor === null) return { items, complete: true }
    position = positionOf(cursor)
  }
  return { items, complete: false }
}
