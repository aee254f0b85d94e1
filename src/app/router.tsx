import { createBrowserRouter, Navigate, useLocation } from 'react-router'
import { Layout } from './layout.tsx'
import { ConnectionsPage } from './routes/connections-page.tsx'
import { NotFoundPage } from './routes/not-found-page.tsx'

export function createRouter() {
  return createBrowserRouter(
    [
      {
        element: <Layout />,
        children: [
          { index: true, element: <ToConnections /> },
          { path: 'connections', element: <ConnectionsPage /> },
          {
            path: 'connections/:connectionId/repositories',
            // Each browsing page is its own chunk: the first load stays the connections list.
            lazy: () =>
              import('./routes/repositories-page.tsx').then((m) => ({
                Component: m.RepositoriesPage,
              })),
          },
          {
            // A splat: GitHub and Bitbucket ids are `owner/name`, and names can nest deeper.
            path: 'connections/:connectionId/repositories/*',
            lazy: () =>
              import('./routes/repository-page.tsx').then((m) => ({ Component: m.RepositoryPage })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
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
