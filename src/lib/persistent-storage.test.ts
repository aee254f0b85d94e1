import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  askForPersistence,
  currentPersistence,
  persistenceQuery,
  requestPersistence,
  resetPersistenceRequest,
} from './persistent-storage.ts'

/** A navigator.storage that answers `persisted` and grants `persist` as told. */
function stubStorage({ persisted, grants }: { persisted: boolean; grants: boolean }) {
  const storage = {
    persisted: vi.fn(() => Promise.resolve(persisted)),
    persist: vi.fn(() => Promise.resolve(grants)),
  }
  vi.stubGlobal('navigator', { storage })
  return storage
}

afterEach(() => {
  vi.unstubAllGlobals()
  resetPersistenceRequest()
})

describe('persistent storage', () => {
  it('reads what the browser says now', async () => {
    stubStorage({ persisted: true, grants: false })
    expect(await currentPersistence()).toBe('persistent')
    stubStorage({ persisted: false, grants: false })
    expect(await currentPersistence()).toBe('best-effort')
  })

  it('is best effort where the browser cannot say (no StorageManager, or it throws)', async () => {
    vi.stubGlobal('navigator', {})
    expect(await currentPersistence()).toBe('best-effort')
    expect(await requestPersistence()).toBe('best-effort')
    resetPersistenceRequest()
    vi.stubGlobal('navigator', {
      storage: { persisted: () => Promise.reject(new Error('denied')) },
    })
    expect(await currentPersistence()).toBe('best-effort')
  })

  it('asks once per page and reports what was granted', async () => {
    const storage = stubStorage({ persisted: false, grants: true })
    expect(await requestPersistence()).toBe('persistent')
    expect(await requestPersistence()).toBe('persistent')
    expect(storage.persist).toHaveBeenCalledTimes(1)
  })

  it('reports a refusal, and does not ask again', async () => {
    const storage = stubStorage({ persisted: false, grants: false })
    expect(await requestPersistence()).toBe('best-effort')
    expect(await requestPersistence()).toBe('best-effort')
    expect(storage.persist).toHaveBeenCalledTimes(1)
  })

  it('does not ask when the storage is persistent already', async () => {
    const storage = stubStorage({ persisted: true, grants: false })
    expect(await requestPersistence()).toBe('persistent')
    expect(storage.persist).not.toHaveBeenCalled()
  })

  it('puts the answer where the page reads it', async () => {
    stubStorage({ persisted: false, grants: true })
    const queryClient = new QueryClient()
    expect(await queryClient.query(persistenceQuery())).toBe('best-effort')
    await askForPersistence(queryClient)
    expect(queryClient.getQueryData(persistenceQuery().queryKey)).toBe('persistent')
  })
})
