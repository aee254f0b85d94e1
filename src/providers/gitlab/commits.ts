/**
 * Commits on a ref, newest first (https://docs.gitlab.com/api/commits/). GitLab links no account
 * to a commit (gitlab-org/gitlab#24474): login and avatar stay null, and the UI falls back to the
 * connection's own emails and then the email. This endpoint never sends `x-total`.
 */
import { itemsOf } from '../parse-items.ts'
import type { Commit, CommitQuery, Page, RepoRef } from '../types.ts'
import { gitlabJson, projectPath, type GitLabApi } from './client.ts'
import { pageQuery, toPage } from './pagination.ts'
import { GitLabCommit } from './schemas.ts'

export async function listCommits(
  api: GitLabApi,
  repo: RepoRef,
  query: CommitQuery,
): Promise<Page<Commit>> {
  const { data, headers } = await gitlabJson(
    api,
    `${projectPath(repo)}/repository/commits`,
    itemsOf(GitLabCommit),
    { query: { ref_name: query.ref, ...pageQuery(query) }, signal: query.signal },
  )
  return toPage(data.items.map(toCommit), headers, { withTotal: false, skipped: data.skipped })
}

function toCommit(commit: GitLabCommit): Commit {
  const authored = commit.authored_date ?? commit.created_at ?? ''
  return {
    sha: commit.id,
    message: commit.message || commit.title || '',
    author: {
      name: commit.author_name ?? '',
      email: commit.author_email ?? '',
      date: authored,
      login: null,
      avatarUrl: null,
    },
    committer: {
      name: commit.committer_name ?? commit.author_name ?? '',
      email: commit.committer_email ?? commit.author_email ?? '',
      date: commit.committed_date ?? authored,
    },
    webUrl: commit.web_url || null,
  }
}
