/**
 * The release source store this tab uses: over the same database as the connection store (the
 * demo database in demo mode, so simulated sources never mix with real ones), opened on first use.
 * It follows `selectDatabase` rather than being chosen in main.tsx, so its schemas stay out of the
 * first load: only the release-source pages, which are lazy, import this module.
 */
import { openReleaseSourceStore, type ReleaseSourceStore } from '@/storage/release-source-store.ts'
import { selectedDatabaseName } from './connection-store.ts'

let current: { databaseName: string; store: ReleaseSourceStore } | null = null

export function releaseSourceStore(): ReleaseSourceStore {
  const databaseName = selectedDatabaseName()
  if (current?.databaseName !== databaseName) {
    current?.store.close()
    current = { databaseName, store: openReleaseSourceStore(databaseName) }
  }
  return current.store
}
