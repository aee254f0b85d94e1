/**
 * Reading stored values back: migrate, validate, and either hand back a typed record or say in
 * one line what is wrong with it. Nothing read from IndexedDB reaches the rest of the app without
 * passing through here.
 */
// zod/mini, as in schema.ts (mini keeps the first load small): its errors are core `$ZodError`s.
import type { z } from 'zod/mini'
import { connectionMigrations, migrate, secretMigrations } from './migrations.ts'
import {
  type ConnectionRecord,
  connectionRecordSchema,
  type SecretRecord,
  secretRecordSchema,
} from './schema.ts'

export type DecodedConnection =
  { ok: true; record: ConnectionRecord; migrated: boolean } | { ok: false; reason: string }

/** zod's issues as `path: message; path: message`. Messages name paths and rules, not values. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return `${path === '' ? 'record' : path}: ${issue.message}`
    })
    .join('; ')
}

export function decodeConnection(key: IDBValidKey, raw: unknown): DecodedConnection {
  const migrated = migrate(raw, connectionMigrations)
  if (!migrated.ok) return migrated
  const wasMigrated = migrated.fromVersion < connectionMigrations.current
  const parsed = connectionRecordSchema.safeParse(migrated.value)
  if (!parsed.success) {
    const issues = describeIssues(parsed.error)
    return {
      ok: false,
      reason: wasMigrated
        ? `after migrating from version ${migrated.fromVersion}: ${issues}`
        : issues,
    }
  }
  if (parsed.data.id !== key)
    return { ok: false, reason: 'id: differs from the key it is stored under' }
  return { ok: true, record: parsed.data, migrated: wasMigrated }
}

/** A usable secret for the connection `key`, or undefined (missing and damaged alike). */
export function decodeSecret(key: IDBValidKey, raw: unknown): SecretRecord | undefined {
  if (raw === undefined) return undefined
  const migrated = migrate(raw, secretMigrations)
  if (!migrated.ok) return undefined
  const parsed = secretRecordSchema.safeParse(migrated.value)
  if (!parsed.success || parsed.data.connectionId !== key) return undefined
  return parsed.data
}

const secretKey =
  /^(token|access_?token|refresh_?token|api_?token|id_?token|password|secret|client_?secret|authorization|pat)$/i

/**
 * A copy of a damaged record that is safe to show or export: values under secret-sounding keys
 * (the stray `token` that got the record quarantined, say) are replaced by '[redacted]'.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (typeof value !== 'object' || value === null) return value
  // Plain objects only (this test works across realms); Dates, Blobs… have nothing to redact.
  if (Object.prototype.toString.call(value) !== '[object Object]') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      secretKey.test(key) ? '[redacted]' : redactSecrets(field),
    ]),
  )
}

/** Our keys are ids (strings); anything else is shown as JSON in a quarantine report. */
export function keyText(key: IDBValidKey): string {
  return typeof key === 'string' ? key : JSON.stringify(key)
}

export function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const collator = new Intl.Collator(undefined, { sensitivity: 'accent', numeric: true })

/** How stored lists are ordered: by name (case-insensitive, in the user's locale), then by id. */
export function compareNamed(
  a: { name: string; id: string },
  b: { name: string; id: string },
): number {
  return collator.compare(a.name, b.name) || compareIds(a, b)
}
