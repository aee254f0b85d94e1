/**
 * Schema versions of stored records and the steps between them. A record read with an older
 * `schemaVersion` (none at all counts as 0) is carried forward one version at a time, then
 * validated against the current schema. A record from a newer version than this code knows is
 * left alone: an older tab must not rewrite what a newer one wrote.
 */
import { CONNECTION_SCHEMA_VERSION, SECRET_SCHEMA_VERSION } from './schema.ts'

type RawRecord = Record<string, unknown>

/** Turns a record of version n into one of version n + 1 (the runner sets `schemaVersion`). */
export type Migration = (raw: RawRecord) => RawRecord

export interface MigrationTable {
  /** The version this code writes and validates. */
  current: number
  /** `steps[n]` migrates from version n to n + 1; one for every n below `current`. */
  steps: Readonly<Partial<Record<number, Migration>>>
}

/**
 * v0, the app's first drafts, had neither `verification` nor `notices` (and no `schemaVersion`):
 * a connection had been verified when it had a `lastVerifiedAt`, and notices were not kept.
 */
const connectionV0ToV1: Migration = (raw) => ({
  ...raw,
  verification: typeof raw.lastVerifiedAt === 'string' ? 'verified' : 'unverified',
  notices: [],
})

export const connectionMigrations: MigrationTable = {
  current: CONNECTION_SCHEMA_VERSION,
  steps: { 0: connectionV0ToV1 },
}

/** Secrets have had one shape so far; a change to it adds its step here. */
export const secretMigrations: MigrationTable = {
  current: SECRET_SCHEMA_VERSION,
  steps: {},
}

export type MigrationResult =
  { ok: true; value: RawRecord; fromVersion: number } | { ok: false; reason: string }

function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Brings `raw` up to `table.current`, or says why it cannot. Never throws. */
export function migrate(raw: unknown, table: MigrationTable): MigrationResult {
  if (!isRecord(raw)) return { ok: false, reason: 'record: not an object' }
  const version = raw.schemaVersion ?? 0
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, reason: 'schemaVersion: not a version number' }
  }
  if (version > table.current) {
    return {
      ok: false,
      reason: `schemaVersion: ${version} was written by a newer version of the app (this one knows up to ${table.current})`,
    }
  }
  let value = raw
  for (let from = version; from < table.current; from += 1) {
    const step = table.steps[from]
    if (step === undefined) {
      return { ok: false, reason: `schemaVersion: no migration from version ${from}` }
    }
    try {
      value = { ...step(value), schemaVersion: from + 1 }
    } catch {
      return { ok: false, reason: `schemaVersion: migration from version ${from} failed` }
    }
  }
  return { ok: true, value, fromVersion: version }
}
