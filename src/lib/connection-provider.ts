/**
 * The adapter behind a stored connection: built from its record and its token, kept while the
 * record is unchanged (so GitHub's ETag cache lives across pages), rebuilt after an edit, and
 * dropped when the connection is deleted. The token goes from storage to the adapter and nowhere
 * else: not into a query key, a store or an error.
 *
 * A 401 from any call marks the stored connection "refused", so every page and the connections
 * list say "needs token" and the refused token is not sent again until a new one is entered. Each
 * refusal is announced once, here, to whoever listens (query-client.ts refreshes the connections
 * list), whatever made the call: a page's query, Trigger Build, Re-provision, a delete, a check. A
 * signed-in token is first refreshed (before it expires, and once on a 401): only when that fails
 * is it refused, and the person is asked to sign in again.
 */
import { isProviderError, ProviderError } from '@/providers/errors.ts'
import type { GitProvider } from '@/providers/types.ts'
import { targetOf, type ConnectionRecord, type SecretRecord } from '@/storage/schema.ts'
import { connectionStore } from './connection-store.ts'
import { canRefresh, refreshDue, refreshToken } from './oauth/token-refresh.ts'
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
  const { record, secret } = stored.secret ? await fresh(stored.record, stored.secret) : stored
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
  const refreshable = canRefresh(record, secret)
  const token = secret?.token ?? ''
  const hints = record.apiVersion ? { apiVersion: record.apiVersion } : undefined
  const provider = providerFor(targetOf(record), { token }, hints).then((built) =>
    watchForRefusal(built, { connectionId, version, token, refreshable }),
  )
  adapters.set(connectionId, { version, provider })
  // A failed build (a chunk that did not load) must not stay cached.
  provider.catch(() => adapters.delete(connectionId))
  return provider
}

/**
 * The record and token to use now: a signed-in token about to expire is refreshed first. When the
 * refresh is refused the connection is marked refused ("Sign in again"); when the token endpoint
 * is out of reach, a token that has not yet expired is still used.
 */
async function fresh(
  record: ConnectionRecord,
  secret: SecretRecord,
): Promise<{ record: ConnectionRecord; secret: SecretRecord }> {
  if (record.verification === 'refused' || !refreshDue(secret)) return { record, secret }
  const refreshed = await refreshToken(record.id, secret.token)
  if (refreshed.ok) return refreshed
  if (refreshed.permanent) {
    await markRefused(record.id, record.updatedAt)
    // As a 401 would: whatever shows connections learns it is refused (query-client.ts).
    throw new ProviderError(
      'unauthorized',
      `The sign-in has expired and could not be renewed (${refreshed.message}). Sign in again.`,
    )
  }
  if (secret.expiresAt && Date.parse(secret.expiresAt) > Date.now()) return { record, secret }
  throw new ProviderError(
    'network',
    `The token expired and could not be renewed: ${refreshed.message} Try again in a moment.`,
    { networkCause: 'unreachable' },
  )
}

/** Forget the adapter of a deleted or re-authorized connection. */
export function forgetProvider(connectionId: string): void {
  adapters.delete(connectionId)
}

/** Forget every adapter, and the tokens they hold, after all tokens were removed from storage. */
export function forgetAllProviders(): void {
  adapters.clear()
}

interface Watch {
  connectionId: string
  /** The record's updatedAt when the adapter was built. */
  version: string
  token: string
  /** A signed-in token with a refresh token: a 401 is answered with one refresh and a retry. */
  refreshable: boolean
}

/** Tokens that came from a refresh after a 401: a 401 to one of them is final. */
const refreshedAfterRefusal = new Set<string>()

/**
 * The adapter, with every call watched for a 401. The refusal is stored before the error reaches
 * the caller, so whatever the caller refreshes next already reads "refused".
 */
function watchForRefusal(provider: GitProvider, watch: Watch): GitProvider {
  return new Proxy(provider, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver)
      if (typeof value !== 'function') return value
      // Every method of GitProvider is async, so the wrapper can be too.
      return async (...args: unknown[]): Promise<unknown> => {
        try {
          return (await Reflect.apply(value, target, args)) as unknown
        } catch (error) {
          if (!isProviderError(error) || error.kind !== 'unauthorized') throw error
          const retry = await retryWithRefreshedToken(watch)
          if (!retry) throw error
          const method: unknown = Reflect.get(retry, key)
          if (typeof method !== 'function') throw error
          return (await Reflect.apply(method, retry, args)) as unknown
        }
      }
    },
  })
}

/**
 * After a 401: the adapter of a refreshed token to retry with, or null once the connection is
 * marked refused (no refresh token, refresh refused, or the refreshed token refused as well).
 */
async function retryWithRefreshedToken(watch: Watch): Promise<GitProvider | null> {
  const { connectionId, version, token, refreshable } = watch
  if (refreshable && !refreshedAfterRefusal.has(token)) {
    const refreshed = await refreshToken(connectionId, token)
    if (refreshed.ok) {
      refreshedAfterRefusal.add(refreshed.secret.token)
      adapters.delete(connectionId)
      return providerForConnection(connectionId)
    }
    if (!refreshed.permanent) return null
  }
  await markRefused(connectionId, version)
  return null
}

type RefusalListener = (connectionId: string) => void
const refusalListeners = new Set<RefusalListener>()

/**
 * Calls `listener` each time a connection is newly marked refused, before the refused call's
 * error reaches its caller. Returns the function that stops it.
 */
export function onConnectionRefused(listener: RefusalListener): () => void {
  refusalListeners.add(listener)
  return () => {
    refusalListeners.delete(listener)
  }
}

/**
 * Marks the connection refused, unless it changed since the adapter was built (a token re-entered
 * while an old request was in flight must not be marked refused by that request's answer).
 */
async function markRefused(connectionId: string, version: string): Promise<void> {
  adapters.delete(connectionId)
  let written: ConnectionRecord | undefined
  try {
    // Read and written in one transaction: a token re-entered in another tab meanwhile wins.
    written = await connectionStore().update(connectionId, (current) =>
      current.updatedAt !== version || current.verification === 'refused'
        ? undefined
        : { ...current, verification: 'refused', updatedAt: new Date().toISOString() },
    )
  } catch {
    // Storage trouble is reported where the list is read; the 401 itself still reaches the page.
  }
  // Only the call that wrote it announces it: many calls refused at once refresh the screen once.
  if (written) for (const listener of refusalListeners) listener(connectionId)
}
