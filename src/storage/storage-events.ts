/**
 * What the storage layer tells the rest of the app about the browser's storage as a whole (as
 * opposed to one call's failure, which that call rejects with). lib/storage-status.ts listens and
 * keeps the status the layout shows; storage itself keeps no status.
 */

export type StorageEvent =
  /** The browser refused IndexedDB: this page keeps its data in memory from now on. */
  | { type: 'memory'; reason: 'unavailable' }
  /** An upgrade has waited too long on another tab that holds an older version open. */
  | { type: 'blocked' }
  /** A database opened (after being blocked, it means the other tab let go). */
  | { type: 'opened' }
  /** A write failed because the browser's storage quota for this site is used up. */
  | { type: 'quota-exceeded' }
  /** A write landed. */
  | { type: 'written' }

type Listener = (event: StorageEvent) => void

const listeners = new Set<Listener>()
/**
 * Events from before anyone listened, handed to the first listener: the order in which the app's
 * modules start must not decide whether the banner learns that storage was refused.
 */
let early: StorageEvent[] = []
const EARLY_LIMIT = 50

export function reportStorageEvent(event: StorageEvent): void {
  if (listeners.size === 0) {
    early.push(event)
    if (early.length > EARLY_LIMIT) early.shift()
    return
  }
  for (const listener of listeners) listener(event)
}

/** Calls `listener` for each event from now on (and with those nobody has heard yet). */
export function onStorageEvent(listener: Listener): () => void {
  listeners.add(listener)
  const missed = early
  early = []
  for (const event of missed) listener(event)
  return () => {
    listeners.delete(listener)
  }
}
