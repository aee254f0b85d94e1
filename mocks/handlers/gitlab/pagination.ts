/** Pagination (https://docs.gitlab.com/api/rest/#pagination) */
import { json } from './context.ts'

/** GitLab leaves out x-total, x-total-pages and rel="last" above this many rows. */
const COUNT_LIMIT = 10_000

/**
 * Offset pagination over `count` rows: where the requested page starts and GitLab's headers for
 * it. `withTotal: false` is the commits endpoint, which never counts.
 */
export function pagination(url: URL, count: number, { withTotal = true } = {}) {
  const perPageParam = Number(url.searchParams.get('per_page') ?? 20)
  const pageParam = Number(url.searchParams.get('page') ?? 1)
  const perPage =
    Number.isInteger(perPageParam) && perPageParam > 0 ? Math.min(perPageParam, 100) : 20
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1
  const totalPages = Math.max(1, Math.ceil(count / perPage))
  const hasNext = page * perPage < count
  const counted = withTotal && count <= COUNT_LIMIT

  const linkTo = (target: number) => {
    const link = new URL(url)
    link.searchParams.set('page', String(target))
    link.searchParams.set('per_page', String(perPage))
    return link.toString()
  }
  const links: string[] = []
  if (page > 1) links.push(`<${linkTo(page - 1)}>; rel="prev"`)
  if (hasNext) links.push(`<${linkTo(page + 1)}>; rel="next"`)
  links.push(`<${linkTo(1)}>; rel="first"`)
  if (counted) links.push(`<${linkTo(totalPages)}>; rel="last"`)

  const headers = new Headers({
    link: links.join(', '),
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': hasNext ? String(page + 1) : '',
    'x-prev-page': page > 1 ? String(page - 1) : '',
  })
  if (counted) {
    headers.set('x-total', String(count))
    headers.set('x-total-pages', String(totalPages))
  }
  return { offset: (page - 1) * perPage, perPage, headers }
}

export function pageOf<T>(request: Request, url: URL, rows: T[], shape: (row: T) => unknown) {
  const { offset, perPage, headers } = pagination(url, rows.length)
  return json(request, rows.slice(offset, offset + perPage).map(shape), { headers })
}
