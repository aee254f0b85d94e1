/**
 * Export and import of connection definitions, for the features layer: what the buttons on
 * Manage Connections call. Only lazy chunks import this (the import dialog, the export click), so
 * the transfer checks stay out of the first load.
 */
import {
  type ConnectionTransfer,
  exportEnvelope,
  exportFileName,
  type ImportOutcome,
  type ImportPlan,
  MAX_TRANSFER_BYTES,
  openConnectionTransfer,
  planImport,
  readTransferFile,
} from '@/storage/connection-transfer.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { connectionStore, selectedDatabaseName } from './connection-store.ts'
import { announceChange } from './tab-channel.ts'

export interface ExportFile {
  fileName: string
  /** The file's text: definitions only, never a token. */
  text: string
  count: number
}

/**
 * Every readable stored connection as an export file. Damaged (quarantined) records are left
 * out: they are reported on the page, and exporting them would spread what failed validation.
 */
export async function exportConnections(now = new Date()): Promise<ExportFile> {
  const { connections } = await connectionStore().list()
  const envelope = exportEnvelope(
    connections.map((stored) => stored.record),
    now,
  )
  return {
    fileName: exportFileName(now),
    text: `${JSON.stringify(envelope, null, 2)}\n`,
    count: envelope.connections.length,
  }
}

export type ImportCheck =
  { ok: true; records: ConnectionRecord[]; plan: ImportPlan } | { ok: false; reason: string }

/** Reads a chosen file and says what importing it would do, or why it is refused. */
export async function checkImportFile(file: File): Promise<ImportCheck> {
  // Checked before reading: a large file is not read into memory at all.
  if (file.size > MAX_TRANSFER_BYTES) {
    return {
      ok: false,
      reason: `The file is larger than ${MAX_TRANSFER_BYTES / 1024 / 1024} MB: it is not a connections export.`,
    }
  }
  let text: string
  try {
    text = await file.text()
  } catch {
    return { ok: false, reason: 'The file could not be read.' }
  }
  const checked = readTransferFile(text, new Date().toISOString())
  if (!checked.ok) return checked
  const { connections, quarantined } = await connectionStore().list()
  const existing = [
    ...connections.map(({ record }) => ({ id: record.id, record })),
    ...quarantined.map(({ key }) => ({ id: key, record: null })),
  ]
  return { ok: true, records: checked.records, plan: planImport(checked.records, existing) }
}

let current: { databaseName: string; transfer: ConnectionTransfer } | null = null

function transfer(): ConnectionTransfer {
  const databaseName = selectedDatabaseName()
  if (current?.databaseName !== databaseName) {
    current?.transfer.close()
    current = { databaseName, transfer: openConnectionTransfer(databaseName) }
  }
  return current.transfer
}

/**
 * Writes the new connections of a checked file in one transaction (duplicates are checked again
 * there and skipped); nothing is written when it fails. Rejects with StorageError only.
 */
export async function importConnections(
  records: readonly ConnectionRecord[],
): Promise<ImportOutcome> {
  const outcome = await transfer().importRecords(records)
  if (outcome.fresh.length > 0) announceChange({ kind: 'connections-added' })
  return outcome
}
