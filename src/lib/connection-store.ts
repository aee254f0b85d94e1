/**
 * The connection store this tab uses: chosen once at start (the demo database in demo mode) and
 * shared by every hook. Only lib/ reaches storage; components call the hooks. Every write through
 * it is announced to the other open tabs (tab-channel.ts).
 */
import { openConnectionStore, type ConnectionStore } from '@/storage/connection-store.ts'
import { announceChange, joinTabChannel } from './tab-channel.ts'

let current: ConnectionStore | null = null
let currentName: string | null = null

export function selectDatabase(databaseName: string): ConnectionStore {
  current?.close()
  joinTabChannel(databaseName)
  current = announcing(openConnectionStore(databaseName))
  currentName = databaseName
  return current
}

/** `store`, telling the other tabs after each write that landed. */
function announcing(store: ConnectionStore): ConnectionStore {
  const saved = (connectionId: string) => announceChange({ kind: 'connection-saved', connectionId })
  return {
    ...store,
    async save(record, secret, options) {
      const written = await store.save(record, secret, options)
      saved(written.id)
      return written
    },
    async update(id, change) {
      const written = await store.update(id, change)
      if (written) saved(id)
      return written
    },
    async remove(id) {
      await store.remove(id)
      announceChange({ kind: 'connection-removed', connectionId: id })
    },
    async writeSecret(id, secret) {
      await store.writeSecret(id, secret)
      saved(id)
    },
    async removeSecret(id) {
      await store.removeSecret(id)
      saved(id)
    },
    async clearSecrets() {
      await store.clearSecrets()
      announceChange({ kind: 'tokens-cleared' })
    },
  }
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
