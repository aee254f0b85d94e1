/**
 * The adapter behind a stored connection: built from its record and its token, kept while the
 * record is unchanged (so GitHub's ETag cache lives across pages), rebuilt after an edit, and
 * dropped when the connection is deleted. The token goes from storage to the adapter and nowhere
 * else: not into a query key, a store or an error.
 *
 * A 401 from any call marks the stored connection "refused", so every page and the connections
 * list say "needs token" and the refused token is not sent again until a new one is entered.
 */
import { isProviderError, ProviderError } from '@/providers/errors.ts'
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

/**
 * Thrown when the connection has no usable token: the browser no longer has it ('missing'), or the
 * provider refused it earlier ('refused'). The UI offers "Re-enter token"; nothing else is lost.
 */
export class TokenMissingError extends Error {
  constructor(
    readonly connectionId: string,
    readonly reason: 'missing' | 'refused' = 'missing',
  ) {
    super(
      reason === 'refused'
        ? 'The provider refused the stored token (it was revoked, expired or replaced).'
        : 'This browser no longer has the token for this connection.',
    )
    this.name = 'TokenMissingError'
  }
}

export async function providerForConnection(connectionId: string): Promise<GitProvider> {
  const cached = adapters.get(connectionId)
  // One IndexedDB transaction for the record and its token: this is on the way to every page's
  // first request.
  const stored = await connectionStore().getWithSecret(connectionId)
  if (!stored) {
    adapters.delete(connectionId)
    throw new ProviderError('not-found', 'This connection no longer exists in this browser.')
  }
  const { record, secret } = stored
  if (record.verification === 'refused') {
    adapters.delete(connectionId)
    throw new TokenMissingError(connectionId, 'refused')
  }
  if (cached && cached.version === record.updatedAt && stored.hasSecret) return cached.provider
  // A Custom Git remote may be public; every other type needs its token.
  if (!secret && record.type !== 'custom-git') {
    adapters.delete(connectionId)
    throw new TokenMissingError(connectionId)
  }
  const version = record.updatedAt
  const provider = providerFor(targetOf(record), { token: secret?.token ?? '' }).then((built) =>
    watchForRefusal(built, connectionId, version),
  )
  adapters.set(connectionId, { version, provider })
  // A failed build (a chunk that did not load) must not stay cached.
  provider.catch(() => adapters.delete(connectionId))
  return provider
}

/** Forget the adapter of a deleted or re-authorized connection. */
export function forgetProvider(connectionId: string): void {
  adapters.delete(connectionId)
}

/**
 * The adapter, with every call watched for a 401. The refusal is stored before the error reaches
 * the caller, so whatever the caller refreshes next already reads "refused".
 */
function watchForRefusal(
  provider: GitProvider,
  connectionId: string,
  version: string,
): GitProvider {
  return new Proxy(provider, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver)
      if (typeof value !== 'function') return value
      // Every method of GitProvider is async, so the wrapper can be too.
      return async (...args: unknown[]): Promise<unknown> => {
        try {
          return (await Reflect.apply(value, target, args)) as unknown
        } catch (error) {
          if (isProviderError(error) && error.kind === 'unauthorized') {
            await markRefused(connectionId, version)
          }
          throw error
        }
      }
    },
  })
}

/**
 * Marks the connection refused, unless it changed since the adapter was built (a token re-entered
 * while an old request was in flight must not be marked refused by that request's answer).
 */
async function markRefused(connectionId: string, version: string): Promise<void> {
  adapters.delete(connectionId)
  const store = connectionStore()
  try {
    const stored = await store.get(connectionId)
    if (!stored || stored.record.updatedAt !== version) return
    if (stored.record.verification === 'refused') return
    await store.save({
      ...stored.record,
      verification: 'refused',
      updatedAt: new Date().toISOString(),
    })
  } catch {
    // Storage trouble is reported where the list is read; the 401 itself still reaches the page.
  }
}
