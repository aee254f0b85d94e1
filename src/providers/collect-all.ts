/**
 * A whole list, read page after page through an adapter's cursor, for callers that must see every
 * item (a branch picker that searches locally, "newest release", Trigger Build's exact branch). A
 * first page is never taken for the list: a repository with 121 branches has 121 in the picker.
 *
 * The read is bounded (`maxItems`): past it the result says `complete: false` and how far it got,
 * so the screen can say "only the first 10,000 were read" instead of cutting silently.
 */
import { ProviderError } from './errors.ts'
import type { Page, PageRequest } from './types.ts'

/** Enough for every real repository we know of, few enough to stay within a browser's patience. */
export const LIST_LIMIT = 10_000

const MAX_EMPTY_PAGES = 3

export interface Collected<T> {
  items: T[]
  /** False when the list goes on past `limit` (the items are its first `limit`). */
  complete: boolean
  /** The bound the read stopped at, for the sentence that says so. */
  limit: number
}

export interface CollectOptions {
  signal?: AbortSignal | undefined
  maxItems?: number
}

/**
 * Every page of `load`, following `nextCursor` until it is null. Each request asks for as many
 * items as the bound allows (`pageSize`); adapters clamp that to what their provider serves in one
 * page (100 on most APIs, 1,000 for Azure DevOps refs, all of them for a git ref advertisement).
 */
export async function collectAll<T>(
  load: (request: PageRequest) => Promise<Page<T>>,
  { signal, maxItems = LIST_LIMIT }: CollectOptions = {},
): Promise<Collected<T>> {
  const items: T[] = []
  const seen = new Set<string>()
  let cursor: string | null = null
  let empty = 0
  for (;;) {
    signal?.throwIfAborted()
    // The same size on every page: a page-number cursor (GitLab's) means other rows at another size.
    const request: PageRequest = { pageSize: maxItems }
    if (cursor !== null) request.cursor = cursor
    if (signal) request.signal = signal
    const page = await load(request)
    items.push(...page.items)
    if (page.nextCursor === null) return { items, complete: true, limit: maxItems }
    if (items.length >= maxItems) {
      return { items: items.slice(0, maxItems), complete: false, limit: maxItems }
    }
    // A provider that hands back a cursor it already gave, or only empty pages, would be read
    // forever.
    empty = page.items.length === 0 ? empty + 1 : 0
    if (seen.has(page.nextCursor) || empty > MAX_EMPTY_PAGES) {
      throw new ProviderError(
        'invalid-response',
        'The provider sent the same page of this list twice, so the list could not be read to its end. Try again later.',
      )
    }
    seen.add(page.nextCursor)
    cursor = page.nextCursor
  }
}
