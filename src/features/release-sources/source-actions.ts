/**
 * What a person does to a release source, as plain async functions the hooks call: create it
 * (provisioning its webhook), re-provision the webhook, delete it (removing the webhook), re-attach
 * it to another connection once its own was removed (see disconnect.ts), and trigger a build of its
 * branch's latest commit. Provider failures end up in the source's webhook state or the build's
 * outcome, as sentences; only storage failures, a missing token and a wrong connection throw.
 */
import { notSent, requestBuild } from '@/lib/build-trigger.ts'
import { providerForConnection, TokenMissingError } from '@/lib/connection-provider.ts'
import { connectionStore } from '@/lib/connection-store.ts'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { describeFailure } from '@/lib/failure-message.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import { safeLinkUrl } from '@/lib/safe-url.ts'
import { collectAll } from '@/providers/collect-all.ts'
import { isProviderError } from '@/providers/errors.ts'
import type { GitProvider, RepoRef } from '@/providers/types.ts'
import type { BuildRecord, ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { targetOf, type ConnectionRecord } from '@/storage/schema.ts'
import { checkWebhook, provisionWebhook } from './webhook.ts'

export interface ReleaseSourceDraft {
  name: string
  connectionId: string
  repository: { id: string; fullName: string; webUrl: string | null }
  branch: string
  tagPattern: string | null
}

interface Endpoints {
  webhookReceiverUrl: string | null
  buildTriggerUrl: string | null
}

async function connectionAndProvider(connectionId: string) {
  const stored = await connectionStore().get(connectionId)
  if (!stored) throw new Error('This connection no longer exists in this browser.')
  return { record: stored.record, provider: await providerForConnection(connectionId) }
}

const refOf = (source: Pick<ReleaseSourceRecord, 'repository'>): RepoRef => ({
  id: source.repository.id,
  fullName: source.repository.fullName,
})

export async function createReleaseSource(
  draft: ReleaseSourceDraft,
  endpoints: Endpoints,
): Promise<ReleaseSourceRecord> {
  const { record, provider } = await connectionAndProvider(draft.connectionId)
  const id = crypto.randomUUID()
  const { webhook, secret } = await provisionWebhook({
    provider,
    target: targetOf(record),
    repo: refOf(draft),
    sourceId: id,
    receiverUrl: endpoints.webhookReceiverUrl,
  })
  const now = new Date().toISOString()
  const source: ReleaseSourceRecord = {
    schemaVersion: 1,
    id,
    ...draft,
    connectionType: record.type,
    webhook,
    disconnectedAt: null,
    createdAt: now,
    updatedAt: now,
  }
  await releaseSourceStore().save(source, secret ?? undefined)
  return source
}

/** Name, branch and pattern change in place; the repository and connection stay. */
export async function renameReleaseSource(
  source: ReleaseSourceRecord,
  changes: Pick<ReleaseSourceDraft, 'name' | 'branch' | 'tagPattern'>,
): Promise<ReleaseSourceRecord> {
  const updated = { ...source, ...changes, updatedAt: new Date().toISOString() }
  await releaseSourceStore().save(updated)
  return updated
}

export async function reprovisionWebhook(
  source: ReleaseSourceRecord,
  endpoints: Endpoints,
): Promise<ReleaseSourceRecord> {
  if (source.connectionId === null) throw new Error('Attach the source to a connection first.')
  return saveWithFreshWebhook(source, source.connectionId, endpoints)
}

/**
 * Provisions the source's hook through `connectionId` and saves the source with it, its new secret
 * and `changes`. A provider refusal is stored as the hook's state, not thrown.
 */
async function saveWithFreshWebhook(
  source: ReleaseSourceRecord,
  connectionId: string,
  endpoints: Endpoints,
  changes: Partial<ReleaseSourceRecord> = {},
): Promise<ReleaseSourceRecord> {
  const { record, provider } = await connectionAndProvider(connectionId)
  const { webhook, secret } = await provisionWebhook({
    provider,
    target: targetOf(record),
    repo: refOf(source),
    sourceId: source.id,
    receiverUrl: endpoints.webhookReceiverUrl,
  })
  const updated = { ...source, ...changes, webhook, updatedAt: new Date().toISOString() }
  await releaseSourceStore().save(updated, secret ?? undefined)
  return updated
}

/** Looks the hook up on the provider; stores "missing" when it is gone. */
export async function refreshWebhookState(
  source: ReleaseSourceRecord,
): Promise<ReleaseSourceRecord> {
  if (source.connectionId === null) return source
  const provider = await providerForConnection(source.connectionId)
  const webhook = await checkWebhook(provider, refOf(source), source.webhook)
  if (webhook.state === source.webhook.state && webhook.id === source.webhook.id) return source
  const updated = { ...source, webhook }
  await releaseSourceStore().save(updated)
  return updated
}

export interface Deleted {
  /** Where to remove the hook by hand, when the app could not (no token, provider refused). */
  removeByHand: string | null
  reason: string | null
}

export async function deleteReleaseSource(source: ReleaseSourceRecord): Promise<Deleted> {
  let outcome: Deleted = { removeByHand: null, reason: null }
  const hookId = source.webhook.id
  if (
    hookId !== null &&
    (source.webhook.state === 'provisioned' || source.webhook.state === 'missing')
  ) {
    try {
      if (source.connectionId === null) throw new Error('no connection')
      const provider = await providerForConnection(source.connectionId)
      await provider.deleteWebhook(refOf(source), hookId)
    } catch (error) {
      const gone = isProviderError(error) && error.kind === 'not-found'
      if (!gone) {
        outcome = {
          removeByHand: webhookSettingsUrl(source),
          reason:
            error instanceof Error && error.name === 'TokenMissingError'
              ? 'The connection has no usable token, so its webhook could not be removed.'
              : 'The provider did not let the app remove the webhook.',
        }
      }
    }
  }
  await releaseSourceStore().remove(source.id)
  return outcome
}

/** The provider page that lists a repository's webhooks, for removing one by hand. */
export function webhookSettingsUrl(source: ReleaseSourceRecord): string | null {
  // Only an http(s) address becomes a link (a hostile server could send `javascript:`).
  const web = safeLinkUrl(source.repository.webUrl)
  if (!web) return null
  switch (source.connectionType) {
    case 'github':
    case 'github-enterprise':
      return `${web}/settings/hooks`
    case 'gitlab':
    case 'gitlab-self-managed':
      return `${web}/-/hooks`
    case 'bitbucket':
      return `${web}/admin/webhooks`
    case 'azure-devops':
    case 'azure-devops-server':
      // Service hooks live in the project's settings: …/{project}/_settings/serviceHooks.
      return `${web.replace(/\/_git\/.*$/, '')}/_settings/serviceHooks`
    case 'custom-git':
      return null
  }
}

/**
 * Resolves the branch's latest commit (from the branch list, which every type has, Custom Git
 * through its proxy) and asks the deployment's build-trigger endpoint for a build of it. The request
 * and its outcome are recorded as a build, whatever happens, including a failure before anything
 * was sent (remote or proxy down, token refused); only storage failures throw.
 */
export async function triggerBuild(
  source: ReleaseSourceRecord,
  endpoints: Endpoints,
): Promise<BuildRecord> {
  if (source.connectionId === null) throw new Error('Attach the source to a connection first.')
  const stored = await connectionStore().get(source.connectionId)
  if (!stored) throw new Error('This connection no longer exists in this browser.')
  const { record } = stored
  const triggeredBy = record.username ?? record.account?.login ?? 'you'
  let commit: BuildRecord['commit'] = null
  let result: BuildRecord['result']
  try {
    const found = await latestCommit(await providerForConnection(source.connectionId), source)
    if ('sha' in found) {
      commit = found
      result = await requestBuild(endpoints.buildTriggerUrl, {
        source: { id: source.id, name: source.name },
        repository: refOf(source),
        branch: source.branch,
        commit: found,
        trigger: 'manual',
        triggeredBy,
      })
    } else {
      // A branch that is gone is said plainly; building "whatever is there" would be a guess.
      result = { state: 'failed', status: null, message: missingBranchMessage(source, found) }
    }
  } catch (error) {
    if (!isProviderError(error) && !(error instanceof TokenMissingError)) throw error
    result = notSent(describeFailure(error, record))
  }
  const build: BuildRecord = {
    schemaVersion: 1,
    id: crypto.randomUUID(),
    sourceId: source.id,
    trigger: 'manual',
    triggeredBy,
    branch: source.branch,
    commit,
    requestedAt: new Date().toISOString(),
    result,
  }
  await releaseSourceStore().addBuild(build)
  return build
}

/** Why there is no commit to build: the branch is gone, or it was not among the branches read. */
type NoCommit = { gone: true } | { unread: number }

function missingBranchMessage(source: ReleaseSourceRecord, why: NoCommit): string {
  const where = source.repository.fullName
  if ('unread' in why) {
    return `More than ${why.unread.toLocaleString('en')} branches of ${where} match “${source.branch}”, and “${source.branch}” was not among those read: rename the branch or edit the source to pick another. Nothing was sent.`
  }
  return `The branch “${source.branch}” is no longer in ${where}: edit the source to pick another. Nothing was sent.`
}

/**
 * The branch's head, found by its exact name among every branch the provider's search returns
 * (which narrows the list server-side where the provider can, and always contains the name
 * itself): never only the first page, where `next` among 120 `feature/next-…` is not.
 */
async function latestCommit(
  provider: GitProvider,
  source: ReleaseSourceRecord,
): Promise<NonNullable<BuildRecord['commit']> | NoCommit> {
  const repo = refOf(source)
  const branches = await collectAll((page) =>
    provider.listBranches(repo, { ...page, search: source.branch }),
  )
  const branch = branches.items.find((item) => item.name === source.branch)
  if (!branch) return branches.complete ? { gone: true } : { unread: branches.limit }
  if (!provider.capabilities.commits) {
    return { sha: branch.commitSha, message: null, author: null }
  }
  const commits = await provider.listCommits(repo, { ref: branch.commitSha, pageSize: 1 })
  const head = commits.items[0]
  return {
    sha: branch.commitSha,
    message: head?.message.split('\n')[0] ?? null,
    author: head ? (head.author.login ?? head.author.email) : null,
  }
}

/**
 * Whether the connection picker may offer `connection` for re-attaching `source`: the source is
 * disconnected, and the connection is of the very type it was made with (a repository id means
 * nothing to another provider, or to another kind of server of the same one).
 */
export function canReattachTo(
  source: Pick<ReleaseSourceRecord, 'connectionId' | 'connectionType'>,
  connection: Pick<ConnectionRecord, 'type'>,
): boolean {
  return source.connectionId === null && connection.type === source.connectionType
}

/**
 * Attaches a disconnected source to another connection of the same type, and provisions a fresh
 * webhook through it (a hook left behind for this source is replaced, as by "Re-provision"). Its
 * builds and releases stay as they are. A provider refusal ends up in the webhook state, as when
 * creating; a wrong connection, storage failures and a missing token throw.
 */
export async function reattachReleaseSource(
  source: ReleaseSourceRecord,
  connectionId: string,
  endpoints: Endpoints,
): Promise<ReleaseSourceRecord> {
  if (source.connectionId !== null) {
    throw new Error(
      `“${source.name}” still uses a connection: only a disconnected source can be re-attached.`,
    )
  }
  const stored = await connectionStore().get(connectionId)
  if (!stored) throw new Error('This connection no longer exists in this browser.')
  const { record } = stored
  if (!canReattachTo(source, record)) {
    const wanted = connectionTypeInfo[source.connectionType].label
    throw new Error(
      `“${source.name}” was made with a ${wanted} connection, and can only be re-attached to a ${wanted} connection; “${record.name}” is a ${connectionTypeInfo[record.type].label} connection.`,
    )
  }
  return saveWithFreshWebhook(source, connectionId, endpoints, {
    connectionId,
    disconnectedAt: null,
  })
}
