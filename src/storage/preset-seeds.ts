/**
 * Preset connections (the deployment's config.json) stored as connections without a token. Each
 * preset is seeded once per browser: the ids seeded so far are kept in the meta store, so a preset
 * the person deleted does not come back on the next load, and one they edited is left as they
 * left it. Clearing the site's data clears that memory too, and the presets come back: that is
 * what they are for.
 */
import { z } from 'zod/mini'
import { CONNECTIONS_STORE, lazyDatabase, META_STORE, runTransaction } from './database.ts'
import { describeIssues, keyText } from './decode.ts'
import { guard, StorageError, toStorageError } from './errors.ts'
import { type ConnectionRecord, connectionRecordSchema } from './schema.ts'

/** The meta store's key for the ids of the presets seeded in this browser. */
export const SEEDED_PRESETS_KEY = 'seeded-presets'

const seededPresetsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  ids: z.array(z.string()),
})

type SeededPresets = z.infer<typeof seededPresetsSchema>

/**
 * Which records to store (never seeded here, no stored connection with that id) and the seeded
 * list to write (null when it is unchanged). A damaged list reads as empty: presets still stored
 * are not stored again (their ids are taken), and the list is written whole.
 */
function planSeeds(
  records: readonly ConnectionRecord[],
  seededRaw: unknown,
  storedKeys: readonly IDBValidKey[],
): { toStore: ConnectionRecord[]; seeded: SeededPresets | null } {
  const parsed = seededPresetsSchema.safeParse(seededRaw)
  const seeded = new Set(parsed.success ? parsed.data.ids : [])
  const taken = new Set(storedKeys.map(keyText))
  const toStore: ConnectionRecord[] = []
  for (const record of records) {
    if (seeded.has(record.id)) continue
    seeded.add(record.id)
    if (taken.has(record.id)) continue
    taken.add(record.id)
    toStore.push(record)
  }
  const unchanged = parsed.success && seeded.size === parsed.data.ids.length
  return { toStore, seeded: unchanged ? null : { schemaVersion: 1, ids: [...seeded] } }
}

export interface PresetSeeder {
  /**
   * Stores each record whose id was never seeded here and is not a stored connection already, and
   * remembers every id, in one transaction. Resolves with the records it stored. Rejects with
   * StorageError only.
   */
  seed(records: readonly ConnectionRecord[]): Promise<ConnectionRecord[]>
  close(): void
}

export function openPresetSeeder(databaseName: string): PresetSeeder {
  const { database, close } = lazyDatabase(databaseName)
  return {
    async seed(records) {
      for (const record of records) {
        const parsed = connectionRecordSchema.safeParse(record)
        if (!parsed.success) {
          throw new StorageError(
            'invalid-record',
            `The preset “${record.name}” cannot be stored: ${describeIssues(parsed.error)}.`,
          )
        }
      }
      if (records.length === 0) return []
      return guard('write-failed', async () => {
        const db = await database()
        const stored: ConnectionRecord[] = []
        const stores = [CONNECTIONS_STORE, META_STORE] as const
        await runTransaction(db, stores, 'readwrite', ({ transaction, fail }) => {
          const meta = transaction.objectStore(META_STORE)
          const connections = transaction.objectStore(CONNECTIONS_STORE)
          const seededRead = meta.get(SEEDED_PRESETS_KEY)
          const keysRead = connections.getAllKeys()
          // Requests complete in order: both have their results once the second succeeds.
          keysRead.onsuccess = () => {
            const plan = planSeeds(records, seededRead.result, keysRead.result)
            try {
              for (const record of plan.toStore) connections.put(record, record.id)
              if (plan.seeded) meta.put(plan.seeded, SEEDED_PRESETS_KEY)
            } catch (error) {
              // A put that throws (quota, say) ends the whole seeding: nothing half-seeded.
              fail(toStorageError(error, 'write-failed'))
              return
            }
            stored.push(...plan.toStore)
          }
        })
        return stored
      })
    },
    close,
  }
}
