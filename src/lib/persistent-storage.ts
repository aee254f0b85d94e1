/**
 * Whether the browser keeps this site's data until the person clears it ("persistent"), or may
 * clear it by itself when space runs low ("best effort"), and asking for the first. Asked once a
 * token is remembered on this browser: that is when losing the data would cost something.
 *
 * `navigator.storage.persist()` may prompt (Firefox) or decide silently (Chromium, from how the
 * site is used): it is asked at most once per page, and a refusal is shown, not retried.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'

export type StoragePersistence = 'persistent' | 'best-effort'

/** navigator.storage where the browser has it (secure contexts only). */
function storageManager(): StorageManager | undefined {
  return 'storage' in navigator ? navigator.storage : undefined
}

/** What the browser says now; best effort where it cannot say (that is what it then gives). */
export async function currentPersistence(): Promise<StoragePersistence> {
  try {
    const manager = storageManager()
    if (!manager || typeof manager.persisted !== 'function') return 'best-effort'
    return (await manager.persisted()) ? 'persistent' : 'best-effort'
  } catch {
    return 'best-effort'
  }
}

let asked: Promise<StoragePersistence> | null = null

/** Asks for persistent storage, once per page; resolves with what the browser granted. */
export function requestPersistence(): Promise<StoragePersistence> {
  asked ??= (async () => {
    if ((await currentPersistence()) === 'persistent') return 'persistent'
    try {
      const manager = storageManager()
      if (!manager || typeof manager.persist !== 'function') return 'best-effort'
      return (await manager.persist()) ? 'persistent' : 'best-effort'
    } catch {
      return 'best-effort'
    }
  })()
  return asked
}

/** For tests: forget that this page has asked. */
export function resetPersistenceRequest(): void {
  asked = null
}

const persistenceKey = ['storage-persistence'] as const

export function persistenceQuery() {
  return queryOptions({
    queryKey: persistenceKey,
    queryFn: currentPersistence,
    // It changes when we ask (the answer is set below) or in the site's settings (a reload reads it).
    staleTime: Infinity,
    networkMode: 'always',
  })
}

/** Asks (once per page) and puts the answer where the page reads it. */
export async function askForPersistence(queryClient: QueryClient): Promise<StoragePersistence> {
  const granted = await requestPersistence()
  queryClient.setQueryData(persistenceKey, granted)
  return granted
}
