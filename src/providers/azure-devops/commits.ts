/**
 * Commits on a ref: `{project}/_apis/git/repositories/{id}/commits` with `searchCriteria.*`,
 * newest first, paged by `$skip` (the cursor). Azure has no total and no next link: a full page
 * means there may be more. Azure links no account to a commit, so `login` stays null.
 */
import { skippedPart } from '../parse-items.ts'
import { z } from 'zod'
import type { Commit, CommitQuery, Page, RepoRef } from '../types.ts'
import { lookupRepository, repositoryRoute, type AzureContext } from './context.ts'
import { decodeCursor, encodeCursor } from '../cursor.ts'
import { GitCommitRef, list } from './schemas.ts'

const SkipCursor = z.object({ s: z.number().int().min(0) })
const DEFAULT_PAGE = 30
const MAX_PAGE = 100

/** A full sha is a commit; `refs/tags/…` a tag; anything else a branch name. */
export function versionDescriptor(ref: string): { version: string; versionType: string } {
  if (/^[0-9a-f]{40}$/i.test(ref)) return { version: ref, versionType: 'commit' }
  if (ref.startsWith('refs/tags/')) {
    return { version: ref.slice('refs/tags/'.length), versionType: 'tag' }
  }
  return { version: ref.replace(/^refs\/heads\//, ''), versionType: 'branch' }
}

function toCommit(commit: GitCommitRef): Commit {
  return {
    sha: commit.commitId,
    message: commit.comment ?? '',
    author: { ...commit.author, login: null, avatarUrl: null },
    committer: commit.committer,
    webUrl: commit.remoteUrl ?? null,
  }
}

export async function listCommits(
  context: AzureContext,
  repoRef: RepoRef,
  query: CommitQuery,
): Promise<Page<Commit>> {
  const repo = await lookupRepository(context, repoRef.id, query.signal)
  const skip = decodeCursor(query.cursor, SkipCursor)?.s ?? 0
  const top = Math.min(Math.max(Math.floor(query.pageSize ?? DEFAULT_PAGE), 1), MAX_PAGE)
  const { version, versionType } = versionDescriptor(query.ref)
  const { data } = await context.send(`${repositoryRoute(repo)}/commits`, {
    validate: (v) => list(GitCommitRef).parse(v),
    query: {
      'searchCriteria.itemVersion.version': version,
      'searchCriteria.itemVersion.versionType': versionType,
      'searchCriteria.$top': top,
      'searchCriteria.$skip': skip,
    },
    signal: query.signal,
  })
  return {
    items: data.value.map(toCommit),
    // A full page (unreadable commits included) means there may be more.
    nextCursor: data.value.length + data.skipped >= top ? encodeCursor({ s: skip + top }) : null,
    totalCount: null,
    ...skippedPart(data.skipped),
  }
}
