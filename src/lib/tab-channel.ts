/**
 * The channel open tabs keep in step over. Every write through this tab's stores is announced
 * (`announceChange`, called by connection-store.ts and release-source-store.ts); the other tabs
 * apply it (follow-other-tabs.ts). Messages carry ids only: never a record, never a token.
 *
 * IndexedDB stays the one source of truth: a message only says "read again". A tab that misses
 * one (it was frozen, say) still reads the right data on its next read.
 */
export type StoreChange =
  /** A connection was saved: its record, its token or both. */
  | { kind: 'connection-saved'; connectionId: string }
  | { kind: 'connection-removed'; connectionId: string }
  /** Several connections at once (an import, presets). */
  | { kind: 'connections-added' }
  | { kind: 'tokens-cleared' }
  | { kind: 'release-sources-changed' }

let channel: BroadcastChannel | null = null

/** Joins the channel of the database this tab uses; demo and real tabs do not hear each other. */
export function joinTabChannel(databaseName: string): void {
  channel?.close()
  channel =
    typeof BroadcastChannel === 'undefined'
      ? null
      : new BroadcastChannel(`git-connector:changes:${databaseName}`)
}

export function announceChange(change: StoreChange): void {
  try {
    channel?.postMessage(change)
  } catch {
    // A closed channel (the page is going away): the other tabs read again on their next read.
  }
}

function isStoreChange(value: unknown): value is StoreChange {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false
  switch (value.kind) {
    case 'connection-saved':
    case 'connection-removed':
      return 'connectionId' in value && typeof value.connectionId === 'string'
    case 'connections-added':
    case 'tokens-cleared':
    case 'release-sources-changed':
      return true
    default:
      return false
  }
}

/** Calls `listener` with each change another tab announces, until the returned function is called. */
export function onOtherTabsChange(listener: (change: StoreChange) => void): () => void {
  const listening = channel
  if (!listening) return () => undefined
  const onMessage = (event: MessageEvent<unknown>) => {
    if (isStoreChange(event.data)) listener(event.data)
  }
  listening.addEventListener('message', onMessage)
  return () => listening.removeEventListener('message', onMessage)
}
