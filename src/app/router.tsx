import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, Navigate, useLocation } from 'react-router'
import { Layout } from './layout.tsx'
import { repositoriesLoader } from './route-loaders.ts'
import {
  loadReleaseSourcePage,
  loadOAuthCallbackPage,
  loadReleaseSourcesPage,
  loadRepositoriesPage,
  loadRepositoryPage,
} from './routes/lazy-pages.ts'
import { ConnectionsPage } from './routes/connections-page.tsx'
import { NotFoundPage } from './routes/not-found-page.tsx'

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(
    [
      {
        element: <Layout />,
        children: [
          { index: true, element: <ToConnections /> },
          { path: 'connections', element: <ConnectionsPage /> },
          {
            path: 'connections/:connectionId/repositories',
            // The loader starts the provider requests while the page's chunk loads.
            loader: repositoriesLoader(queryClient),
            lazy: () => loadRepositoriesPage().then((m) => ({ Component: m.RepositoriesPage })),
          },
          {
            // A splat: GitHub and Bitbucket ids are `owner/name`, and names can nest deeper.
            path: 'connections/:connectionId/repositories/*',
            lazy: () => loadRepositoryPage().then((m) => ({ Component: m.RepositoryPage })),
          },
          {
            path: 'release-sources',
            lazy: () => loadReleaseSourcesPage().then((m) => ({ Component: m.ReleaseSourcesPage })),
          },
          {
            path: 'release-sources/:sourceId',
            lazy: () => loadReleaseSourcePage().then((m) => ({ Component: m.ReleaseSourcePage })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        // Outside the layout: in the sign-in popup it shows for a moment, on its own.
        path: 'oauth/callback',
        lazy: () => loadOAuthCallbackPage().then((m) => ({ Component: m.OAuthCallbackPage })),
      },
    ],
    // Served from a sub-path as well as the root: the base is a build setting.
    { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' },
  )
}

/** The home page is the connections list; the query (e.g. `?demo`) comes along. */
function ToConnections() {
  const { search } = useLocation()
  return <Navigate to={{ pathname: '/connections', search }} replace />
}
