/**
 * The connection store this tab uses: chosen once at start (the demo database in demo mode) and
 * shared by every hook. Only lib/ reaches storage; components call the hooks.
 */
import { openConnectionStore, type ConnectionStore } from '@/storage/connection-store.ts'

let current: ConnectionStore | null = null

export function selectDatabase(databaseName: string): ConnectionStore {
  current?.close()
  current = openConnectionStore(databaseName)
  return current
}

export function connectionStore(): ConnectionStore {
  if (!current) throw new Error('The connection store is opened at start-up, before rendering.')
  return current
}
