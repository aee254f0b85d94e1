/**
 * The release source store this tab uses: over the same database as the connection store (the
 * demo database in demo mode, so simulated sources never mix with real ones), opened on first use.
 * It follows `selectDatabase` rather than being chosen in main.tsx, so its schemas stay out of the
 * first load: only the release-source pages, which are lazy, import this module. Its writes are
 * announced to the other open tabs, as the connection store's are.
 */
import { openReleaseSourceStore, type ReleaseSourceStore } from '@/storage/release-source-store.ts'
import { selectedDatabaseName } from './connection-store.ts'
import { announceChange } from './tab-channel.ts'

let current: { databaseName: string; store: ReleaseSourceStore } | null = null

export function releaseSourceStore(): ReleaseSourceStore {
  const databaseName = selectedDatabaseName()
  if (current?.databaseName !== databaseName) {
    current?.store.close()
    current = { databaseName, store: announcing(openReleaseSourceStore(databaseName)) }
  }
  return current.store
}

/**
 * `store`, telling the other tabs after each write that changes what they list. Seen releases are
 * not announced: they are recorded on every visit of a source's page, and change no list.
 */
function announcing(store: ReleaseSourceStore): ReleaseSourceStore {
  const changed = () => announceChange({ kind: 'release-sources-changed' })
  return {
    ...store,
    async save(record, webhookSecret) {
      await store.save(record, webhookSecret)
      changed()
    },
    async remove(id) {
      await store.remove(id)
      changed()
    },
    async addBuild(build) {
      await store.addBuild(build)
      changed()
    },
    async disconnect(connectionId, removedWebhookSourceIds) {
      const updated = await store.disconnect(connectionId, removedWebhookSourceIds)
      changed()
      return updated
    },
  }
}
