// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { type StorageStatus, useStorageStatus } from '@/lib/storage-status.ts'
import { renderPage } from '../../../tests/utils/render.tsx'
import { StorageStatusBanner } from './storage-status-banner.tsx'

/** What the storage layer's events make of the status (lib/storage-status.test.ts). */
function becomes(status: StorageStatus) {
  act(() => useStorageStatus.setState({ status }))
}

describe('StorageStatusBanner', () => {
  beforeEach(() => useStorageStatus.setState({ status: { state: 'ok' } }))

  it('shows nothing while storage works', () => {
    renderPage(<StorageStatusBanner />)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })

  it('says that nothing is saved when the page keeps its data in memory', async () => {
    renderPage(<StorageStatusBanner />)
    becomes({ state: 'memory', reason: 'unavailable' })
    const banner = await screen.findByRole('status')
    expect(banner).toHaveTextContent('Nothing is saved in this browser')
    expect(banner).toHaveTextContent(/until you close or reload it/)
    expect(banner).toHaveTextContent(/Export them to a file/)
  })

  it('asks to close the other tab when blocked, retries on request and by itself once it opens', async () => {
    const { queryClient } = renderPage(<StorageStatusBanner />)
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    becomes({ state: 'blocked' })
    const banner = await screen.findByRole('alert')
    expect(banner).toHaveTextContent(/Another tab of Git Connector is open with an older version/)
    expect(banner).toHaveTextContent(/Close that tab \(or reload it\) to continue/)

    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }))
    expect(invalidate).toHaveBeenCalledTimes(1)

    becomes({ state: 'ok' })
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
    expect(invalidate).toHaveBeenCalledTimes(2)
  })

  it('says there is no space left after a write fails for quota, until closed', async () => {
    renderPage(<StorageStatusBanner />)
    becomes({ state: 'quota-exceeded' })
    const banner = await screen.findByRole('alert')
    expect(banner).toHaveTextContent(/no space left for this site/)
    expect(banner).toHaveTextContent(/none of it was written/)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
