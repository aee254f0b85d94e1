/**
 * Commits on a ref, newest first.
 * https://docs.github.com/en/rest/commits/commits#list-commits
 */
import { skippedPart } from '../parse-items.ts'
import type { Commit, CommitQuery, Page, RepoRef } from '../types.ts'
import { repoPath, toCommit } from './mappers.ts'
import { nextCursor, positionOf } from './paging.ts'
import { GitHubCommits, parserFor } from './schemas.ts'
import type { GitHubSession, Resource } from './session.ts'

const commitsResource: Resource<GitHubCommits> = {
  name: 'commits',
  parse: parserFor(GitHubCommits, 'a commit list'),
}

/**
 * `sha` takes a branch, a tag or a sha. Each item carries the git author and committer
 * (`commit.author`, `commit.committer`) and, at the top level, the GitHub accounts their emails
 * are linked to (null when GitHub links the email to nobody): GitHub is the one provider that
 * maps an author email to a login for us.
 */
export async function listGitHubCommits(
  session: GitHubSession,
  repo: RepoRef,
  query: CommitQuery,
): Promise<Page<Commit>> {
  const position = positionOf(query.cursor, query.pageSize)
  const { value, link } = await session.getPage(
    'GET /repos/{owner}/{repo}/commits',
    { ...repoPath(repo), sha: query.ref, per_page: position.perPage, page: position.page },
    commitsResource,
    query.signal,
  )
  return {
    items: value.items.map(toCommit),
    nextCursor: nextCursor(link, position),
    totalCount: null,
    ...skippedPart(value.skipped),
  }
}
