/**
 * What removing a connection does to the release sources that use it: their webhooks are removed
 * from the provider (so no more webhook-triggered builds), and the sources are kept, marked
 * disconnected, with every build and release seen, to be re-attached to another connection later.
 * History is never deleted here.
 *
 * Provider failures never throw: a hook the app could not remove is reported with the provider
 * page where a person can remove it, and a sentence saying why. Storage failures do throw, and then
 * the connection must not be deleted (its sources would point at nothing).
 *
 * The connections pages load this module with `import()`: it stays out of the first load.
 */
import { providerForConnection, TokenMissingError } from '@/lib/connection-provider.ts'
import { connectionStore } from '@/lib/connection-store.ts'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { describeProviderError } from '@/lib/provider-error-message.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import { isProviderError } from '@/providers/errors.ts'
import type { GitProvider, ProviderTarget, RepoRef } from '@/providers/types.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { targetOf } from '@/storage/schema.ts'
import { webhookSettingsUrl } from './source-actions.ts'

/** A hook the app could not remove, and where a person can remove it. */
export interface RemoveByHand {
  sourceId: string
  name: string
  /** The provider page that lists the repository's webhooks; null when there is none to link. */
  url: string | null
  /** Why the app could not remove it, as a sentence. */
  reason: string
}

export interface DisconnectOutcome {
  /** The sources as they are now: disconnected, sorted by name. */
  sources: ReleaseSourceRecord[]
  /** Ids of the sources whose webhook was removed from the provider (or was already gone). */
  removed: string[]
  removeByHand: RemoveByHand[]
}

/** The readable release sources that use the connection, sorted by name. */
export function sourcesUsing(connectionId: string): Promise<ReleaseSourceRecord[]> {
  return releaseSourceStore().sourcesOfConnection(connectionId)
}

/** Whether the source may have a hook on the provider that removing its connection must remove. */
export function ownsWebhook(source: ReleaseSourceRecord): boolean {
  return (
    source.webhook.id !== null &&
    (source.webhook.state === 'provisioned' || source.webhook.state === 'missing')
  )
}

/**
 * Removes the webhooks of the connection's sources (in parallel), then marks every source of the
 * connection disconnected in one transaction. Resolves with what happened to each hook; rejects
 * only when storage fails.
 */
export async function disconnectConnection(connectionId: string): Promise<DisconnectOutcome> {
  const sources = await sourcesUsing(connectionId)
  if (sources.length === 0) return { sources: [], removed: [], removeByHand: [] }
  const attempts = await removeWebhooks(connectionId, sources.filter(ownsWebhook))
  const removed = attempts.flatMap((attempt) =>
    attempt.reason === null ? [attempt.source.id] : [],
  )
  const removeByHand = attempts.flatMap((attempt) =>
    attempt.reason === null ? [] : [byHand(attempt.source, attempt.reason)],
  )
  const updated = await releaseSourceStore().disconnect(connectionId, removed)
  // A source saved with this connection while its hooks were being removed is disconnected too,
  // with its hook still on the provider: say so rather than leave it unmentioned.
  const attempted = new Set(attempts.map((attempt) => attempt.source.id))
  for (const source of updated) {
    if (ownsWebhook(source) && !attempted.has(source.id)) {
      removeByHand.push(
        byHand(
          source,
          'The source was added while the connection was being removed, so its webhook was left in place.',
        ),
      )
    }
  }
  return { sources: updated, removed, removeByHand }
}

interface Attempt {
  source: ReleaseSourceRecord
  /** Null when the hook is gone from the provider; otherwise why it could not be removed. */
  reason: string | null
}

async function removeWebhooks(
  connectionId: string,
  sources: readonly ReleaseSourceRecord[],
): Promise<Attempt[]> {
  if (sources.length === 0) return []
  // A storage failure here rejects: nothing has been changed yet.
  const stored = await connectionStore().get(connectionId)
  if (!stored) {
    const reason =
      'The connection is no longer in this browser, so its webhooks could not be removed.'
    return sources.map((source) => ({ source, reason }))
  }
  const target = targetOf(stored.record)
  let provider: GitProvider
  try {
    provider = await providerForConnection(connectionId)
  } catch (error) {
    if (isStorageError(error)) throw error
    const reason = whyNotRemoved(error, target)
    return sources.map((source) => ({ source, reason }))
  }
  return Promise.all(
    sources.map(async (source): Promise<Attempt> => {
      const hookId = source.webhook.id
      if (hookId === null) return { source, reason: null }
      const repo = { id: source.repository.id, fullName: source.repository.fullName }
      try {
        await provider.deleteWebhook(repo, hookId)
        return { source, reason: null }
      } catch (error) {
        if (isProviderError(error) && error.kind === 'not-found') {
          return { source, reason: await unlessGone(provider, repo, hookId, target) }
        }
        return { source, reason: whyNotRemoved(error, target) }
      }
    }),
  )
}

/**
 * After a 404 on deleting: null when the hook is really gone (someone removed it: the goal is met),
 * else why that cannot be told. Providers answer 404, too, to a token that may not manage the
 * repository's webhooks (GitHub does): then the hook is still there, and listing them fails too.
 */
async function unlessGone(
  provider: GitProvider,
  repo: RepoRef,
  hookId: string,
  target: ProviderTarget,
): Promise<string | null> {
  try {
    const hooks = await provider.listWebhooks(repo)
    if (!hooks.some((hook) => hook.id === hookId)) return null
  } catch (error) {
    if (!isProviderError(error) || error.kind !== 'not-found') return whyNotRemoved(error, target)
  }
  const name = connectionTypeInfo[target.type].providerName
  return `${name} answered “not found”, as it does when the token may not manage the repository's webhooks, so the app could not make sure the webhook is gone.`
}

function whyNotRemoved(error: unknown, target: ProviderTarget): string {
  const name = connectionTypeInfo[target.type].providerName
  if (error instanceof TokenMissingError) {
    return error.reason === 'refused'
      ? `${name} refused the connection's token earlier, so the app did not use it to remove the webhook.`
      : 'The connection has no token in this browser, so its webhook could not be removed.'
  }
  if (isProviderError(error)) {
    // The 401 sentence is written for the token field; here the token is on its way out.
    if (error.kind === 'unauthorized') {
      return `${name} did not accept the connection's token (it may be expired or revoked), so the webhook could not be removed.`
    }
    return `The webhook could not be removed: ${describeProviderError(error, target)}`
  }
  return `The webhook could not be removed${error instanceof Error ? `: ${error.message}` : '.'}`
}

function byHand(source: ReleaseSourceRecord, reason: string): RemoveByHand {
  return { sourceId: source.id, name: source.name, url: webhookSettingsUrl(source), reason }
}

/** Storage's one error type, told by name: features reach storage through lib/ only. */
function isStorageError(error: unknown): boolean {
  return error instanceof Error && error.name === 'StorageError'
}
