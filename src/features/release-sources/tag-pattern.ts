/**
 * A release source's tag pattern: a glob on tag names (`v*`, `release/*`, `v[0-9]*`), matched with
 * picomatch's POSIX build (no Node `path`, and `/` in a tag is an ordinary separator). No pattern
 * means every tag.
 */
import picomatch from 'picomatch/posix'

export type TagMatcher = (tag: string) => boolean

export function tagMatcher(pattern: string | null): TagMatcher {
  if (pattern === null) return () => true
  return picomatch(pattern, { dot: true })
}

/** Why a pattern cannot be used, as a sentence for the field; null when it is fine. */
export function tagPatternProblem(pattern: string): string | null {
  if (pattern.trim() !== pattern) return 'Remove the spaces around the pattern.'
  if (pattern.length > 200) return 'Keep the pattern under 200 characters.'
  try {
    picomatch.makeRe(pattern)
    return null
  } catch {
    return 'This is not a glob pattern picomatch can read, e.g. v* or release/*.'
  }
}
