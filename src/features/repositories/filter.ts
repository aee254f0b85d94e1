import type { RepositoryQuery } from '@/providers/types.ts'

/** What narrows a connection's repository list; it lives in the URL, so it survives a reload. */
export interface RepositoryFilter {
  search: string
  owner: string | null
  sort: NonNullable<RepositoryQuery['sort']>
}

/** The filter a URL's query asks for (`?q=…&owner=…&sort=name`). */
export function repositoryFilterFrom(params: URLSearchParams): RepositoryFilter {
  return {
    search: params.get('q') ?? '',
    owner: params.get('owner'),
    sort: params.get('sort') === 'name' ? 'name' : 'updated',
  }
}
