/**
 * Commits on a ref (`GET /repositories/{workspace}/{slug}/commits/{ref}`), newest first, paged by
 * `next` links. Bitbucket gives the git identity as one string, `author.raw`, and adds
 * `author.user` only when it linked the email to an account.
 */
import { skippedPart } from '../parse-items.ts'
import type { Commit, CommitQuery, Page, RepoRef } from '../types.ts'
import { pageLength, repositoryPath } from './client.ts'
import type { BitbucketContext } from './context.ts'
import { linkedPage } from './paging.ts'
import { BitbucketCommit, page } from './schemas.ts'

/** `Name <email>` → its parts; a raw value without `<…>` is taken as a bare name or email. */
export function parseRawIdentity(raw: string | null | undefined): { name: string; email: string } {
  const text = raw?.trim() ?? ''
  const match = /^(.*?)\s*<([^<>]*)>$/.exec(text)
  if (match) {
    const email = match[2]?.trim() ?? ''
    return { name: match[1]?.trim() || email, email }
  }
  return text.includes('@') ? { name: text, email: text } : { name: text, email: '' }
}

export function toCommit(commit: BitbucketCommit): Commit {
  const identity = parseRawIdentity(commit.author.raw)
  const user = commit.author.user
  return {
    sha: commit.hash,
    message: commit.message?.replace(/\s+$/, '') ?? '',
    author: {
      ...identity,
      date: commit.date,
      login: user?.nickname ?? user?.username ?? null,
      avatarUrl: user?.links?.avatar?.href ?? null,
    },
    // This payload has no committer of its own: Bitbucket reports one identity and one date per
    // commit, so the committer repeats the author.
    committer: { ...identity, date: commit.date },
    webUrl: commit.links?.html?.href ?? null,
  }
}

export async function listCommits(
  context: BitbucketContext,
  repo: RepoRef,
  query: CommitQuery,
): Promise<Page<Commit>> {
  const result = await linkedPage(context.api(), {
    path: `${repositoryPath(repo)}/commits/${encodeURIComponent(query.ref)}`,
    query: { pagelen: pageLength(query.pageSize) },
    cursor: query.cursor,
    validate: (v) => page(BitbucketCommit).parse(v),
    signal: query.signal,
  })
  // Bitbucket does not count a history: no `size` on commit pages.
  return {
    items: result.values.map(toCommit),
    nextCursor: result.nextCursor,
    totalCount: null,
    ...skippedPart(result.skipped),
  }
}
