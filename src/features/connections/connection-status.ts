import type { StoredConnection } from '@/storage/connection-store.ts'

export type ConnectionStatus = 'connected' | 'unverified' | 'needs-token' | 'refused' | 'expired'

/** The statuses in which the connection cannot be used until its token is entered again. */
export function wantsToken(status: ConnectionStatus): boolean {
  return status === 'needs-token' || status === 'refused' || status === 'expired'
}

/**
 * A connection without its token is a normal state ("needs token"), not an error: the browser
 * may have cleared it. A Custom Git remote can be public, so it may have no token at all.
 */
export function connectionStatus(stored: StoredConnection, now = Date.now()): ConnectionStatus {
  const { record, hasSecret } = stored
  if (!hasSecret && record.type !== 'custom-git') return 'needs-token'
  if (record.verification === 'refused') return 'refused'
  // A signed-in token with its application renews itself; only a failed renewal stops it.
  const renews = record.oauthClientId !== undefined
  if (!renews && record.tokenExpiresAt && Date.parse(record.tokenExpiresAt) <= now) return 'expired'
  return record.verification === 'verified' ? 'connected' : 'unverified'
}
