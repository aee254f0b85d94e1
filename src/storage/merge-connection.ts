/**
 * Two tabs editing one connection: each save names the record it started from (`base`), and what
 * it changed is laid over what is stored now, so a change made meanwhile in another tab is kept.
 *
 * Fields merge in groups that only make sense together. The name, the username and the token
 * lifetime are each their own group. Everything else (the type, where it points, how it signs in
 * and what the provider said when checked) is one group: a target from one tab with an account
 * verified against another tab's target would be a connection nobody saved. When both tabs changed
 * the same group, the save being made now wins: it is the later, deliberate edit.
 */
import type { ConnectionRecord } from './schema.ts'

const OWN_GROUPS = [['name'], ['username'], ['tokenLifetime']] as const
/** Set by storage, not merged: the save's own `updatedAt` and `schemaVersion` are kept. */
const NOT_MERGED = new Set(['id', 'createdAt', 'updatedAt', 'schemaVersion'])
const OWN_GROUP_KEYS = new Set<string>(OWN_GROUPS.flat())

type Fields = Readonly<Record<string, unknown>>

function groupsOf(records: readonly Fields[]): string[][] {
  const rest = new Set<string>()
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!NOT_MERGED.has(key) && !OWN_GROUP_KEYS.has(key)) rest.add(key)
    }
  }
  return [...OWN_GROUPS.map((group) => [...group]), [...rest].sort()]
}

/** A group's values in a fixed key order, absent fields left out, for comparing records. */
function valuesOf(record: Fields, group: readonly string[]): string {
  return JSON.stringify(group.map((key) => [key, record[key]]).filter(([, v]) => v !== undefined))
}

/**
 * `mine` (the save being made, started from `base`) laid over `theirs` (what is stored now).
 * Groups `mine` left as they were in `base` come from `theirs`.
 */
export function mergeConnection(
  base: ConnectionRecord,
  mine: ConnectionRecord,
  theirs: ConnectionRecord,
): ConnectionRecord {
  if (theirs.updatedAt === base.updatedAt) return mine
  const baseFields: Fields = base
  const mineFields: Fields = mine
  const theirFields: Fields = theirs
  const merged: Record<string, unknown> = {
    id: mine.id,
    schemaVersion: mine.schemaVersion,
    createdAt: theirs.createdAt,
    updatedAt: mine.updatedAt,
  }
  for (const group of groupsOf([base, mine, theirs])) {
    const source =
      valuesOf(mineFields, group) === valuesOf(baseFields, group) ? theirFields : mineFields
    for (const key of group) {
      if (source[key] !== undefined) merged[key] = source[key]
    }
  }
  // Sound: every group's fields come whole from one valid record, and the groups share no field
  // that ties them (the type and its fields are in one group), so the result is a valid record.
  // The store validates it again before writing.
  return merged as ConnectionRecord
}
