import { describe, expect, it } from 'vitest'
import type { Release, Tag } from '@/providers/types.ts'
import { matchingEntries, newestCandidates, newestFirst } from './matching-releases.ts'

const release = (
  tagName: string,
  publishedAt: string | null,
  extra: Partial<Release> = {},
): Release => ({
  id: tagName,
  tagName,
  name: `Release ${tagName}`,
  body: null,
  draft: false,
  prerelease: false,
  publishedAt,
  webUrl: `https://example.com/${tagName}`,
  authorLogin: null,
  ...extra,
})
const tag = (name: string, date: string | null = null): Tag => ({
  name,
  commitSha: name.replace(/\W/g, '').padEnd(40, 'a'),
  message: null,
  date,
})

describe('matchingEntries', () => {
  it('joins a release with its tag, keeps bare tags, and drops drafts and non-matching tags', () => {
    const entries = matchingEntries(
      [release('v2.0.0', '2026-05-01T00:00:00Z'), release('v3.0.0', null, { draft: true })],
      [tag('v2.0.0'), tag('v1.0.0', '2026-01-01T00:00:00Z'), tag('nightly-7')],
      'v*',
    )
    expect(entries.map((entry) => [entry.tagName, entry.kind])).toEqual([
      ['v2.0.0', 'release'],
      ['v1.0.0', 'tag'],
    ])
    expect(entries[0]?.sha).toBe(tag('v2.0.0').commitSha)
    expect(entries[0]?.name).toBe('Release v2.0.0')
  })

  it('takes every tag without a pattern', () => {
    expect(matchingEntries([], [tag('a'), tag('b')], null)).toHaveLength(2)
  })

  it('gives a release whose tag is not listed no commit rather than a guess', () => {
    expect(matchingEntries([release('v9', null)], [], null)[0]?.sha).toBeNull()
  })
})

describe('newestFirst', () => {
  it('orders by own date, else the commit date, undated last by version', () => {
    const entries = matchingEntries(
      [],
      [
        tag('old', '2025-01-01T00:00:00Z'),
        tag('light-a'),
        tag('light-b'),
        tag('new', '2026-01-01T00:00:00+02:00'),
      ],
      null,
    )
    const commitDates: Record<string, string> = { 'light-a': '2025-06-01T00:00:00Z' }
    const ordered = newestFirst(entries, (entry) => commitDates[entry.tagName] ?? null)
    expect(ordered.map((entry) => entry.tagName)).toEqual(['new', 'light-a', 'old', 'light-b'])
  })

  it('puts the highest version first among undated tags', () => {
    const entries = matchingEntries([], [tag('v0.9.0'), tag('v1.10.0'), tag('v1.9.0')], null)
    expect(newestFirst(entries, () => null).map((entry) => entry.tagName)).toEqual([
      'v1.10.0',
      'v1.9.0',
      'v0.9.0',
    ])
  })
})

describe('newestCandidates', () => {
  it('keeps the highest undated versions beside the newest dated ones, out of the whole list', () => {
    // GitHub's shape: releases carry dates, bare tags do not, and the list is in name order.
    const tags = Array.from({ length: 300 }, (_, index) =>
      tag(`v0.${Math.floor(index / 10)}.${index % 10}`),
    )
    const releases = tags
      .filter((entry) => entry.name.endsWith('.0'))
      .map((entry, index) =>
        release(entry.name, new Date(Date.UTC(2020, 0, 1 + index)).toISOString()),
      )
    const candidates = newestCandidates(matchingEntries(releases, tags, null), 5)
    expect(candidates.map((entry) => entry.tagName)).toEqual([
      'v0.29.0',
      'v0.28.0',
      'v0.27.0',
      'v0.26.0',
      'v0.25.0',
      'v0.29.9',
      'v0.29.8',
      'v0.29.7',
      'v0.29.6',
      'v0.29.5',
    ])
  })
})
