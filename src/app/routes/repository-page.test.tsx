// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core'
import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { selectDatabase } from '@/lib/connection-store.ts'
import { paths } from '@/lib/paths.ts'
import { createQueryClient } from '@/lib/query-client.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import { RepositoryPage } from './repository-page.tsx'

const API = 'https://api.github.com/repos/octocat/hello-world'
const repo = { id: 'octocat/hello-world', fullName: 'octocat/hello-world' }

/** A commit as GET /repos/{owner}/{repo}/commits sends it, cut to what the adapter reads. */
function commit(sha: string, message: string) {
  const person = { name: 'Mona', email: 'mona@example.com', date: '2026-11-01T10:00:00Z' }
  return { sha, commit: { message, author: person, committer: person }, author: null }
}

async function showCommits(answer: unknown[]) {
  selectDatabase(`test-${crypto.randomUUID()}`)
  const record = await storedConnection()
  server.use(
    http.get(API, () =>
      HttpResponse.json({
        id: 1,
        name: 'hello-world',
        full_name: repo.fullName,
        owner: { login: 'octocat' },
        private: false,
        fork: false,
        html_url: 'https://github.com/octocat/hello-world',
        default_branch: 'main',
      }),
    ),
    http.get(`${API}/branches`, () =>
      HttpResponse.json([{ name: 'main', commit: { sha: 'a'.repeat(40) } }]),
    ),
    http.get(`${API}/commits`, () => HttpResponse.json(answer)),
  )
  const router = createMemoryRouter(
    [{ path: '/connections/:connectionId/repositories/*', element: <RepositoryPage /> }],
    { initialEntries: [paths.repository(record.id, repo, 'main')] },
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

// The page loads the connection, the repository, its branches and then the commits: slow on a busy machine.
describe('commits the provider sent in a shape the app cannot read', () => {
  it('lists the others and says how many were left out', async () => {
    await showCommits([commit('a'.repeat(40), 'Add the readme'), { sha: 5 }])
    const list = await screen.findByRole('list', { name: 'Commits' }, { timeout: 8_000 })
    expect(within(list).getAllByRole('listitem')).toHaveLength(1)
    expect(await screen.findByRole('status', {}, { timeout: 8_000 })).toHaveTextContent(
      '1 commit could not be shown',
    )
  })

  it('says so instead of "no commits" when none could be read', async () => {
    await showCommits([{ sha: 5 }, { sha: 6 }])
    expect(await screen.findByRole('status', {}, { timeout: 8_000 })).toHaveTextContent(
      '2 commits could not be shown',
    )
    expect(screen.queryByText('This branch has no commits.')).toBeNull()
  })
})
