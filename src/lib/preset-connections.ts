/**
 * Seeds the deployment's preset connections (config.json `presets`, checked by config-presets.ts)
 * into this browser's store at start, each as a connection without a token ("needs token").
 * Loaded by main.tsx only when config.json has presets.
 *
 * A preset's id is derived from what it is (type, target, name), not drawn at random: the same
 * preset gets the same id on every load and in every browser, so reloading never duplicates it,
 * an export of it meets the preset as a duplicate, and storage can remember which presets it has
 * seeded (a deleted one stays deleted). Changing a preset's name or target in config.json makes it
 * a new preset; the old one stays as the person has it.
 */
import type { ConnectionPreset } from './config-presets.ts'
import { selectedDatabaseName } from './connection-store.ts'
import { announceChange } from './tab-channel.ts'
import { connectionIdentity, recordFromDefinition } from '@/storage/connection-transfer.ts'
import { openPresetSeeder } from '@/storage/preset-seeds.ts'
import { type ConnectionRecord, connectionRecordSchema } from '@/storage/schema.ts'

/**
 * A name-based UUID: the first 16 bytes of the SHA-256 of the preset's identity, with the version
 * (8, "custom", RFC 9562 §5.8, which names SHA-256 hashing as its example) and variant bits set,
 * so that it passes the stored record's `z.uuid()`.
 */
export async function presetId(preset: ConnectionPreset): Promise<string> {
  const identity = new TextEncoder().encode(connectionIdentity(preset.target, preset.name))
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', identity)).slice(0, 16)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The stored record of a preset: no token, not verified, a token remembered once entered. */
export async function presetRecord(
  preset: ConnectionPreset,
  now: string,
): Promise<ConnectionRecord> {
  const definition = {
    id: await presetId(preset),
    name: preset.name,
    username: preset.username,
    authMethod: 'pat',
    tokenLifetime: 'remember',
  }
  // The preset was checked when config.json was read; this only gives the record its type.
  return connectionRecordSchema.parse(recordFromDefinition(definition, preset.target, now))
}

/**
 * Stores the presets this browser has not seeded before. Resolves with a sentence for the
 * config banner when they could not be stored, null otherwise; never rejects (presets must not
 * keep the app from starting).
 */
export async function seedPresetConnections(
  presets: readonly ConnectionPreset[],
): Promise<string | null> {
  if (presets.length === 0) return null
  // crypto.subtle exists in secure contexts only (https, localhost): the ids need it.
  if (!('subtle' in crypto)) {
    return 'config.json: the preset connections were not added: the page is not served over https.'
  }
  const seeder = openPresetSeeder(selectedDatabaseName())
  try {
    const now = new Date().toISOString()
    const records = await Promise.all(presets.map((preset) => presetRecord(preset, now)))
    const stored = await seeder.seed(records)
    if (stored.length > 0) announceChange({ kind: 'connections-added' })
    return null
  } catch (error) {
    const why = error instanceof Error ? error.message : 'storage failed.'
    return `config.json: the preset connections were not added: ${why}`
  } finally {
    seeder.close()
  }
}
