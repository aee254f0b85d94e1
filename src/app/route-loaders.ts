/**
 * Route loaders that start a page's provider requests at the click, in parallel with the page's
 * own chunk, instead of after it has loaded and rendered. They never wait: the page renders its
 * loading state at once, and its queries pick up the requests already in flight (same keys).
 * Within a query's stale time, a prefetch sends nothing. The prefetching code is its own small
 * chunk (warmed with the pages), so the queries and adapters stay out of the first load.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunctionArgs } from 'react-router'

export const loadPrefetchers = () => import('./prefetch.ts')

export function repositoriesLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const { connectionId } = params
    if (connectionId) {
      const query = new URL(request.url).searchParams
      void loadPrefetchers().then((m) => m.prefetchRepositories(queryClient, connectionId, query))
    }
    return null
  }
}
