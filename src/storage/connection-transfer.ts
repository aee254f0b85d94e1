/**
 * Connection definitions in and out of this browser, without secrets: the export file's shape,
 * the checks an import file must pass, and the one transaction that writes an import.
 *
 * An export holds what a person would type again to recreate a connection (id, name, type, where
 * it points, username, how it signs in, how long its token is kept) and nothing a token proved.
 * Left out on purpose:
 * - the token, its refresh token and anything else in the `secrets` store;
 * - the account, scopes, expiry, notices and verification state. They describe what a token the
 *   file does not carry was allowed to do; brought back without it they would claim a check that
 *   did not happen here (a Bitbucket username "matched" the account, say). They are also personal
 *   data (emails, avatars) that a file handed around a team has no need for. The token entered
 *   after import checks everything again.
 * So every imported connection "needs token" until its token is entered, like one whose token the
 * browser cleared.
 *
 * An import is all or nothing: the whole file is checked before anything is written, a refusal
 * says which connection and which field, and the new records land in one transaction that checks
 * for duplicates again (another tab may have imported the same file meanwhile).
 */
// zod/mini, as in schema.ts: its errors are the core `$ZodError`s that describeIssues reads.
import { z } from 'zod/mini'
import { guessTokenProvider, TOKEN_FAMILY_LABELS } from '../providers/token-formats.ts'
import type { ProviderTarget } from '../providers/types.ts'
import { CONNECTIONS_STORE, lazyDatabase, runTransaction } from './database.ts'
import { decodeConnection, describeIssues, keyText } from './decode.ts'
import { guard, StorageError, toStorageError } from './errors.ts'
import {
  CONNECTION_SCHEMA_VERSION,
  type ConnectionRecord,
  connectionRecordSchema,
  hasVisibleCharacter,
  notChecked,
  providerTargetSchema,
  targetOf,
} from './schema.ts'

export const TRANSFER_FORMAT = 'git-connector/connections'
/** The envelope version this code writes and reads. */
export const TRANSFER_VERSION = 1
/** An export of 500 connections is about 150 kB; a file ten times that is not an export of ours. */
export const MAX_TRANSFER_BYTES = 1024 * 1024
export const MAX_TRANSFER_CONNECTIONS = 500

/** The record fields an export carries besides the target (the target's own come from its type). */
const DEFINITION_FIELDS = [
  'id',
  'name',
  'username',
  'authMethod',
  'tokenLifetime',
  'oauthClientId',
] as const satisfies readonly (keyof ConnectionRecord)[]

type DefinitionField = (typeof DEFINITION_FIELDS)[number]

/** One connection as an export file holds it: no secret, nothing a token proved. */
export type ConnectionDefinition = Pick<ConnectionRecord, DefinitionField> & ProviderTarget

export interface TransferEnvelope {
  format: typeof TRANSFER_FORMAT
  version: typeof TRANSFER_VERSION
  exportedAt: string
  connections: ConnectionDefinition[]
}

/** The secret-free definition of a stored connection. */
export function definitionOf(record: ConnectionRecord): ConnectionDefinition {
  const source: Readonly<Record<string, unknown>> = record
  const common: Record<string, unknown> = {}
  for (const key of DEFINITION_FIELDS) {
    if (source[key] !== undefined) common[key] = source[key]
  }
  // Sound: DEFINITION_FIELDS are keys of the record, copied with their values.
  return { ...(common as Pick<ConnectionRecord, DefinitionField>), ...targetOf(record) }
}

export function exportEnvelope(
  records: readonly ConnectionRecord[],
  exportedAt: Date,
): TransferEnvelope {
  return {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: exportedAt.toISOString(),
    connections: records.map(definitionOf),
  }
}

/** `git-connector-connections-YYYY-MM-DD.json`, the date as the person's calendar has it. */
export function exportFileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return `git-connector-connections-${day}.json`
}

/**
 * A new stored record for a definition: no token yet ("needs token"), not verified, no account.
 * Throws nothing; the caller validates the result (definitions from files are unchecked).
 */
export function recordFromDefinition(
  definition: Readonly<Record<string, unknown>>,
  target: ProviderTarget,
  now: string,
): Record<string, unknown> {
  const common: Record<string, unknown> = {}
  for (const key of DEFINITION_FIELDS) {
    if (definition[key] !== undefined) common[key] = definition[key]
  }
  return {
    ...common,
    ...target,
    schemaVersion: CONNECTION_SCHEMA_VERSION,
    ...notChecked(),
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * What makes two connections the same one, apart from their id: the same type, the same target
 * fields and the same name (ignoring case and surrounding spaces). The name is part of it because
 * two connections to the same provider are normal (a work and a personal GitHub account); the
 * target is, because the same name on two servers is two connections. Preset ids are derived from
 * this too, so a preset and an export of it meet as duplicates.
 */
export function connectionIdentity(target: ProviderTarget, name: string): string {
  const fields = Object.entries(target as Readonly<Record<string, unknown>>)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify([fields, nameKey(name)])
}

/** Names as connectionIdentity compares them. */
function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en')
}

function identityOf(record: ConnectionRecord): string {
  return connectionIdentity(targetOf(record), record.name)
}

export type TransferCheck =
  | { ok: true; records: ConnectionRecord[]; exportedAt: string | null }
  | { ok: false; reason: string }

function refused(reason: string): { ok: false; reason: string } {
  return { ok: false, reason }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Field names that hold a secret. Fields of ours that merely mention a token (`tokenLifetime`,
 * `tokenExpiresAt`) or a credential (`credentialKind`) are not secrets.
 */
const SECRET_NAME =
  /token|secret|passw|pwd|credential|authori[sz]ation|bearer|api_?key|private_?key|cookie/i
const NOT_SECRET = new Set(['tokenLifetime', 'tokenExpiresAt', 'credentialKind'])

/**
 * How deep a file may nest. An export is three levels deep (envelope, list, connection); a file
 * nested further is not ours, and one nested 150,000 deep once overflowed a recursive scan.
 */
export const MAX_TRANSFER_DEPTH = 32

/** Said when a file nests deeper than MAX_TRANSFER_DEPTH, without a value from it. */
export const TOO_DEEP = `The file nests values more than ${MAX_TRANSFER_DEPTH} levels deep: it is not a connections export.`

/** What secretIn found: a secret (as a sentence), nesting too deep, or nothing. */
type Scan = { secret: string } | { tooDeep: true } | null

/**
 * The first place in `value` that holds or names a secret, in document order. A walk with its
 * own stack, not recursion: no file, however deep, can exhaust the call stack; past
 * MAX_TRANSFER_DEPTH it stops and says so.
 */
function secretIn(value: unknown, path: string, depth = 0): Scan {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path, depth }]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const found = secretAt(next.value, next.path)
    if (found) return { secret: found }
    const children = childrenOf(next.value, next.path)
    if (children.length > 0 && next.depth >= MAX_TRANSFER_DEPTH) return { tooDeep: true }
    // Reversed onto the stack, so that the first child is looked at first.
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]
      if (child) stack.push({ ...child, depth: next.depth + 1 })
    }
  }
  return null
}

/** A secret at this very place: a value shaped like a token, or a key that names a secret. */
function secretAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') {
    const family = guessTokenProvider(value)
    return family ? `the value of “${path}” looks like ${TOKEN_FAMILY_LABELS[family]}` : null
  }
  if (!isPlainObject(value)) return null
  for (const key of Object.keys(value)) {
    const where = path === '' ? key : `${path}.${key}`
    if (SECRET_NAME.test(key) && !NOT_SECRET.has(key)) return `the field “${where}” holds a secret`
  }
  return null
}

function childrenOf(value: unknown, path: string): { value: unknown; path: string }[] {
  const at = (key: string) => (path === '' ? key : `${path}.${key}`)
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => ({ value: item, path: `${path}.${index}` }))
  }
  if (!isPlainObject(value)) return []
  return Object.entries(value).map(([key, field]) => ({ value: field, path: at(key) }))
}

/** A scan's finding as the end of a refusal, or null when the value is clean. */
function scanReason(scan: Scan): string | null {
  if (scan === null) return null
  return 'secret' in scan ? `${scan.secret}. Exports never hold tokens.` : TOO_DEEP
}

/** "Connection 3 (“Work GitHub”)", numbered from 1, the name clipped for a one-line reason. */
function connectionLabel(index: number, entry: unknown): string {
  const name = isPlainObject(entry) && typeof entry.name === 'string' ? entry.name.trim() : ''
  if (!hasVisibleCharacter(name)) return `Connection ${index + 1}`
  const clipped = name.length > 60 ? `${name.slice(0, 59)}…` : name
  return `Connection ${index + 1} (“${clipped}”)`
}

/** One entry of the file as a new stored record, or what is wrong with it. */
function checkEntry(
  entry: unknown,
  now: string,
): { ok: true; record: ConnectionRecord } | { ok: false; reason: string } {
  if (!isPlainObject(entry)) return refused('is not an object')
  const target = providerTargetSchema.safeParse(entry)
  if (!target.success) return refused(describeIssues(target.error))
  // The target schema drops what is not its type's; whatever is left over is not ours.
  const known = new Set<string>([...DEFINITION_FIELDS, ...Object.keys(target.data)])
  const unknown = Object.keys(entry).filter((key) => !known.has(key))
  if (unknown.length > 0) {
    return refused(`${unknown.map((key) => `“${key}”`).join(', ')}: not a field of an export`)
  }
  const parsed = connectionRecordSchema.safeParse(recordFromDefinition(entry, target.data, now))
  if (!parsed.success) return refused(describeIssues(parsed.error))
  // The form's Name rule: a name of zero-width spaces or bidi marks would list as nothing.
  if (!hasVisibleCharacter(parsed.data.name)) {
    return refused('name: has no visible character (only spaces or invisible characters)')
  }
  return { ok: true, record: parsed.data }
}

/**
 * Checks an export file's text and turns its connections into new stored records (not verified,
 * no account, `now` as their creation time). Refuses the whole file at its first problem, with a
 * reason that names the connection and the field; reasons never quote a value from the file
 * except a connection's name.
 */
export function readTransferFile(text: string, now: string): TransferCheck {
  if (text.length > MAX_TRANSFER_BYTES) {
    return refused(
      `The file is larger than ${MAX_TRANSFER_BYTES / 1024 / 1024} MB: it is not a connections export.`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // JSON.parse's own message quotes the text around the error: it is not repeated here.
    return refused('The file is not JSON: it is not a connections export.')
  }
  if (!isPlainObject(json) || json.format !== TRANSFER_FORMAT) {
    return refused(
      `The file is not a Git Connector connections export (no “format”: “${TRANSFER_FORMAT}”).`,
    )
  }
  if (typeof json.version !== 'number' || !Number.isInteger(json.version)) {
    return refused('The file has no version number.')
  }
  if (json.version !== TRANSFER_VERSION) {
    return refused(
      json.version > TRANSFER_VERSION
        ? `The file was written by a newer version of Git Connector (export version ${json.version}; this one reads version ${TRANSFER_VERSION}).`
        : `Export version ${json.version} is not one this app reads (it reads version ${TRANSFER_VERSION}).`,
    )
  }
  const { connections, exportedAt, ...rest } = json
  const stray = secretIn(rest, '')
  if (stray && 'tooDeep' in stray) return refused(TOO_DEEP)
  if (stray) return refused(`The file is refused: ${scanReason(stray) ?? ''}`)
  const extra = Object.keys(rest).filter((key) => key !== 'format' && key !== 'version')
  if (extra.length > 0) {
    return refused(`${extra.map((key) => `“${key}”`).join(', ')}: not a field of an export.`)
  }
  if (exportedAt !== undefined && !z.iso.datetime({ offset: true }).safeParse(exportedAt).success) {
    return refused('exportedAt: not a date and time.')
  }
  if (!Array.isArray(connections)) return refused('The file has no list of connections.')
  if (connections.length > MAX_TRANSFER_CONNECTIONS) {
    return refused(
      `The file holds ${connections.length} connections; at most ${MAX_TRANSFER_CONNECTIONS} are imported at once.`,
    )
  }

  // Secrets first, in every entry: a file that carries a token is refused as such, whatever else
  // is wrong with it.
  for (const [index, entry] of connections.entries()) {
    // The list is the envelope's second level: its entries start one below.
    const scan = secretIn(entry, '', 2)
    if (scan && 'tooDeep' in scan) return refused(TOO_DEEP)
    const secret = scanReason(scan)
    if (secret) return refused(`${connectionLabel(index, entry)}: ${secret}`)
  }
  const records: ConnectionRecord[] = []
  const firstWithId = new Map<string, number>()
  for (const [index, entry] of connections.entries()) {
    const checked = checkEntry(entry, now)
    if (!checked.ok) return refused(`${connectionLabel(index, entry)}: ${checked.reason}.`)
    const earlier = firstWithId.get(checked.record.id)
    if (earlier !== undefined) {
      return refused(
        `${connectionLabel(index, entry)}: id: the same as connection ${earlier + 1}’s.`,
      )
    }
    firstWithId.set(checked.record.id, index)
    records.push(checked.record)
  }
  return { ok: true, records, exportedAt: typeof exportedAt === 'string' ? exportedAt : null }
}

export interface SkippedDuplicate {
  /** The name in the file. */
  name: string
  /** The connection already here (or earlier in the file) that it duplicates. */
  existingName: string
  why: 'same-id' | 'same-connection'
}

export interface ImportPlan {
  /** What would be added, in the file's order. */
  fresh: ConnectionRecord[]
  /** What is already here and would be skipped (never overwritten). */
  duplicates: SkippedDuplicate[]
  /**
   * New connections that share their name with one already here but point elsewhere (else they
   * would be duplicates), by the new record's id: a shared file could otherwise slip a second
   * "Acme GHES" aimed at another server next to the real one.
   */
  namesakes: Record<string, ConnectionRecord[]>
}

/** An existing connection as far as duplicates go; a damaged record still holds its id. */
export interface ExistingConnection {
  id: string
  record: ConnectionRecord | null
}

/**
 * Sorts incoming records into new ones and duplicates of `existing`: the same id (this very
 * connection, exported before) or the same connection by `connectionIdentity` (made again by hand,
 * or the same preset). Also a duplicate: the same connection twice in the file; the first counts.
 */
export function planImport(
  incoming: readonly ConnectionRecord[],
  existing: readonly ExistingConnection[],
): ImportPlan {
  const byId = new Map<string, string>()
  const byIdentity = new Map<string, string>()
  for (const { id, record } of existing) {
    byId.set(id, record?.name ?? id)
    if (record) byIdentity.set(identityOf(record), record.name)
  }
  const byName = new Map<string, ConnectionRecord[]>()
  for (const { record } of existing) {
    if (record)
      byName.set(nameKey(record.name), [...(byName.get(nameKey(record.name)) ?? []), record])
  }
  const plan: ImportPlan = { fresh: [], duplicates: [], namesakes: {} }
  for (const record of incoming) {
    const sameId = byId.get(record.id)
    const identity = identityOf(record)
    const same = byIdentity.get(identity)
    if (sameId !== undefined) {
      plan.duplicates.push({ name: record.name, existingName: sameId, why: 'same-id' })
    } else if (same !== undefined) {
      plan.duplicates.push({ name: record.name, existingName: same, why: 'same-connection' })
    } else {
      const namesakes = byName.get(nameKey(record.name))
      if (namesakes) plan.namesakes[record.id] = namesakes
      plan.fresh.push(record)
      byId.set(record.id, record.name)
      byIdentity.set(identity, record.name)
    }
  }
  return plan
}

/** What an import wrote: the plan as it stood inside the transaction. */
export type ImportOutcome = ImportPlan

export interface ConnectionTransfer {
  /**
   * Writes the records that are new, in one transaction that reads the stored connections again
   * and skips duplicates; any failure writes nothing. Rejects with StorageError only.
   */
  importRecords(records: readonly ConnectionRecord[]): Promise<ImportOutcome>
  close(): void
}

/** Every stored connection as far as duplicates go, read inside `transaction`. */
function readExisting(
  transaction: IDBTransaction,
  then: (existing: ExistingConnection[]) => void,
): void {
  const store = transaction.objectStore(CONNECTIONS_STORE)
  const keys = store.getAllKeys()
  const values = store.getAll()
  // Requests on one store complete in the order they were made: keys are there by now.
  values.onsuccess = () => {
    const raws: unknown[] = values.result
    then(
      keys.result.map((key, index) => {
        const decoded = decodeConnection(key, raws[index])
        return { id: keyText(key), record: decoded.ok ? decoded.record : null }
      }),
    )
  }
}

/** The import side of the database `databaseName`, opened on first use. */
export function openConnectionTransfer(databaseName: string): ConnectionTransfer {
  const { database, close } = lazyDatabase(databaseName)
  return {
    async importRecords(records) {
      // Validated again at the door: records reach here from the app, not only from the checker.
      for (const record of records) {
        const parsed = connectionRecordSchema.safeParse(record)
        if (!parsed.success) {
          throw new StorageError(
            'invalid-record',
            `“${record.name}” cannot be imported: ${describeIssues(parsed.error)}.`,
          )
        }
      }
      return guard('write-failed', async () => {
        const db = await database()
        const outcome: ImportOutcome = { fresh: [], duplicates: [], namesakes: {} }
        await runTransaction(db, [CONNECTIONS_STORE], 'readwrite', ({ transaction, fail }) => {
          readExisting(transaction, (existing) => {
            const plan = planImport(records, existing)
            const store = transaction.objectStore(CONNECTIONS_STORE)
            try {
              for (const record of plan.fresh) store.put(record, record.id)
            } catch (error) {
              // A put that throws (quota, a value the browser cannot clone) ends the whole import.
              fail(toStorageError(error, 'write-failed'))
              return
            }
            outcome.fresh = plan.fresh
            outcome.duplicates = plan.duplicates
            outcome.namesakes = plan.namesakes
          })
        })
        return outcome
      })
    },
    close,
  }
}
