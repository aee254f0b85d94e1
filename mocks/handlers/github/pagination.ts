/** GitHub's page-number pagination: `page`, `per_page` and the `Link` header. */

interface PageWindow {
  page: number
  perPage: number
}

/** `per_page` (default 30, at most 100) and `page` (from 1), read the lenient way GitHub does. */
export function pageWindow(request: Request): PageWindow {
  const query = new URL(request.url).searchParams
  const perPage = Number.parseInt(query.get('per_page') ?? '', 10)
  const page = Number.parseInt(query.get('page') ?? '', 10)
  return {
    perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 100) : 30,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  }
}

/**
 * GitHub's `Link` header, built from the request URL with `page` replaced:
 * `<…&page=2>; rel="next", <…&page=34>; rel="last"` (and `prev`/`first` after the first page).
 */
export function linkHeader(request: Request, window: PageWindow, lastPage: number): string | null {
  if (lastPage <= 1) return null
  const at = (page: number) => {
    const url = new URL(request.url)
    url.searchParams.set('page', String(page))
    return `<${url.toString()}>`
  }
  const links: string[] = []
  if (window.page > 1) links.push(`${at(Math.min(window.page - 1, lastPage))}; rel="prev"`)
  if (window.page < lastPage) links.push(`${at(window.page + 1)}; rel="next"`)
  if (window.page < lastPage) links.push(`${at(lastPage)}; rel="last"`)
  if (window.page > 1) links.push(`${at(1)}; rel="first"`)
  return links.length > 0 ? links.join(', ') : null
}

/** One page of `items`, with its Link header. */
export function paginate<T>(request: Request, items: readonly T[], limit = items.length) {
  const window = pageWindow(request)
  const available = Math.min(items.length, limit)
  const start = (window.page - 1) * window.perPage
  const slice =
    start < available ? items.slice(start, Math.min(start + window.perPage, available)) : []
  const lastPage = Math.max(1, Math.ceil(available / window.perPage))
  return { window, slice, link: linkHeader(request, window, lastPage) }
}
