/**
 * The Node storage: the whole state in one JSON file, written to a temporary file and renamed
 * over the old one, so a crash mid-write leaves the previous state, never half a file. Writes are
 * chained so two requests never interleave. Mode 0600: the file holds every source's secret.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { emptyState, stateStorage, type ReceiverStorage, type StoredState } from './storage.ts'

async function load(path: string): Promise<StoredState> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<StoredState>
    if (parsed.version !== 1 || !parsed.sources || !parsed.deliveries) {
      throw new Error(`${path} is not a receiver state file (version 1).`)
    }
    return parsed as StoredState
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState()
    throw error
  }
}

export async function fileStorage(path: string): Promise<ReceiverStorage> {
  const state = await load(path)
  let writing = Promise.resolve()
  return stateStorage(state, (current) => {
    const json = JSON.stringify(current)
    writing = writing.then(async () => {
      const temporary = `${path}.${String(process.pid)}.tmp`
      await writeFile(temporary, json, { mode: 0o600 })
      await rename(temporary, path)
    })
    return writing
  })
}
