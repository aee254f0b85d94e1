// @vitest-environment jsdom
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { server } from '@mocks/node'
import { useDeleteConnection } from '@/features/connections/hooks/use-delete-connection.ts'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { connectionStore, selectDatabase } from '@/lib/connection-store.ts'
import { createQueryClient } from '@/lib/query-client.ts'
import { STALE } from '@/lib/stale-times.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import { repositoryFilterFrom } from './filter.ts'
import { ownerListQuery, repositoryListQuery } from './queries.ts'

const everything = repositoryFilterFrom(new URLSearchParams())

describe('repository queries, cached per connection', () => {
  const sent: string[] = []
  const count = ({ request }: { request: Request }) => void sent.push(request.url)
  let queryClient: QueryClient

  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
    queryClient = createQueryClient()
    sent.length = 0
    server.events.on('request:start', count)
  })
  afterEach(() => {
    server.events.removeListener('request:start', count)
    queryClient.clear()
    vi.useRealTimers()
  })

  it('sends no request when a page is revisited within its stale time, and refetches after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { id } = await storedConnection()
    await queryClient.infiniteQuery(repositoryListQuery(id, everything))
    await queryClient.query(ownerListQuery(id))
    const firstVisit = sent.length
    expect(firstVisit).toBeGreaterThan(0)

    vi.setSystemTime(Date.now() + STALE.providerList - 1_000)
    await queryClient.infiniteQuery(repositoryListQuery(id, everything))
    await queryClient.query(ownerListQuery(id))
    expect(sent.length).toBe(firstVisit)

    vi.setSystemTime(Date.now() + 2_000)
    await queryClient.infiniteQuery(repositoryListQuery(id, everything))
    expect(sent.length).toBeGreaterThan(firstVisit)
  })

  it('keeps each search as its own entry: going back to an earlier search is free', async () => {
    const { id } = await storedConnection()
    const search = repositoryFilterFrom(new URLSearchParams('q=storefront'))
    await queryClient.infiniteQuery(repositoryListQuery(id, everything))
    await queryClient.infiniteQuery(repositoryListQuery(id, search))
    const afterBoth = sent.length
    await queryClient.infiniteQuery(repositoryListQuery(id, everything))
    expect(sent.length).toBe(afterBoth)
  })

  it('drops everything cached through a connection when it is deleted, and only that', async () => {
    const deleted = await storedConnection()
    const kept = await storedConnection()
    await queryClient.infiniteQuery(repositoryListQuery(deleted.id, everything))
    await queryClient.infiniteQuery(repositoryListQuery(kept.id, everything))
    const cached = (id: string) =>
      queryClient.getQueryCache().findAll({ queryKey: connectionKeys.scope(id) }).length

    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    )
    const { result } = renderHook(() => useDeleteConnection(), { wrapper })
    await act(() => result.current.mutateAsync(deleted.id))

    expect(cached(deleted.id)).toBe(0)
    expect(cached(kept.id)).toBeGreaterThan(0)
    expect(await connectionStore().get(deleted.id)).toBeUndefined()
  })
})
