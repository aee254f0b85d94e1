/**
 * The state of this browser's storage for the app as a whole, as the layout's banner shows it.
 * Its one home: fed by the storage layer's events (never by components polling), read with
 * `useStorageStatus`. One call's failure still reaches that call's caller; this is what stays true
 * after it.
 */
import { create } from 'zustand'
import { onStorageEvent, type StorageEvent } from '@/storage/storage-events.ts'

export type StorageStatus =
  | { state: 'ok' }
  /** The browser refused IndexedDB: everything is kept in this page's memory, nothing is saved. */
  | { state: 'memory'; reason: 'unavailable' }
  /** Another tab holds an older version open; this page waits for it (and never uses memory). */
  | { state: 'blocked' }
  /** The last write failed for lack of space; nothing of it landed. */
  | { state: 'quota-exceeded' }

const OK: StorageStatus = { state: 'ok' }

/** The status after `event`. Memory is for the rest of the page's life: nothing brings data back. */
export function nextStorageStatus(status: StorageStatus, event: StorageEvent): StorageStatus {
  if (status.state === 'memory') return status
  switch (event.type) {
    case 'memory':
      return { state: 'memory', reason: event.reason }
    case 'blocked':
      return { state: 'blocked' }
    case 'opened':
      return status.state === 'blocked' ? OK : status
    case 'quota-exceeded':
      return { state: 'quota-exceeded' }
    case 'written':
      return status.state === 'quota-exceeded' ? OK : status
  }
}

interface StorageStatusStore {
  status: StorageStatus
  /** The person closed the quota warning; a later failure shows it again. */
  dismissQuotaWarning: () => void
}

export const useStorageStatus = create<StorageStatusStore>()((set) => ({
  status: OK,
  dismissQuotaWarning: () =>
    set(({ status }) => ({ status: status.state === 'quota-exceeded' ? OK : status })),
}))

onStorageEvent((event) => {
  useStorageStatus.setState(({ status }) => ({ status: nextStorageStatus(status, event) }))
})
