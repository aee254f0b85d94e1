/**
 * What a simulated provider sends a webhook receiver when a release or tag is published: enough of
 * each provider's payload for a receiver (or a test) to read the tag and commit from it.
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#create and #release
 * https://docs.gitlab.com/user/project/integrations/webhook_events/#tag-events and #release-events
 * https://support.atlassian.com/bitbucket-cloud/docs/event-payloads/#Push
 * https://learn.microsoft.com/en-us/azure/devops/service-hooks/events#git.push
 */
import type { DemoProvider, DemoRelease, DemoRepository, DemoTag } from './data/catalog.ts'

export interface ReleaseEvent {
  provider: DemoProvider
  repo: DemoRepository
  /** As the provider addresses the repository (see repository-address.ts). */
  address: string
  tag: DemoTag
  release: DemoRelease | null
}

const NO_COMMIT = '0'.repeat(40)

export function releasePayload(event: string, context: ReleaseEvent): Record<string, unknown> {
  const { repo, address, tag, release } = context
  const fullName = `${repo.owner}/${repo.name}`
  switch (event) {
    case 'create':
      return {
        ref: tag.name,
        ref_type: 'tag',
        master_branch: repo.defaultBranch,
        description: repo.description,
        pusher_type: 'user',
        repository: { id: repo.id, full_name: fullName, default_branch: repo.defaultBranch },
      }
    case 'release':
      return {
        action: 'published',
        release: {
          id: release?.id ?? null,
          tag_name: tag.name,
          target_commitish: tag.branch,
          name: release?.name ?? tag.name,
          draft: false,
          prerelease: false,
          published_at: release?.publishedAt ?? tag.date,
        },
        repository: { id: repo.id, full_name: fullName, default_branch: repo.defaultBranch },
      }
    case 'tag_push_hooks':
      return {
        object_kind: 'tag_push',
        event_name: 'tag_push',
        before: NO_COMMIT,
        after: tag.sha,
        ref: `refs/tags/${tag.name}`,
        checkout_sha: tag.sha,
        project_id: repo.id,
        project: { id: repo.id, path_with_namespace: fullName },
      }
    case 'release_hooks':
      return {
        object_kind: 'release',
        action: 'create',
        name: release?.name ?? tag.name,
        tag: tag.name,
        released_at: release?.publishedAt ?? tag.date,
        project: { id: repo.id, path_with_namespace: fullName },
        commit: { id: tag.sha },
      }
    case 'repo:push':
      return {
        push: {
          changes: [
            {
              new: { type: 'tag', name: tag.name, target: { type: 'commit', hash: tag.sha } },
              old: null,
              created: true,
              closed: false,
              forced: false,
            },
          ],
        },
        repository: { full_name: fullName, name: repo.name },
      }
    default:
      // Azure DevOps `git.push`, resource version 1.0: tags arrive as ref updates.
      return {
        eventType: 'git.push',
        publisherId: 'tfs',
        resource: {
          refUpdates: [
            { name: `refs/tags/${tag.name}`, oldObjectId: NO_COMMIT, newObjectId: tag.sha },
          ],
          repository: { id: address, name: repo.name },
        },
      }
  }
}
