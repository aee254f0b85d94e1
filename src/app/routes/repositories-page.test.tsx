// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core'
import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { RepositoriesPage } from './repositories-page.tsx'
import { selectDatabase } from '@/lib/connection-store.ts'
import { createQueryClient } from '@/lib/query-client.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'

/** A repository as GET /user/repos sends it, cut to what the adapter reads. */
function repository(id: number, name: string) {
  return {
    id,
    name,
    full_name: `octocat/${name}`,
    owner: { login: 'octocat' },
    private: false,
    description: null,
    fork: false,
    html_url: `https://github.com/octocat/${name}`,
  }
}

async function showRepositories(answer: unknown[]) {
  selectDatabase(`test-${crypto.randomUUID()}`)
  const record = await storedConnection()
  server.use(http.get('https://api.github.com/user/repos', () => HttpResponse.json(answer)))
  const router = createMemoryRouter(
    [{ path: '/connections/:connectionId', element: <RepositoriesPage /> }],
    { initialEntries: [`/connections/${record.id}`] },
  )
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({ queries: { retry: false } })
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  )
}

describe('repositories the provider sent in a shape the app cannot read', () => {
  it('lists the others and says how many were left out', async () => {
    await showRepositories([
      repository(1, 'hello-world'),
      { ...repository(2, 'broken'), full_name: null },
      { id: 3 },
    ])
    // The list shows (its rows are virtualized, and jsdom lays nothing out).
    expect(
      await screen.findByTestId('repository-scroller', {}, { timeout: 8_000 }),
    ).toBeInTheDocument()
    expect(await screen.findByRole('status', {}, { timeout: 8_000 })).toHaveTextContent(
      '2 repositories could not be shown',
    )
  })

  it('says "1 repository" for one, even when it was the only one', async () => {
    await showRepositories([{ id: 3 }])
    expect(await screen.findByRole('status', {}, { timeout: 8_000 })).toHaveTextContent(
      '1 repository could not be shown',
    )
  })

  it('says nothing when every repository could be read', async () => {
    await showRepositories([repository(1, 'hello-world')])
    expect(
      await screen.findByTestId('repository-scroller', {}, { timeout: 8_000 }),
    ).toBeInTheDocument()
    expect(screen.queryByText(/could not be shown/)).toBeNull()
  })
})
