/**
 * One repository per simulated provider with the lists that break "ask once for 100": 124
 * branches, of which `next` is one among 122 whose names contain "next" and sorts past the 100th,
 * and 5,000 tags (v0.0.0 to v0.49.99) whose newest is far from the first page in name order. Only
 * every `v0.N.0` tag has a release, so "newest" must weigh dated releases against undated tags.
 */

export const MANY_REFS_REPOSITORY = 'monorepo'
export const MANY_REFS_DESCRIPTION = 'Everything in one repository: 124 branches, 5,000 tags.'

export const MANY_REFS_TAG_COUNT = 5_000
/** Enough history for every tag to sit on a commit of its own, so no two share a date. */
export const MANY_REFS_COMMIT_COUNT = MANY_REFS_TAG_COUNT + 500

/** The branches besides the default one, in name order (the default is added by the catalog). */
export function manyRefsBranches(): string[] {
  const features = Array.from(
    { length: 120 },
    (_, index) => `feature/next-${String(index + 1).padStart(3, '0')}`,
  )
  return ['develop', ...features, 'next', 'release/next']
}

/** Tag `index` counted from the newest: 0 is v0.49.99, 4,999 is v0.0.0. */
export function manyRefsTagName(index: number): string {
  const age = MANY_REFS_TAG_COUNT - 1 - index
  return `v0.${Math.floor(age / 100)}.${age % 100}`
}

/** Releases exist for minor versions only (`v0.N.0`). */
export function manyRefsHasRelease(tagName: string): boolean {
  return /^v0\.\d+\.0$/.test(tagName)
}
