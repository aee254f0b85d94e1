/**
 * GitLab's offset pagination (https://docs.gitlab.com/api/rest/#pagination): `page` and
 * `per_page` (at most 100) in, `Link` and `x-next-page`, `x-total`… out. The cursor we hand out is
 * the next page number as a string; callers treat it as opaque.
 */
import { skippedPart } from '../parse-items.ts'
import { ProviderError } from '../errors.ts'
import type { Page, PageRequest } from '../types.ts'

export const MAX_PER_PAGE = 100
/** When the caller gives no page size: fewer round trips than GitLab's own default of 20. */
const DEFAULT_PER_PAGE = 50

/** `page` and `per_page` for a request, from the caller's cursor and page size. */
export function pageQuery(request: PageRequest): { page: number; per_page: number } {
  const size = Math.trunc(request.pageSize ?? DEFAULT_PER_PAGE)
  return {
    page: request.cursor ? pageFromCursor(request.cursor) : 1,
    per_page: Math.min(MAX_PER_PAGE, Math.max(1, Number.isFinite(size) ? size : DEFAULT_PER_PAGE)),
  }
}

function pageFromCursor(cursor: string): number {
  if (!/^[1-9]\d{0,8}$/.test(cursor)) {
    throw new ProviderError('invalid-response', 'The page cursor was not made by this adapter.')
  }
  return Number(cursor)
}

/** The `rel="next"` target of a Link header, if any. */
function nextLink(headers: Headers): string | null {
  const link = headers.get('link')
  if (!link) return null
  for (const part of link.split(',')) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim())
    if (match && /\brel="?next"?/i.test(match[2] ?? '')) return match[1] ?? null
  }
  return null
}

/**
 * The next page number: from the Link header's `rel="next"` when it has a `page` parameter, else
 * from `x-next-page` (empty on the last page). Null when neither names one.
 */
export function nextPage(headers: Headers): number | null {
  const link = nextLink(headers)
  if (link) {
    try {
      const page = Number(new URL(link, 'https://gitlab.invalid').searchParams.get('page'))
      if (Number.isInteger(page) && page > 0) return page
    } catch {
      // An unreadable Link falls back to x-next-page.
    }
  }
  const header = Number(headers.get('x-next-page') ?? '')
  return Number.isInteger(header) && header > 0 ? header : null
}

/** `x-total`, which GitLab leaves out above 10,000 rows and on some endpoints (commits). */
export function totalCount(headers: Headers): number | null {
  const raw = headers.get('x-total')
  if (raw === null || raw.trim() === '') return null
  const total = Number(raw)
  return Number.isInteger(total) && total >= 0 ? total : null
}

/**
 * One page of a list. An empty page is always the last, whatever the headers say: GitLab has been
 * seen sending `x-next-page` past the end (gitlab-org/gitlab#471566). A page whose items were all
 * unreadable (`skipped`) was not empty.
 */
export function toPage<T>(
  items: T[],
  headers: Headers,
  { withTotal = true, skipped = 0 }: { withTotal?: boolean; skipped?: number } = {},
): Page<T> {
  const next = items.length + skipped === 0 ? null : nextPage(headers)
  return {
    items,
    nextCursor: next === null ? null : String(next),
    totalCount: withTotal ? totalCount(headers) : null,
    ...skippedPart(skipped),
  }
}
