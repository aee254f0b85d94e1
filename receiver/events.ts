/**
 * Which deliveries are releases or new tags, and their tag and commit. Payload shapes, from the
 * providers' docs:
 * - GitHub `release` (action "published": `release.tag_name`, `release.target_commitish`) and
 *   `create` (`ref_type` "tag", `ref`); neither carries a commit hash unless target_commitish is
 *   one (github/docs content/webhooks/webhook-events-and-payloads.md).
 * - GitLab "Tag Push Hook" (`object_kind` tag_push, `ref` refs/tags/…, `checkout_sha`, null or
 *   zeros when the tag was deleted) and "Release Hook" (`action` create, `tag`, `commit.id`)
 *   (docs.gitlab.com user/project/integrations/webhook_events.md).
 * - Bitbucket `repo:push` with `push.changes[].new` of type "tag" (`name`, `target.hash`)
 *   (support.atlassian.com bitbucket-cloud event-payloads).
 * - Azure DevOps `git.push` with `resource.refUpdates[]` named refs/tags/… (`newObjectId`)
 *   (learn.microsoft.com azure/devops/service-hooks/events, "Code pushed").
 */
import type { ProviderFamily } from './types.ts'

export interface TagEvent {
  tag: string
  commit: string | null
}

export interface ReadEvent {
  event: string | null
  /** Empty when the delivery is not a release or a new tag. */
  tags: TagEvent[]
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null
const sha = (value: unknown): string | null => {
  const hash = text(value)
  return hash !== null && /^[0-9a-f]{7,64}$/i.test(hash) && !/^0+$/.test(hash) ? hash : null
}
const tagOfRef = (ref: unknown): string | null => {
  const name = text(ref)
  return name?.startsWith('refs/tags/') ? name.slice('refs/tags/'.length) || null : null
}

function github(headers: Headers, body: Json): ReadEvent {
  const event = headers.get('x-github-event')
  if (event === 'release' && body.action === 'published' && isObject(body.release)) {
    const tag = text(body.release.tag_name)
    return { event, tags: tag ? [{ tag, commit: sha(body.release.target_commitish) }] : [] }
  }
  if (event === 'create' && body.ref_type === 'tag') {
    const tag = text(body.ref)
    return { event, tags: tag ? [{ tag, commit: null }] : [] }
  }
  return { event, tags: [] }
}

function gitlab(headers: Headers, body: Json): ReadEvent {
  const event = headers.get('x-gitlab-event')
  if (event === 'Tag Push Hook' && body.object_kind === 'tag_push') {
    const tag = tagOfRef(body.ref)
    const commit = sha(body.checkout_sha) ?? sha(body.after)
    // A deleted tag arrives with no checkout_sha and zeros in `after`.
    return { event, tags: tag && commit ? [{ tag, commit }] : [] }
  }
  if (event === 'Release Hook' && body.object_kind === 'release' && body.action === 'create') {
    const tag = text(body.tag)
    const commit = isObject(body.commit) ? sha(body.commit.id) : null
    return { event, tags: tag ? [{ tag, commit }] : [] }
  }
  return { event, tags: [] }
}

function bitbucket(headers: Headers, body: Json): ReadEvent {
  const event = headers.get('x-event-key')
  if (event !== 'repo:push' || !isObject(body.push) || !Array.isArray(body.push.changes)) {
    return { event, tags: [] }
  }
  const tags = body.push.changes.flatMap((change: unknown): TagEvent[] => {
    if (!isObject(change) || !isObject(change.new) || change.new.type !== 'tag') return []
    const tag = text(change.new.name)
    const commit = isObject(change.new.target) ? sha(change.new.target.hash) : null
    return tag ? [{ tag, commit }] : []
  })
  return { event, tags }
}

function azure(body: Json): ReadEvent {
  const event = text(body.eventType)
  if (
    event !== 'git.push' ||
    !isObject(body.resource) ||
    !Array.isArray(body.resource.refUpdates)
  ) {
    return { event, tags: [] }
  }
  const tags = body.resource.refUpdates.flatMap((update: unknown): TagEvent[] => {
    if (!isObject(update)) return []
    const tag = tagOfRef(update.name)
    // For an annotated tag this is the tag object's id; the build endpoint peels it.
    const commit = sha(update.newObjectId)
    return tag && commit ? [{ tag, commit }] : []
  })
  return { event, tags }
}

export function readEvent(family: ProviderFamily, headers: Headers, body: unknown): ReadEvent {
  if (!isObject(body)) return { event: null, tags: [] }
  switch (family) {
    case 'github':
      return github(headers, body)
    case 'gitlab':
      return gitlab(headers, body)
    case 'bitbucket':
      return bitbucket(headers, body)
    case 'azure-devops':
      return azure(body)
  }
}

/**
 * The provider's id for this delivery, the same on a redelivery: GitHub `X-GitHub-Delivery`,
 * GitLab `Idempotency-Key` (17.4+, else `X-Gitlab-Event-UUID`), Bitbucket `X-Request-UUID`, Azure
 * the notification's `subscriptionId` and `notificationId`. Without one, a hash of the body stands
 * in, so the very same body is still caught.
 */
function azureNotification(body: unknown): string | null {
  if (!isObject(body)) return null
  const { subscriptionId, notificationId } = body
  if (typeof notificationId !== 'number' && typeof notificationId !== 'string') return null
  return `${typeof subscriptionId === 'string' ? subscriptionId : ''}:${String(notificationId)}`
}

export async function deliveryId(
  family: ProviderFamily,
  headers: Headers,
  body: unknown,
  raw: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const fromProvider =
    family === 'github'
      ? headers.get('x-github-delivery')
      : family === 'gitlab'
        ? (headers.get('idempotency-key') ?? headers.get('x-gitlab-event-uuid'))
        : family === 'bitbucket'
          ? headers.get('x-request-uuid')
          : azureNotification(body)
  if (fromProvider) return fromProvider.slice(0, 200)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw))
  return `sha256:${Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}
