/**
 * What a release source shows: the repository's releases and tags whose tag matches the source's
 * pattern, one entry per tag, newest first. A release and its tag are one entry (the release has
 * the title and publish date, the tag the commit); drafts are not releases yet and are left out.
 */
import type { Release, Tag } from '@/providers/types.ts'
import { tagMatcher } from './tag-pattern.ts'
import { compareVersions } from './version-order.ts'

export interface ReleaseEntry {
  tagName: string
  kind: 'release' | 'tag'
  name: string | null
  /** The tagged commit, when the tag list has the tag. */
  sha: string | null
  /** Release publish time or annotated tag date; null for lightweight tags. */
  publishedAt: string | null
  webUrl: string | null
  prerelease: boolean
}

/** At most this many entries are shown and have their commit looked up. */
export const ENTRY_LIMIT = 20

export function matchingEntries(
  releases: readonly Release[],
  tags: readonly Tag[],
  pattern: string | null,
): ReleaseEntry[] {
  const matches = tagMatcher(pattern)
  const tagByName = new Map(tags.map((tag) => [tag.name, tag]))
  const entries = new Map<string, ReleaseEntry>()
  for (const release of releases) {
    if (release.draft || !matches(release.tagName)) continue
    entries.set(release.tagName, {
      tagName: release.tagName,
      kind: 'release',
      name: release.name,
      sha: tagByName.get(release.tagName)?.commitSha ?? null,
      publishedAt: release.publishedAt,
      webUrl: release.webUrl,
      prerelease: release.prerelease,
    })
  }
  for (const tag of tags) {
    if (entries.has(tag.name) || !matches(tag.name)) continue
    entries.set(tag.name, {
      tagName: tag.name,
      kind: 'tag',
      name: null,
      sha: tag.commitSha,
      publishedAt: tag.date,
      webUrl: null,
      prerelease: false,
    })
  }
  return [...entries.values()]
}

/**
 * Newest first by the entry's own date, else its commit's (`commitDate`), as instants. Entries
 * with no date at all (a plain git remote's tags) come after the dated ones, highest version first
 * (version-order.ts): ref order is alphabetical, which would put v0.9 above v1.1.
 */
export function newestFirst(
  entries: readonly ReleaseEntry[],
  commitDate: (entry: ReleaseEntry) => string | null,
): ReleaseEntry[] {
  const timeOf = (entry: ReleaseEntry) => {
    const iso = entry.publishedAt ?? commitDate(entry)
    const time = iso === null ? Number.NaN : Date.parse(iso)
    return Number.isFinite(time) ? time : null
  }
  return entries
    .map((entry, index) => ({ entry, index, time: timeOf(entry) }))
    .sort((a, b) => {
      if (a.time !== null && b.time !== null) return b.time - a.time || a.index - b.index
      if (a.time !== null) return -1
      if (b.time !== null) return 1
      return compareVersions(b.entry.tagName, a.entry.tagName) || a.index - b.index
    })
    .map(({ entry }) => entry)
}

const hasDate = (entry: ReleaseEntry) =>
  entry.publishedAt !== null && Number.isFinite(Date.parse(entry.publishedAt))

/**
 * The entries that may be among the `limit` newest, out of every matching one: the newest dated
 * entries, and the highest versions among the undated (whose commit dates are still to be looked
 * up and may put them on top). At most twice `limit`, so that the lookups stay few however long
 * the list is.
 */
export function newestCandidates(entries: readonly ReleaseEntry[], limit: number): ReleaseEntry[] {
  const ordered = newestFirst(entries, () => null)
  return [
    ...ordered.filter(hasDate).slice(0, limit),
    ...ordered.filter((entry) => !hasDate(entry)).slice(0, limit),
  ]
}
