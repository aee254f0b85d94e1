/**
 * GitHub payloads (already checked by schemas.ts) to the adapter contract's domain types.
 */
import type {
  Branch,
  Commit,
  Owner,
  Release,
  RepoRef,
  Repository,
  Tag,
  Webhook,
  WebhookDelivery,
} from '../types.ts'
import type {
  GitHubBranch,
  GitHubCommit,
  GitHubHook,
  GitHubHookDelivery,
  GitHubOrg,
  GitHubRelease,
  GitHubRepository,
  GitHubTag,
} from './schemas.ts'
import { ProviderError } from '../errors.ts'

/**
 * GitHub's REST paths address a repository by `owner/name`, so that is its id here too (the
 * numeric id would need a lookup first). A renamed repository's old name gets a redirect, which
 * is not followed with the token (redirects.ts): it fails until the list is read again.
 */
export function toRepository(repo: GitHubRepository): Repository {
  return {
    id: repo.full_name,
    fullName: repo.full_name,
    name: repo.name,
    // Search items may come without an owner (`nullable-simple-user`); full_name still names it.
    owner: repo.owner?.login ?? repo.full_name.split('/')[0] ?? repo.full_name,
    description: repo.description ?? null,
    private: repo.private,
    archived: repo.archived ?? false,
    fork: repo.fork,
    defaultBranch: repo.default_branch ?? null,
    webUrl: repo.html_url,
    cloneUrl: repo.clone_url ?? null,
    // `updated_at` is what `sort=updated` orders by; `pushed_at` when GitHub leaves it out.
    updatedAt: repo.updated_at ?? repo.pushed_at ?? null,
  }
}

/** `owner/name` from a RepoRef, or `not-found` when the id is not one this adapter made. */
export function repoPath(repo: RepoRef): { owner: string; repo: string } {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(repo.id)
  if (!match?.[1] || !match[2]) {
    throw new ProviderError('not-found', `"${repo.id}" is not a GitHub repository (owner/name).`)
  }
  return { owner: match[1], repo: match[2] }
}

export function toOrganizationOwner(org: GitHubOrg): Owner {
  return {
    id: String(org.id),
    name: org.login,
    // /user/orgs carries no display name; the description is not one.
    displayName: null,
    kind: 'organization',
    avatarUrl: org.avatar_url ?? null,
  }
}

export function toBranch(branch: GitHubBranch, defaultBranch: string | null): Branch {
  return {
    name: branch.name,
    commitSha: branch.commit.sha,
    isDefault: branch.name === defaultBranch,
    protected: branch.protected ?? null,
  }
}

export function toCommit(item: GitHubCommit): Commit {
  const { author, committer } = item.commit
  const authorDate = author?.date ?? committer?.date ?? ''
  return {
    sha: item.sha,
    message: item.commit.message,
    author: {
      name: author?.name ?? '',
      email: author?.email ?? '',
      date: authorDate,
      // The top-level `author` is the GitHub account the email is linked to, or null/{}.
      login: item.author?.login ?? null,
      avatarUrl: item.author?.login ? (item.author.avatar_url ?? null) : null,
    },
    committer: {
      name: committer?.name ?? '',
      email: committer?.email ?? '',
      date: committer?.date ?? authorDate,
    },
    webUrl: item.html_url ?? null,
  }
}

/** GitHub's tag list has no dates or messages (those live on annotated tag objects). */
export function toTag(tag: GitHubTag): Tag {
  return { name: tag.name, commitSha: tag.commit.sha, message: null, date: null }
}

export function toRelease(release: GitHubRelease): Release {
  return {
    id: String(release.id),
    tagName: release.tag_name,
    name: release.name ?? null,
    body: release.body ?? null,
    draft: release.draft,
    prerelease: release.prerelease,
    publishedAt: release.draft ? null : (release.published_at ?? null),
    webUrl: release.html_url ?? null,
    authorLogin: release.author?.login ?? null,
  }
}

export function toWebhook(hook: GitHubHook): Webhook {
  return {
    id: String(hook.id),
    url: hook.config.url ?? '',
    events: hook.events,
    active: hook.active,
    createdAt: hook.created_at ?? null,
  }
}

export function toWebhookDelivery(delivery: GitHubHookDelivery): WebhookDelivery {
  // GitHub records a delivery that got no HTTP answer with status_code 0.
  const statusCode = delivery.status_code ? delivery.status_code : null
  return {
    id: String(delivery.id),
    event: delivery.event,
    action: delivery.action ?? null,
    deliveredAt: delivery.delivered_at,
    statusCode,
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
    durationSeconds: delivery.duration ?? null,
  }
}
