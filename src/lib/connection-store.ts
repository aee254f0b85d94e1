/**
 * The connection store this tab uses: chosen once at start (the demo database in demo mode) and
 * shared by every hook. Only lib/ reaches storage; components call the hooks.
 */
import { openConnectionStore, type ConnectionStore } from '@/storage/connection-store.ts'

let current: ConnectionStore | null = null
let currentName: string | null = null

export function selectDatabase(databaseName: string): ConnectionStore {
  current?.close()
  current = openConnectionStore(databaseName)
  currentName = databaseName
  return current
}

/** The database chosen at start; the other stores (release sources) open the same one. */
export function selectedDatabaseName(): string {
  if (currentName === null) throw new Error('The database is chosen at start-up, before rendering.')
  return currentName
}

export function connectionStore(): ConnectionStore {
  if (!current) throw new Error('The connection store is opened at start-up, before rendering.')
  return current
}
