/**
 * The adapter behind a stored connection: built from its record and its token, kept while the
 * record is unchanged (so GitHub's ETag cache lives across pages), rebuilt after an edit, and
 * dropped when the connection is deleted. The token goes from storage to the adapter and nowhere
 * else: not into a query key, a store or an error.
 */
import { ProviderError } from '@/providers/errors.ts'
import type { GitProvider } from '@/providers/types.ts'
import { targetOf } from '@/storage/schema.ts'
import { connectionStore } from './connection-store.ts'
import { providerFor } from './provider-for-connection.ts'

interface Entry {
  /** The record's updatedAt when the adapter was built: an edit means a new adapter. */
  version: string
  provider: Promise<GitProvider>
}

const adapters = new Map<string, Entry>()

/** Thrown when the browser no longer has the connection's token: the UI offers "Re-enter token". */
export class TokenMissingError extends Error {
  constructor(readonly connectionId: string) {
    super('This browser no longer has the token for this connection.')
    this.name = 'TokenMissingError'
  }
}

export async function providerForConnection(connectionId: string): Promise<GitProvider> {
  const store = connectionStore()
  const stored = await store.get(connectionId)
  if (!stored) {
    adapters.delete(connectionId)
    throw new ProviderError('not-found', 'This connection no longer exists in this browser.')
  }
  const { record } = stored
  const cached = adapters.get(connectionId)
  if (cached && cached.version === record.updatedAt && stored.hasSecret) return cached.provider
  const secret = await store.readSecret(connectionId)
  // A Custom Git remote may be public; every other type needs its token.
  if (!secret && record.type !== 'custom-git') {
    adapters.delete(connectionId)
    throw new TokenMissingError(connectionId)
  }
  const provider = providerFor(targetOf(record), { token: secret?.token ?? '' })
  adapters.set(connectionId, { version: record.updatedAt, provider })
  // A failed build (a chunk that did not load) must not stay cached.
  provider.catch(() => adapters.delete(connectionId))
  return provider
}

/** Forget the adapter of a deleted or re-authorized connection. */
export function forgetProvider(connectionId: string): void {
  adapters.delete(connectionId)
}
