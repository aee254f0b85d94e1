/** Releases, with the catalog's drafts as upcoming releases. */
import { http, type RequestHandler } from 'msw'
import {
  demoCommitAt,
  type DemoRelease,
  type DemoRepository,
  type DemoTag,
} from '../../data/catalog.ts'
import { gitlabDemoUser } from '../../data/gitlab.ts'
import { repositoryReleases, repositoryTags } from '../../published-refs.ts'
import { API, time, webRoot } from './context.ts'
import { commitPayload } from './commits.ts'
import { pageOf } from './pagination.ts'
import { projectUrls } from './project-payloads.ts'
import { withProject } from './projects.ts'

function releasePayload(
  repo: DemoRepository,
  release: DemoRelease,
  tags: DemoTag[],
  web: string,
  now: number,
) {
  const projectWeb = projectUrls(repo, web).web_url
  const tag = tags.find((entry) => entry.name === release.tagName)
  const commit = demoCommitAt(
    'gitlab',
    repo,
    tag?.branch ?? repo.defaultBranch,
    tag?.commitIndex ?? 0,
  )
  // GitLab has no drafts: the catalog's draft is an upcoming release here, due in a week.
  const releasedAt = release.publishedAt ?? new Date(now + 7 * 86_400_000).toISOString()
  const archive = (format: string) => ({
    format,
    url: `${projectWeb}/-/archive/${release.tagName}/${repo.name}-${release.tagName}.${format}`,
  })
  return {
    name: release.name,
    tag_name: release.tagName,
    description: release.body,
    created_at: time(commit.date),
    released_at: time(releasedAt),
    upcoming_release: release.publishedAt === null,
    author: {
      id: gitlabDemoUser.id,
      username: gitlabDemoUser.username,
      name: gitlabDemoUser.name,
      state: 'active',
      locked: false,
      avatar_url: gitlabDemoUser.avatar_url,
      web_url: `${web}/${gitlabDemoUser.username}`,
    },
    commit: commitPayload(commit, projectWeb),
    milestones: [],
    commit_path: `/${repo.owner}/${repo.name}/-/commit/${commit.sha}`,
    tag_path: `/${repo.owner}/${repo.name}/-/tags/${release.tagName}`,
    assets: {
      count: 4,
      sources: ['zip', 'tar.gz', 'tar.bz2', 'tar'].map(archive),
      links: [],
    },
    evidences: [],
    _links: {
      closed_issues_url: `${projectWeb}/-/issues?release_tag=${release.tagName}&scope=all&state=closed`,
      closed_merge_requests_url: `${projectWeb}/-/merge_requests?release_tag=${release.tagName}&scope=all&state=closed`,
      edit_url: `${projectWeb}/-/releases/${release.tagName}/edit`,
      merged_merge_requests_url: `${projectWeb}/-/merge_requests?release_tag=${release.tagName}&scope=all&state=merged`,
      opened_issues_url: `${projectWeb}/-/issues?release_tag=${release.tagName}&scope=all&state=opened`,
      opened_merge_requests_url: `${projectWeb}/-/merge_requests?release_tag=${release.tagName}&scope=all&state=opened`,
      self: `${projectWeb}/-/releases/${release.tagName}`,
    },
  }
}

export const releaseHandlers: RequestHandler[] = [
  // https://docs.gitlab.com/api/releases/#list-releases — newest released_at first.
  http.get(
    `${API}/projects/:id/releases`,
    withProject(({ request, url }, repo) => {
      const now = Date.now()
      const tags = repositoryTags('gitlab', repo)
      const releases = repositoryReleases('gitlab', repo)
      if (url.searchParams.get('sort') === 'asc') releases.reverse()
      return pageOf(request, url, releases, (release) =>
        releasePayload(repo, release, tags, webRoot(url), now),
      )
    }),
  ),
]
