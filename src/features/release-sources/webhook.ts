/**
 * The release webhook of a source: created on the provider when the source is created, checked
 * when the source is shown, re-created by "Re-provision", removed with the source. Each source gets
 * its own receiver address (`<webhookReceiverUrl>/<source id>`) and its own random secret, so the
 * receiver knows which source a delivery is for and can check it came from this hook.
 */
import { describeProviderError } from '@/lib/provider-error-message.ts'
import { isProviderError, type ProviderError } from '@/providers/errors.ts'
import type { GitProvider, ProviderTarget, RepoRef, Webhook } from '@/providers/types.ts'
import type { ReleaseWebhook } from '@/storage/release-source-schema.ts'
import { describeWebhookRefusal, isWebhookRefusal } from './webhook-refusal.ts'

export const noWebhook: ReleaseWebhook = {
  state: 'none',
  id: null,
  url: null,
  events: [],
  reason: null,
  checkedAt: null,
}

/** 32 random bytes, hex: what GitHub and GitLab suggest for a webhook secret. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

export function receiverAddress(receiverUrl: string, sourceId: string): string {
  return `${receiverUrl.replace(/\/+$/, '')}/${encodeURIComponent(sourceId)}`
}

interface ProvisionInput {
  provider: GitProvider
  target: ProviderTarget
  repo: RepoRef
  sourceId: string
  receiverUrl: string | null
  signal?: AbortSignal
}

export interface Provisioned {
  webhook: ReleaseWebhook
  /** The new hook's secret, to store with the source; null when no hook was created. */
  secret: string | null
}

/**
 * Creates the source's hook, or adopts one already pointing at its receiver address (a previous
 * attempt that got as far as the provider). A refusal becomes state "failed" with the provider's
 * reason in a sentence (webhook-refusal.ts says what the token lacks); it does not throw, so the
 * source is saved either way.
 */
export async function provisionWebhook(input: ProvisionInput): Promise<Provisioned> {
  const { provider, target, repo, sourceId, receiverUrl, signal } = input
  const checkedAt = new Date().toISOString()
  if (!provider.capabilities.webhooks) return { webhook: noWebhook, secret: null }
  if (receiverUrl === null) {
    return {
      webhook: {
        ...noWebhook,
        state: 'failed',
        reason:
          'This deployment has no webhook receiver: its config.json needs webhookReceiverUrl. Builds can still be triggered by hand.',
        checkedAt,
      },
      secret: null,
    }
  }
  const url = receiverAddress(receiverUrl, sourceId)
  try {
    const existing = (await provider.listWebhooks(repo, signal)).find((hook) => hook.url === url)
    // An existing hook's secret cannot be read back: replace it, so the stored secret is right.
    if (existing) {
      const kept = await replaceable(provider, repo, existing, target, checkedAt, signal)
      if (kept) return { webhook: kept, secret: null }
    }
    const secret = newWebhookSecret()
    const hook = await provider.createWebhook(repo, { url, secret }, signal)
    return { webhook: provisioned(hook, checkedAt), secret }
  } catch (error) {
    if (!isProviderError(error)) throw error
    return {
      webhook: {
        ...noWebhook,
        state: 'failed',
        url,
        reason: refusalReason(error, target, repo),
        checkedAt,
      },
      secret: null,
    }
  }
}

/**
 * Deletes the hook about to be replaced. When the provider refuses, the hook is still on the
 * repository: it is kept as the source's hook (its id, so a later removal can find it), with why
 * it could not be replaced, rather than reported as no hook at all. Null once it is gone.
 */
async function replaceable(
  provider: GitProvider,
  repo: RepoRef,
  existing: Webhook,
  target: ProviderTarget,
  checkedAt: string,
  signal: AbortSignal | undefined,
): Promise<ReleaseWebhook | null> {
  try {
    await provider.deleteWebhook(repo, existing.id, signal)
    return null
  } catch (error) {
    if (!isProviderError(error)) throw error
    // Listed a moment ago, gone now: someone removed it meanwhile, and the goal is met.
    if (error.kind === 'not-found') return null
    return {
      ...provisioned(existing, checkedAt),
      reason: `The webhook is still on the repository, and still delivers with its old secret: the app could not replace it. ${refusalReason(error, target, repo)}`,
    }
  }
}

/**
 * A refusal (403, or the 404 a provider gives for what the token may not see) names what this
 * provider asks of the token and the person; anything else gets the general sentence.
 */
function refusalReason(error: ProviderError, target: ProviderTarget, repo: RepoRef): string {
  const refusal = isWebhookRefusal(error) ? describeWebhookRefusal(error, target, repo) : null
  return refusal ?? describeProviderError(error, target)
}

/** Whether the source's hook is still on the provider: "missing" when someone removed it. */
export async function checkWebhook(
  provider: GitProvider,
  repo: RepoRef,
  webhook: ReleaseWebhook,
  signal?: AbortSignal,
): Promise<ReleaseWebhook> {
  if (webhook.state !== 'provisioned' && webhook.state !== 'missing') return webhook
  const hooks = await provider.listWebhooks(repo, signal)
  const found = hooks.find((hook) => hook.id === webhook.id)
  const checkedAt = new Date().toISOString()
  return found ? provisioned(found, checkedAt) : { ...webhook, state: 'missing', checkedAt }
}

function provisioned(hook: Webhook, checkedAt: string): ReleaseWebhook {
  return {
    state: 'provisioned',
    id: hook.id,
    url: hook.url,
    events: hook.events,
    reason: null,
    checkedAt,
  }
}
