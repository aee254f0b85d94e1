import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { releaseListQuery, tagListQuery } from '@/features/commits/queries.ts'
import { displayAuthor, type AuthorContext } from '@/lib/commit-author.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import type { Capabilities, Commit } from '@/providers/types.ts'
import type {
  ReleaseSnapshot,
  ReleaseSourceRecord,
  SeenRelease,
} from '@/storage/release-source-schema.ts'
import {
  ENTRY_LIMIT,
  matchingEntries,
  newestCandidates,
  newestFirst,
  type ReleaseEntry,
} from '../matching-releases.ts'
import { commitAtQuery, releaseSourceKeys, seenReleasesQuery } from '../queries.ts'

/** One row of the source's releases, from the provider or from what this browser recorded. */
export interface ShownRelease {
  tagName: string
  kind: 'release' | 'tag'
  name: string | null
  prerelease: boolean
  webUrl: string | null
  /** The release's or tag's date, else its commit's. */
  date: string | null
  commit: {
    sha: string
    subject: string | null
    /** As the author rule shows it (DESIGN.md): Username, linked login, or email. */
    author: string | null
    /** The author's other names, for a tooltip. */
    authorDetails: string | null
  } | null
}

interface Live {
  capabilities: Capabilities
  author: AuthorContext
}

/** How much of the provider's lists the rows were chosen from. */
export interface ListCoverage {
  /** Releases and tags that match the pattern, over everything read. */
  matching: number
  /** The bound a list stopped at, when the tags or releases go on past it; null when read whole. */
  cutAt: number | null
}

/**
 * The source's matching releases and tags, newest first, each with its commit and author. Live
 * from the provider while the source has a usable connection (`live`), and recorded in this
 * browser as they are seen, so that they stay after the connection is gone; from that record
 * otherwise, or when the provider cannot be reached. The provider's lists are read whole, so the
 * newest and the pattern's matches are over every tag, not over a first page.
 */
export function useSourceReleases(source: ReleaseSourceRecord, live: Live | null) {
  const connectionId = source.connectionId ?? ''
  const repo = source.repository
  const can = live?.capabilities
  const tags = useQuery({ ...tagListQuery(connectionId, repo), enabled: Boolean(can?.tags) })
  const releases = useQuery({
    ...releaseListQuery(connectionId, repo),
    enabled: Boolean(can?.releases),
  })
  const listsReady =
    live !== null && (!can?.tags || tags.isSuccess) && (!can?.releases || releases.isSuccess)
  const listError = tags.error ?? releases.error

  const { candidates, coverage } = useMemo(() => {
    if (!listsReady) return { candidates: [], coverage: null }
    const matching = matchingEntries(
      releases.data?.items ?? [],
      tags.data?.items ?? [],
      source.tagPattern,
    )
    const cut = [tags.data, releases.data].find((list) => list && !list.complete)
    return {
      candidates: newestCandidates(matching, ENTRY_LIMIT),
      coverage: { matching: matching.length, cutAt: cut ? cut.limit : null },
    }
  }, [listsReady, releases.data, tags.data, source.tagPattern])
  const commits = useQueries({
    queries: candidates.map((entry) => ({
      ...commitAtQuery(connectionId, repo, entry.sha ?? ''),
      enabled: Boolean(can?.commits) && entry.sha !== null,
    })),
  })
  // A disabled lookup (no sha, or no commits on this type) is pending but not fetching: ready.
  const commitsReady = commits.every((query) => !query.isFetching || !query.isPending)

  // At most ENTRY_LIMIT rows: computed on each render rather than memoised.
  let shown: ShownRelease[] | null = null
  if (listsReady && commitsReady) {
    const byEntry = new Map(candidates.map((entry, index) => [entry, commits[index]?.data ?? null]))
    shown = newestFirst(candidates, (entry) => byEntry.get(entry)?.author.date ?? null)
      .slice(0, ENTRY_LIMIT)
      .map((entry) => liveRow(entry, byEntry.get(entry) ?? null, live.author))
  }

  useRecordSeen(source.id, shown)
  const seen = useQuery(seenReleasesQuery(source.id))

  if (shown !== null) {
    return { rows: shown, from: 'provider' as const, error: null, pending: false, coverage }
  }
  const fromRecord = (seen.data?.releases ?? []).map(recordedRow)
  const waiting = live !== null && listError === null
  return {
    rows: waiting ? [] : fromRecord,
    from: 'record' as const,
    error: listError,
    pending: waiting || seen.isPending,
    coverage: null,
  }
}

/** Records what was shown, once per change of what the provider listed. */
function useRecordSeen(sourceId: string, shown: readonly ShownRelease[] | null) {
  const queryClient = useQueryClient()
  const signature = shown?.map((row) => `${row.tagName}@${row.commit?.sha ?? ''}`).join('\n')
  useEffect(() => {
    if (!shown || shown.length === 0) return
    const seen = shown.map(seenFrom)
    // Recording is a convenience for later: a failure here must not disturb the page.
    releaseSourceStore()
      .recordReleases(sourceId, seen)
      .then(() =>
        queryClient.invalidateQueries({ queryKey: releaseSourceKeys.seenReleases(sourceId) }),
      )
      .catch(() => undefined)
    // The signature stands for `shown`: the same releases are not written again on re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceId, signature, queryClient])
}

function liveRow(entry: ReleaseEntry, commit: Commit | null, context: AuthorContext): ShownRelease {
  const author = commit ? displayAuthor(commit.author, context) : null
  return {
    tagName: entry.tagName,
    kind: entry.kind,
    name: entry.name,
    prerelease: entry.prerelease,
    webUrl: entry.webUrl,
    date: entry.publishedAt ?? commit?.author.date ?? null,
    commit:
      entry.sha === null
        ? null
        : {
            sha: entry.sha,
            subject: commit?.message.split('\n', 1)[0] ?? null,
            author: author?.label ?? null,
            authorDetails: author
              ? [author.name, author.email, author.login && `@${author.login}`]
                  .filter((part): part is string => Boolean(part) && part !== author.label)
                  .join(' · ')
              : null,
          },
  }
}

/** A shown row as this browser records it: its recorded form is the row's own fields. */
function seenFrom(row: ShownRelease): SeenRelease {
  return {
    tagName: row.tagName,
    kind: row.kind,
    name: row.name,
    commit: row.commit
      ? { sha: row.commit.sha, message: row.commit.subject, author: row.commit.author }
      : null,
    publishedAt: row.date,
    webUrl: row.webUrl,
    prerelease: row.prerelease,
  }
}

function recordedRow(snapshot: ReleaseSnapshot): ShownRelease {
  return {
    tagName: snapshot.tagName,
    kind: snapshot.kind,
    name: snapshot.name,
    prerelease: snapshot.prerelease,
    webUrl: snapshot.webUrl,
    date: snapshot.publishedAt,
    commit: snapshot.commit
      ? {
          sha: snapshot.commit.sha,
          subject: snapshot.commit.message,
          author: snapshot.commit.author,
          authorDetails: null,
        }
      : null,
  }
}
