/**
 * Tags (https://docs.gitlab.com/api/tags/) and releases (https://docs.gitlab.com/api/releases/),
 * newest first.
 */
import { itemsOf } from '../parse-items.ts'
import type { Page, PageRequest, Release, RepoRef, Tag } from '../types.ts'
import { gitlabJson, projectPath, type GitLabApi } from './client.ts'
import { pageQuery, toPage } from './pagination.ts'
import { GitLabRelease, GitLabTag } from './schemas.ts'

export async function listTags(
  api: GitLabApi,
  repo: RepoRef,
  query: PageRequest,
): Promise<Page<Tag>> {
  const { data, headers } = await gitlabJson(
    api,
    `${projectPath(repo)}/repository/tags`,
    itemsOf(GitLabTag),
    { query: { order_by: 'updated', sort: 'desc', ...pageQuery(query) }, signal: query.signal },
  )
  return toPage(
    data.items.map((tag) => ({
      name: tag.name,
      commitSha: tag.commit.id,
      message: tag.message || null,
      // Annotated tags have their own date; for a lightweight one, its commit's.
      date: tag.created_at || tag.commit.committed_date || tag.commit.created_at || null,
    })),
    headers,
    { skipped: data.skipped },
  )
}

/**
 * GitLab has neither drafts nor pre-releases. A release whose `released_at` is still to come is an
 * "upcoming release": reported as a pre-release, with its planned date. Releases have no id of
 * their own in the API: the tag name is the key.
 */
export async function listReleases(
  api: GitLabApi,
  repo: RepoRef,
  query: PageRequest,
): Promise<Page<Release>> {
  const { data, headers } = await gitlabJson(
    api,
    `${projectPath(repo)}/releases`,
    itemsOf(GitLabRelease),
    {
      query: { order_by: 'released_at', sort: 'desc', ...pageQuery(query) },
      signal: query.signal,
    },
  )
  return toPage(
    data.items.map((release) => ({
      id: release.tag_name,
      tagName: release.tag_name,
      name: release.name || null,
      body: release.description || null,
      draft: false,
      prerelease: release.upcoming_release === true,
      publishedAt: release.released_at || release.created_at || null,
      webUrl: release._links?.self || null,
      authorLogin: release.author?.username ?? null,
    })),
    headers,
    { skipped: data.skipped },
  )
}
